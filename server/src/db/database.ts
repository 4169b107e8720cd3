import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { Logger } from '../common/logger';
import { createDataSource } from './data-source';
import { startEmbeddedDatabase } from './embedded';

export interface Database {
  db: DataSource;
  embedded: boolean;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL; then applies pending migrations. */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedDatabase(config.dataDir, log);
  const db = createDataSource(config.databaseUrl ?? embedded!.url, (message, fields) => log.warn(message, fields));
  try {
    await db.initialize();
    const applied = await db.runMigrations({ transaction: 'each' });
    if (applied.length) log.info('applied migrations', { migrations: applied.map((m) => m.name) });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    embedded: Boolean(embedded),
    async close() {
      if (db.isInitialized) await db.destroy();
      await embedded?.stop();
    },
  };
}
