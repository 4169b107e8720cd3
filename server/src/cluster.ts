import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config';
import type { Logger } from './common/logger';
import { shutdown, ShutdownStage } from './common/shutdown';
import type { Database } from './db/database';

/**
 * Several server processes on one machine, so that a server uses every core it is given. The
 * primary opens the database (starting the embedded PostgreSQL, applying migrations, seeding the
 * demo) and forks the workers, which share the listening port through node:cluster and share
 * nothing else: each has its own pool, and everything that must hold across requests (sessions,
 * the sign-in limit, jobs) already lives in PostgreSQL, so it holds across processes as it does
 * across servers behind a load balancer.
 *
 * A worker that dies is replaced; on SIGTERM or SIGINT the primary stops every worker in two steps
 * (see stopWorkers), waits for them, then stops the database.
 */
export async function runWorkers(config: Config, log: Logger, database: Database): Promise<number> {
  // The primary serves nothing: its pool would only hold connections the workers need.
  await database.db.destroy();
  const env = {
    DATABASE_URL: database.url,
    NOTES_ENCRYPTION_KEY: config.notesKey!.toString('base64'),
    SEED_DEMO: 'false',
  };
  cluster.setupPrimary({ execArgv: workerExecArgv() });
  const workers = new Set<Worker>();
  const fork = () => {
    const worker = cluster.fork(env);
    workers.add(worker);
    worker.once('exit', (code, signal) => {
      workers.delete(worker);
      if (shutdown.stopping) return;
      log.error('a server process stopped; starting another', { code, signal });
      fork();
    });
    return worker;
  };
  const listening = Array.from({ length: config.workers }, () => {
    const worker = fork();
    return new Promise<number>((resolve, reject) => {
      worker.once('listening', (address) => resolve(address.port));
      worker.once('exit', (code) => reject(new Error(`a server process exited with ${code} while starting`)));
    });
  });

  shutdown.register('server processes', ShutdownStage.ACCEPT, () => stopWorkers([...workers]));
  const ports = await Promise.all(listening);
  return ports[0];
}

/**
 * The workers' Node flags: the primary's own, and a young generation of 64 MB per semi-space
 * unless one is set already (in NODE_OPTIONS or on the command line). Node's default (16 MB) filled
 * several times a second under a board of 100 changes at ten concurrent requests, and each
 * collection carried the objects of the requests still in flight into the old generation, to be
 * collected again at greater cost: the larger space took a tenth off each request's CPU
 * (bench:board, issue 11). It costs memory only when the load needs it.
 */
function workerExecArgv(): string[] {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return given.some((flag) => flag.startsWith('--max-semi-space-size')) ? process.execArgv : [...process.execArgv, '--max-semi-space-size=64'];
}

const STOP_ACCEPTING = 'common-ground:stop-accepting';
const NOT_ACCEPTING = 'common-ground:not-accepting';

/**
 * Stops the workers without resetting a connection: first every worker stops accepting, and only
 * once all have (the port is then closed, and a new connection is refused) does each drain and
 * exit. Draining answers with `Connection: close`, so clients open new connections at once; had a
 * worker drained while another still held the port open, node:cluster would have taken those
 * connections and reset them when the last worker let go of the port.
 */
async function stopWorkers(workers: Worker[]): Promise<void> {
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          // Our reply comes after node:cluster's own "close" on the same channel, so once it is
          // here the primary no longer hands this worker connections.
          const replied = (message: unknown) => message === NOT_ACCEPTING && done();
          const done = () => {
            worker.off('message', replied);
            worker.off('exit', done);
            resolve();
          };
          worker.on('message', replied);
          worker.once('exit', done);
          worker.send(STOP_ACCEPTING);
        }),
    ),
  );
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    ),
  );
}

/** In a worker: stop accepting when the primary asks (the first of stopWorkers' two steps), and say so. */
export function stopAcceptingWhenAsked(stopAccepting: () => void): void {
  process.on('message', (message) => {
    if (message !== STOP_ACCEPTING) return;
    stopAccepting();
    process.send?.(NOT_ACCEPTING);
  });
}
