import type { DataSource } from 'typeorm';
import { createApp } from '../../server/src/app';
import { createLogger } from '../../server/src/common/logger';
import { readConfig } from '../../server/src/config';
import { createDataSource } from '../../server/src/db/data-source';
import { testDatabaseUrl } from '../setup/test-database';

export interface TestServer {
  url: string;
  db: DataSource;
  close(): Promise<void>;
}

/** The real HTTP server (API and built client) on a random port, against the test database. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config = readConfig({ ...process.env, PORT: '0', DATABASE_URL: testDatabaseUrl(), SEED_DEMO: 'false', EXPOSE_SQL_COUNT: 'true', COMPILE_QUERIES_AFTER: '1', ...env });
  const log = createLogger(config.logLevel);
  const db = createDataSource(testDatabaseUrl(), (message, fields) => log.warn(message, fields));
  await db.initialize();
  const app = await createApp(config, db, log);
  const port = await app.listen(0, '127.0.0.1');
  config.publicUrl = `http://127.0.0.1:${port}`;
  return {
    url: config.publicUrl,
    db,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}
