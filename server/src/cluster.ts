import cluster, { type Worker } from 'node:cluster';
import type http from 'node:http';
import net from 'node:net';
import { listenError, type Config } from './config';
import type { Logger } from './common/logger';
import { shutdown, ShutdownStage } from './common/shutdown';
import type { Database } from './db/database';

/**
 * Several server processes on one machine, so that a server uses every core it is given. The
 * primary opens the database (starting the embedded PostgreSQL, applying migrations, seeding the
 * demo), forks the workers and listens on the port; the workers share nothing else: each has its
 * own pool, and everything that must hold across requests (sessions, the sign-in limit, jobs)
 * already lives in PostgreSQL, so it holds across processes as it does across servers behind a
 * load balancer.
 *
 * The primary hands each new connection to the worker with the fewest open (ConnectionBalancer).
 * node:cluster's own round robin hands a connection to whichever worker is free to take it first:
 * ten keep-alive connections opened together went six to one worker and four to the other in run
 * after run, and the six waited half as long again for their answers (bench:board, issue 11).
 *
 * A worker that dies is replaced; on SIGTERM or SIGINT the primary stops listening, then stops
 * every worker in two steps (see stopWorkers), waits for them, then stops the database.
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
  const balancer = new ConnectionBalancer();
  const workers = new Set<Worker>();
  const fork = (): Promise<void> => {
    const worker = cluster.fork(env);
    workers.add(worker);
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message) => {
        if (message === CONNECTION_CLOSED) balancer.closed(worker);
        else if (message === READY) {
          balancer.add(worker);
          resolve();
        }
      });
      worker.once('exit', (code) => reject(new Error(`a server process exited with ${code} while starting`)));
    });
    worker.once('exit', (code, signal) => {
      workers.delete(worker);
      balancer.remove(worker);
      if (shutdown.stopping) return;
      log.error('a server process stopped; starting another', { code, signal });
      fork().catch(() => {}); // its exit is logged as this one's was
    });
    return ready;
  };
  await Promise.all(Array.from({ length: config.workers }, fork));

  const listener = net.createServer({ pauseOnConnect: true }, (socket) => balancer.handOff(socket));
  shutdown.register('server processes', ShutdownStage.ACCEPT, () => {
    // Not waiting for close's callback: Node calls it once the workers have closed every
    // connection handed to them, which they do only when stopWorkers tells them to drain.
    listener.close();
    return stopWorkers([...workers]);
  });
  try {
    return await new Promise<number>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(config.port, () => {
        listener.off('error', reject);
        resolve((listener.address() as net.AddressInfo).port);
      });
    });
  } catch (error) {
    await shutdown.run(log);
    throw listenError(error, config.port);
  }
}

const READY = 'common-ground:ready';
const CONNECTION = 'common-ground:connection';
const CONNECTION_CLOSED = 'common-ground:connection-closed';
const NO_MORE_CONNECTIONS = 'common-ground:no-more-connections';
const HAS_ALL_CONNECTIONS = 'common-ground:has-all-connections';

/**
 * Hands each connection to the ready worker with the fewest open connections (the first of them
 * on a tie), so a burst of keep-alive connections splits evenly and stays so; a worker tells the
 * primary when one closes. A connection is the unit of work here because a client (a browser, a
 * proxy in front of the server) sends its requests one after another on the connections it keeps.
 */
class ConnectionBalancer {
  private readonly open = new Map<Worker, number>();

  add(worker: Worker): void {
    this.open.set(worker, 0);
  }

  remove(worker: Worker): void {
    this.open.delete(worker);
  }

  closed(worker: Worker): void {
    const count = this.open.get(worker);
    if (count) this.open.set(worker, count - 1);
  }

  handOff(socket: net.Socket): void {
    let chosen: Worker | undefined;
    let fewest = Infinity;
    for (const [worker, count] of this.open) {
      if (count < fewest && worker.isConnected()) [chosen, fewest] = [worker, count];
    }
    // Every worker is gone (and being replaced): the client sees a reset and may try again.
    if (!chosen) return void socket.destroy();
    const worker = chosen;
    this.open.set(worker, fewest + 1);
    worker.send(CONNECTION, socket, (error: Error | null) => {
      if (!error) return;
      socket.destroy();
      this.closed(worker);
    });
  }
}

/**
 * In a worker: serve the connections the primary hands over, on `server`, and say when each
 * closes. Call readyToServe once the rest of the worker is ready.
 */
export function serveHandedConnections(server: http.Server): void {
  // http.Server starts the timer that enforces headersTimeout and requestTimeout when it starts
  // listening; this one never listens (the primary does), so it is told it has.
  server.emit('listening');
  process.on('message', (message, socket?: net.Socket) => {
    if (message === NO_MORE_CONNECTIONS) return sendToPrimary(HAS_ALL_CONNECTIONS);
    if (message !== CONNECTION || !socket) return;
    socket.once('close', () => sendToPrimary(CONNECTION_CLOSED));
    server.emit('connection', socket);
    socket.resume();
  });
}

/** In a worker: from now on the primary may hand it connections. */
export function readyToServe(): void {
  sendToPrimary(READY);
}

/** A message the primary may no longer be there to take (it stopped first): then nobody needs it. */
const sendToPrimary = (message: string) => {
  if (process.connected) process.send?.(message, undefined, {}, () => {});
};

/**
 * The workers' Node flags: the primary's own, plus two for V8's garbage collector unless they are
 * set already (in NODE_OPTIONS or on the command line). Both come from bench:board (issue 11):
 *
 * - A young generation of 64 MB per semi-space. Node's default (16 MB) filled several times a
 *   second under a board of 100 changes at ten concurrent requests, and each collection carried
 *   the objects of the requests still in flight into the old generation, to be collected again at
 *   greater cost: the larger space took a tenth off each request's CPU. It costs memory only when
 *   the load needs it.
 * - No memory reducer. Under steady load it still judged the process idle enough to shrink, every
 *   ten seconds or so, with a full compacting collection that freed nothing (33.2 MB to 33.1) and
 *   stopped the worker for 40–120 ms, every request in it waiting. The heap still shrinks when its
 *   own limit is reached; an idle server keeps what its busiest moment needed.
 */
function workerExecArgv(): string[] {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  const flags = [...process.execArgv];
  if (!given.some((flag) => flag.startsWith('--max-semi-space-size'))) flags.push('--max-semi-space-size=64');
  if (!given.some((flag) => /^--(no-)?memory-reducer$/.test(flag))) flags.push('--no-memory-reducer');
  return flags;
}

/**
 * Stops the workers without cutting a connection. The primary has stopped listening; each worker
 * is then told that no more connections will come, and answers once that message has reached it,
 * so every connection handed to it before has too (messages on one channel arrive in order). Only
 * then is it told to stop: it drains the connections it has, answering with `Connection: close`,
 * and exits.
 */
async function stopWorkers(workers: Worker[]): Promise<void> {
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          const replied = (message: unknown) => message === HAS_ALL_CONNECTIONS && done();
          const done = () => {
            worker.off('message', replied);
            worker.off('exit', done);
            resolve();
          };
          worker.on('message', replied);
          worker.once('exit', done);
          if (worker.isConnected()) worker.send(NO_MORE_CONNECTIONS);
          else done();
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
