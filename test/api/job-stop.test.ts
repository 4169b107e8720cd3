import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createLogger } from '../../server/src/common/logger';
import { readConfig } from '../../server/src/config';
import { abortableTransaction, TransactionAbortedError } from '../../server/src/db/abortable';
import { createDataSource } from '../../server/src/db/data-source';
import { createJobRunner, JOBS_STOP_WAIT_MS, SWEEP_QUEUE } from '../../server/src/modules/jobs/jobs.runner';
import { eventually } from '../helpers/mail';
import { freshDatabase } from '../helpers/process';

/**
 * A stopping server must not wait for a reminder sweep: on a large programme one took fourteen
 * seconds, longer than the whole stop may take (nine), and the server exited 1 after "the stop
 * was not clean or took too long". The runner now ends a sweep in flight, which writes nothing,
 * and the next sweep does its work.
 */
let url: string;
let db: DataSource;
const config = () => readConfig({ ...process.env, SMTP_URL: '', LOG_LEVEL: 'silent' });

beforeAll(async () => {
  url = await freshDatabase('job_stop');
  db = createDataSource(url);
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  await db.query('CREATE TABLE abort_probe (n int)');
}, 60_000);

afterAll(async () => {
  await db.destroy();
});

/** Backends of this database waiting for a lock, other than `except`. */
const waitingOnLocks = async (except: number): Promise<number> =>
  Number((await db.query(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1`, [except]))[0].count);

test('a stopping runner ends the sweep in flight at once instead of waiting for it', async () => {
  // The sweep starts by reading changes; holding this lock keeps it waiting there for as long as the test likes.
  const holder = new Client({ connectionString: url });
  await holder.connect();
  const holderPid = (await holder.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
  await holder.query('BEGIN');
  await holder.query('LOCK TABLE change_proposal IN ACCESS EXCLUSIVE MODE');
  const runner = createJobRunner(config(), db, createLogger('silent'));
  try {
    await runner.start();
    await eventually('the start-up sweep to wait on the lock', async () => (await waitingOnLocks(holderPid)) > 0, 20_000);

    const asked = Date.now();
    await runner.stop();
    expect(Date.now() - asked).toBeLessThan(JOBS_STOP_WAIT_MS + 1_000);
    await eventually('the sweep to let go', async () => (await waitingOnLocks(holderPid)) === 0, 5_000);
  } finally {
    await holder.query('ROLLBACK');
    await holder.end();
  }
  const sweeps = await db.query(`SELECT state FROM pgboss.job WHERE name = $1`, [SWEEP_QUEUE]);
  expect(sweeps.map((job: { state: string }) => job.state)).not.toContain('completed');
  expect(await db.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]); // the pool let the ended session go
}, 60_000);

describe('abortableTransaction', () => {
  beforeEach(() => db.query('TRUNCATE abort_probe'));
  const probeRows = async () => Number((await db.query('SELECT count(*) FROM abort_probe'))[0].count);

  test('commits like a transaction when nobody aborts it', async () => {
    expect(await abortableTransaction(db, new AbortController().signal, async (tx) => (await tx.query('INSERT INTO abort_probe VALUES (1) RETURNING n'))[0].n)).toBe(1);
    expect(await probeRows()).toBe(1);
  });

  test('aborted during a statement, it ends at once and keeps nothing it wrote', async () => {
    const abort = new AbortController();
    const started = Date.now();
    const running = abortableTransaction(db, abort.signal, async (tx) => {
      await tx.query('INSERT INTO abort_probe VALUES (1)');
      await tx.query('SELECT pg_sleep(30)');
    });
    setTimeout(() => abort.abort(), 300);
    await expect(running).rejects.toBeInstanceOf(TransactionAbortedError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await probeRows()).toBe(0);
  });

  test('aborted between statements, the next statement fails and nothing is kept', async () => {
    const abort = new AbortController();
    const running = abortableTransaction(db, abort.signal, async (tx) => {
      await tx.query('INSERT INTO abort_probe VALUES (1)');
      abort.abort();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await tx.query('INSERT INTO abort_probe VALUES (2)');
    });
    await expect(running).rejects.toBeInstanceOf(TransactionAbortedError);
    expect(await probeRows()).toBe(0);
    expect(Number((await db.query(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`))[0].count)).toBe(0);
  });

  test('does not start once aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(abortableTransaction(db, abort.signal, (tx) => tx.query('INSERT INTO abort_probe VALUES (1)'))).rejects.toBeInstanceOf(TransactionAbortedError);
    expect(await probeRows()).toBe(0);
  });
});
