/** `npm run seed:demo`: seeds the demo organisations into DATABASE_URL (or the embedded database) if it is empty. */
import 'reflect-metadata';
import { readConfig } from './config';
import { createLogger } from './common/logger';
import { openDatabase } from './db/database';
import { isEmpty, seedDemo } from './db/seed/demo';

async function run() {
  const config = readConfig();
  const database = await openDatabase(config, createLogger(config.logLevel));
  try {
    if (await isEmpty(database.db)) {
      await seedDemo(database.db, config.notesKey!);
      console.log('Seeded the demo organisations.');
    } else {
      console.log('The database already holds organisations; demo data was not added.');
    }
  } finally {
    await database.close();
  }
}

run().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
