import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emitSchemaDefinitionFileSync } from 'type-graphql';
import { createDataSource } from '../../server/src/db/data-source';
import { createSchema, schemaFile } from '../../server/src/schema';
import { testDatabaseUrl } from '../setup/test-database';

describe('schema and migrations are reviewed artifacts', () => {
  it('the committed schema/schema.graphql is what the code emits (run `npm run schema:emit` after changing the API)', async () => {
    const schema = await createSchema();
    const emitted = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'schema-')), 'schema.graphql');
    emitSchemaDefinitionFileSync(emitted, schema, { sortedSchema: true });
    expect(fs.readFileSync(schemaFile, 'utf8')).toBe(fs.readFileSync(emitted, 'utf8'));
  });

  it('the entities match what the migrations created (run `npm run migration:generate` after changing an entity)', async () => {
    const db = createDataSource(testDatabaseUrl());
    await db.initialize();
    try {
      const pending = await db.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await db.showMigrations()).toBe(false);
    } finally {
      await db.destroy();
    }
  });
});
