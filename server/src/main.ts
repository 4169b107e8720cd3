import 'reflect-metadata';
import { createApp } from './app';
import { ConfigError, readConfig } from './config';
import { createLogger, describeError } from './common/logger';
import { openDatabase } from './db/database';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, seedDemo } from './db/seed/demo';

/** Start-up only: config → database → migrations → (demo data) → HTTP server. */
async function main() {
  const started = Date.now();
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
  const database = await openDatabase(config, log).catch((error) => {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  });
  if (config.seedDemo && (await isEmpty(database.db))) {
    await seedDemo(database.db, config.notesKey!);
    log.info('seeded the demo organisations');
  }
  const app = await createApp(config, database.db, log);
  const port = await app.listen(config.port).catch(async (error: NodeJS.ErrnoException) => {
    await database.close();
    throw error.code === 'EADDRINUSE' ? new Error(`port ${config.port} is in use: set PORT to another port`) : error;
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    await app.close().catch(() => undefined);
    await database.close().catch((error) => log.error('database did not close cleanly', describeError(error)));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const url = `http://localhost:${port}`;
  const lines = [
    '',
    `Common Ground is running at ${url}  (GraphQL: ${url}/graphql)`,
    `Database: ${database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  ];
  if (database.embedded) {
    lines.push(`Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const account of DEMO_ACCOUNTS) lines.push(`  ${account.email.padEnd(34)} ${account.role}`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((error) => {
  console.error('Common Ground could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
