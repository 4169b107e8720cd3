import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createLogger } from '../../server/src/common/logger';
import { readConfig } from '../../server/src/config';
import { createDataSource } from '../../server/src/db/data-source';
import { createJobRunner, MAIL_QUEUE, QUEUE_SETUP_LOCK, SWEEP_QUEUE } from '../../server/src/modules/jobs/jobs.runner';
import { freshDatabase } from '../helpers/process';

/**
 * Processes starting together set up pg-boss's queues one at a time (jobs.runner.ts). pg-boss
 * 10.4.2's create_queue deadlocked when two processes created the same new queue at once, and one
 * of them failed to start. These runners share a newly made database, as npm start's processes do
 * on first start.
 */
let url: string;
let db: DataSource;
const config = () => readConfig({ ...process.env, SMTP_URL: '', LOG_LEVEL: 'silent' });
const queues = async () => (await db.query(`SELECT name FROM pgboss.queue WHERE name NOT LIKE '\_\_pgboss%' ORDER BY name`)).map((row: { name: string }) => row.name);

beforeAll(async () => {
  url = await freshDatabase('queue_setup');
  db = createDataSource(url);
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
}, 60_000);

afterAll(async () => {
  await db.destroy();
});

beforeEach(async () => {
  await db.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
});

test('a runner waits for the setup lock before it creates a queue, and starts once it is free', async () => {
  const holder = new Client({ connectionString: url });
  await holder.connect();
  const runner = createJobRunner(config(), db, createLogger('silent'));
  try {
    await holder.query(`SELECT pg_advisory_lock(${QUEUE_SETUP_LOCK})`);
    let started = false;
    const starting = runner.start().then(() => (started = true));
    // pg-boss makes its schema, then the runner waits on the lock: no queue yet, however long.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(started).toBe(false);
    expect(await queues()).toEqual([]);

    await holder.query(`SELECT pg_advisory_unlock(${QUEUE_SETUP_LOCK})`);
    await starting;
    expect(await queues()).toEqual([MAIL_QUEUE, SWEEP_QUEUE].sort());
  } finally {
    await runner.stop();
    await holder.end();
  }
}, 30_000);

test('four runners starting together on a new job schema all start', async () => {
  const runners = Array.from({ length: 4 }, () => createJobRunner(config(), db, createLogger('silent')));
  try {
    const results = await Promise.allSettled(runners.map((runner) => runner.start()));
    expect(results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'started'))).toEqual(Array(4).fill('started'));
    expect(await queues()).toEqual([MAIL_QUEUE, SWEEP_QUEUE].sort());
  } finally {
    await Promise.all(runners.map((runner) => runner.stop()));
  }
}, 60_000);
