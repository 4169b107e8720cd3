import PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { PoolClient } from 'pg';
import type { Config } from '../../config';
import { describeError, type Logger } from '../../common/logger';
import { createMailer, type Mailer } from '../mail/mail.delivery';
import { MailStatus } from '../mail/mail.entity';
import { runReminderSweep } from '../reminders/reminders.service';

/** Queue names (pg-boss keeps its own tables in the `pgboss` schema of the app's database). */
export const MAIL_QUEUE = 'mail-deliver';
export const SWEEP_QUEUE = 'reminders-sweep';
/** The sweep for reminders, escalations and digests: every ten minutes, whichever process takes it. */
export const SWEEP_CRON = '*/10 * * * *';

export interface JobRunner {
  start(): Promise<void>;
  /**
   * Stops taking jobs, rolls back a reminder sweep in flight (the next sweep does its work), lets
   * mail deliveries in flight finish (up to JOBS_STOP_WAIT_MS) and closes pg-boss's connections.
   */
  stop(): Promise<void>;
}

/**
 * How long a stopping runner waits for deliveries in flight. With the HTTP drain's seven seconds
 * it stays inside the stop's nine (common/shutdown.ts); a delivery cut off is retried later.
 */
export const JOBS_STOP_WAIT_MS = 1_500;

/** The advisory lock queue setup takes: unlocked with the same key it was locked with. */
export const QUEUE_SETUP_LOCK = `hashtext('common-ground:job-queue-setup')`;

/**
 * Runs `setup` while holding a session advisory lock, so processes starting together take turns.
 * pg-boss 10.4.2's create_queue is not safe to run concurrently: on a database where the queue does
 * not exist yet, two processes each create the queue's table and its foreign key to pgboss.queue
 * and deadlock, and one of them fails to start (seen with npm start's several processes).
 */
async function oneProcessAtATime(db: DataSource, setup: () => Promise<void>): Promise<void> {
  const runner = db.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    await client.query(`SELECT pg_advisory_lock(${QUEUE_SETUP_LOCK})`);
    try {
      await setup();
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${QUEUE_SETUP_LOCK})`);
    }
  } finally {
    await runner.release();
  }
}

/**
 * Background and scheduled work on the app's own PostgreSQL with pg-boss. A message becomes a job
 * through a transactional outbox: services write `mail_message` rows inside their own
 * transactions; this runner moves PENDING rows to QUEUED and creates their delivery jobs in one
 * transaction (SKIP LOCKED, so several processes never queue one row twice). Jobs are kept in the
 * database, so they survive a restart; a failed delivery is retried with exponential backoff and
 * each job is fetched by one process only.
 */
export function createJobRunner(config: Config, db: DataSource, log: Logger, options: { dispatchEveryMs?: number } = {}): JobRunner {
  const url = (db.options as { url?: string }).url;
  if (!url) throw new Error('the job runner needs the database URL of the data source');
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 4, application_name: 'common-ground-jobs' });
  boss.on('error', (error) => log.error('job runner error', describeError(error)));
  const mailer: Mailer = createMailer(config, db, log);
  let timer: NodeJS.Timeout | undefined;
  let dispatching: Promise<void> | null = null;
  let started = false;
  let mailWorker: string | undefined;
  let stopping = new AbortController();

  /** Hands every PENDING message to a delivery job, in the same transaction as the status change. */
  async function dispatch(): Promise<void> {
    const runner = db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string }>(
        `SELECT id FROM mail_message WHERE status = $1 ORDER BY created_at LIMIT 50 FOR UPDATE SKIP LOCKED`,
        [MailStatus.PENDING],
      );
      for (const row of rows) {
        await boss.send(MAIL_QUEUE, { mailId: row.id }, { db: { executeSql: (text, values) => client.query(text, values) } });
      }
      if (rows.length) await client.query(`UPDATE mail_message SET status = $1 WHERE id = ANY($2::uuid[])`, [MailStatus.QUEUED, rows.map((r) => r.id)]);
      await client.query('COMMIT');
      // Wake the mail worker rather than wait for its next poll.
      if (rows.length && mailWorker) boss.notifyWorker(mailWorker);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      log.error('mail dispatch failed', describeError(error));
    } finally {
      await runner.release();
    }
  }

  return {
    async start() {
      stopping = new AbortController();
      await boss.start();
      const mailQueue = { name: MAIL_QUEUE, retryLimit: config.mailRetryLimit, retryDelay: config.mailRetrySeconds, retryBackoff: true, expireInSeconds: 120 };
      await oneProcessAtATime(db, async () => {
        await boss.createQueue(MAIL_QUEUE, mailQueue);
        await boss.updateQueue(MAIL_QUEUE, mailQueue); // the queue outlives a restart; today's settings apply
        await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, retryLimit: 2, retryDelay: 60, expireInSeconds: 600 });
      });
      // Up to ten messages a fetch; each that fails is failed on its own (pg-boss then retries it
      // with backoff), and pg-boss completes the rest when the handler returns.
      mailWorker = await boss.work<{ mailId: string }>(MAIL_QUEUE, { includeMetadata: true, batchSize: 10, pollingIntervalSeconds: 0.5 }, async (jobs) => {
        await Promise.all(
          jobs.map((job) =>
            mailer.deliver(job.data.mailId, { retryCount: job.retryCount, retryLimit: job.retryLimit }).catch((error: Error) => boss.fail(MAIL_QUEUE, job.id, { message: error.message })),
          ),
        );
      });
      await boss.work(SWEEP_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
        await runReminderSweep(db, new Date(), stopping.signal);
      });
      await boss.schedule(SWEEP_QUEUE, SWEEP_CRON);
      // One sweep at start, so a server that was down catches up; the singleton key per ten
      // minutes keeps several processes starting together to one.
      await boss.send(SWEEP_QUEUE, {}, { singletonKey: 'start', singletonSeconds: 600 });
      const tick = () => {
        dispatching ??= dispatch().finally(() => (dispatching = null));
      };
      timer = setInterval(tick, options.dispatchEveryMs ?? 500);
      tick();
      started = true;
      log.info('job runner started', { smtp: Boolean(config.smtpUrl) });
    },
    async stop() {
      if (!started) return;
      started = false;
      clearInterval(timer);
      stopping.abort();
      await dispatching;
      await boss.stop({ graceful: true, wait: true, timeout: JOBS_STOP_WAIT_MS });
      mailer.close();
    },
  };
}
