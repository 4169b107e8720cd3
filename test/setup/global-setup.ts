import 'reflect-metadata';
import { Client } from 'pg';
import { createDataSource } from '../../server/src/db/data-source';
import { maintenanceUrl, testDatabaseUrl } from './test-database';

/** Creates the tests' own database afresh and applies the real migrations to it. */
export default async function globalSetup(): Promise<void> {
  const url = testDatabaseUrl();
  const { url: adminUrl, database } = maintenanceUrl(url);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const db = createDataSource(url);
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  await db.destroy();
}
