import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { ConfigError } from '../config';
import type { Config } from '../config';
import type { Logger } from '../common/logger';
import { createDataSource } from './data-source';
import { startEmbeddedDatabase } from './embedded';

export interface Database {
  db: DataSource;
  /** Where it is: DATABASE_URL, or the embedded server's loopback URL. */
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** The embedded default keeps its notes key beside its data, created on first start. */
function embeddedNotesKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'notes-key');
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL; then applies pending migrations.
 * Fills in config.notesKey for the embedded default.
 */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  if (!config.notesKey && config.databaseUrl) {
    throw new ConfigError('NOTES_ENCRYPTION_KEY is required with DATABASE_URL (openssl rand -base64 32); it encrypts private session notes');
  }
  const embedded = config.databaseUrl ? null : await startEmbeddedDatabase(config.dataDir, log);
  if (embedded) config.notesKey ??= embeddedNotesKey(config.dataDir);
  const url = config.databaseUrl ?? embedded!.url;
  const db = createDataSource(url, (message, fields) => log.warn(message, fields));
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
    url,
    embedded: Boolean(embedded),
    async close() {
      if (db.isInitialized) await db.destroy();
      await embedded?.stop();
    },
  };
}
