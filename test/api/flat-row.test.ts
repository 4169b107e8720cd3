import type { DataSource } from 'typeorm';
import { FlatRow } from '../../server/src/common/loader-utils';
import { createDataSource } from '../../server/src/db/data-source';
import { queryPreparedTexts } from '../../server/src/db/prepared';
import { ensureDemoData } from '../helpers/demo';
import { testDatabaseUrl } from '../setup/test-database';

/**
 * FlatRow (common/loader-utils.ts) reads an entity from its columns' texts, decoding each by its
 * type, where the repository lets `pg` and TypeORM do it: for every entity, over the demo data,
 * both must give the same objects, or a type would be shown differently on the board than anywhere else.
 */
let db: DataSource;
beforeAll(async () => {
  db = createDataSource(testDatabaseUrl(), () => undefined);
  await db.initialize();
  await ensureDemoData(db);
});
afterAll(() => db.destroy());

describe('an entity read from a flat row', () => {
  it('is the object the repository loads, for every entity and every column type the demo data holds', async () => {
    const compared = new Set<string>();
    const types = new Set<string>();
    for (const metadata of db.entityMetadatas.filter((entity) => entity.tableType === 'regular')) {
      const row = new FlatRow();
      const read = row.entity(db, metadata.target, 'e');
      const order = metadata.primaryColumns.map((column) => `e."${column.databaseName}"`).join(', ');
      const texts = await queryPreparedTexts(db, `SELECT ${row.selectList} FROM "${metadata.tableName}" e ORDER BY ${order} LIMIT 25`, []);
      if (!texts.length) continue;
      const stored = await db
        .getRepository(metadata.target)
        .find({ order: Object.fromEntries(metadata.primaryColumns.map((column) => [column.propertyName, 'ASC'])), take: 25 });
      expect({ entity: metadata.name, rows: texts.map((text) => read(text)) }).toEqual({ entity: metadata.name, rows: stored });
      compared.add(metadata.name);
      for (const column of metadata.columns.filter((c) => c.isSelect)) types.add(`${String(column.type)}${column.isArray ? '[]' : ''}`);
    }
    expect(compared.size).toBeGreaterThan(20);
    // Every kind of column the flat row decodes differently was met with values.
    for (const type of ['uuid', 'text', 'enum', 'enum[]', 'text[]', 'date', 'int', 'boolean', 'jsonb', 'timestamptz']) expect(types).toContain(type);
  });

  it('cannot be built for a column type it has no reading for, nor told to spot a missing row by a column it leaves out', () => {
    for (const metadata of db.entityMetadatas) expect(() => new FlatRow().entity(db, metadata.target, 'e')).not.toThrow();
    const person = db.entityMetadatas.find((entity) => entity.name === 'PersonEntity')!;
    expect(() => new FlatRow().entity(db, person.target, 'p', { known: ['id'], absentWhenNull: 'id' })).toThrow(/cannot tell a missing row/);
  });
});
