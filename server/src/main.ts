import 'reflect-metadata';
import cluster from 'node:cluster';
import { createApp } from './app';
import { readyToServe, runWorkers } from './cluster';
import { ConfigError, listenError, readConfig, type Config } from './config';
import { createLogger, type Logger } from './common/logger';
import { shutdown, ShutdownStage } from './common/shutdown';
import { openDatabase, type Database } from './db/database';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, seedDemo } from './db/seed/demo';

/** Start-up only: config → database → migrations → (demo data) → HTTP server. */
async function main() {
  const started = Date.now();
  // `npm start` is what people run on a server: production settings unless told otherwise.
  process.env.NODE_ENV ||= 'production';
  let config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  stopOnSignals(log);
  const database = await openDatabase(config, log).catch((error) => {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  });
  shutdown.register('database (pool, then the embedded PostgreSQL)', ShutdownStage.STORAGE, () => database.close());
  if (config.seedDemo && (await isEmpty(database.db))) {
    await seedDemo(database.db, config.notesKey!);
    log.info('seeded the demo organisations');
  }
  const port = cluster.isPrimary && config.workers > 1 ? await runWorkers(config, log, database) : await serve(config, log, database);
  if (cluster.isWorker) return; // the primary says where it runs

  const url = `http://localhost:${port}`;
  const lines = [
    '',
    `Common Ground is running at ${url}  (GraphQL: ${url}/graphql)`,
    ...(config.workers > 1 ? [`${config.workers} server processes (WORKERS)`] : []),
    `Database: ${database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  ];
  if (database.embedded) {
    lines.push(`Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const account of DEMO_ACCOUNTS) lines.push(`  ${account.email.padEnd(34)} ${account.role}`);
  }
  console.log(lines.join('\n') + '\n');
}

/**
 * The HTTP server on the port, in this process, or (in a worker) on the connections the primary
 * hands over; it stops first when the process stops.
 */
async function serve(config: Config, log: Logger, database: Database): Promise<number> {
  const app = await createApp(config, database.db, log);
  if (cluster.isWorker) {
    await app.serveHandedConnections();
    shutdown.register('http', ShutdownStage.ACCEPT, () => app.close());
    readyToServe();
    return 0; // the primary listens, and says where
  }
  const port = await app.listen(config.port).catch(async (error: unknown) => {
    await database.close();
    throw listenError(error, config.port);
  });
  shutdown.register('http', ShutdownStage.ACCEPT, () => app.close());
  return port;
}

/** SIGTERM or SIGINT: run the closers once, then exit (0 when everything stopped cleanly). */
function stopOnSignals(log: ReturnType<typeof createLogger>) {
  const stop = (signal: NodeJS.Signals) => {
    if (shutdown.stopping) return;
    log.info('stopping', { signal });
    void shutdown.run(log).then((clean) => {
      log.info('stopped', { clean });
      process.exit(clean ? 0 : 1);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error('Common Ground could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
