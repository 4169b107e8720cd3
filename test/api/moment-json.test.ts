import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { entityFromJson, FlatRow, rowAsJson, type RowJson } from '../../server/src/common/loader-utils';
import { createDataSource } from '../../server/src/db/data-source';
import { queryPreparedTexts } from '../../server/src/db/prepared';
import { PersonEntity } from '../../server/src/modules/person/person.entity';
import { testDatabaseUrl } from '../setup/test-database';

/**
 * A moment read by rowAsJson or a FlatRow (as whole milliseconds computed in double precision, see
 * common/loader-utils.ts) becomes the same Date as PostgreSQL's exact figure and as the moment
 * written, for any millisecond from 1900 to 9999: before 1970, on whole seconds, at .999.
 */
let db: DataSource;
beforeAll(async () => {
  db = createDataSource(testDatabaseUrl(), () => undefined);
  await db.initialize();
});
afterAll(() => db.destroy());

const FIRST = Date.UTC(1900, 0, 1);
const LAST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const EDGES = [0, -1, 1, 999, -999, 1000, -1000, FIRST, LAST, Date.UTC(2026, 11, 3, 12, 30, 54, 306), Date.UTC(2038, 0, 19, 3, 14, 7, 999)];

/** Each moment as rowAsJson and as a FlatRow read it from a person row, beside PostgreSQL's exact numeric figure. */
async function readBack(moments: number[]): Promise<{ read: number; flat: number; exact: number }[]> {
  // The person's columns from a list of values, so nothing is written.
  const people = `(SELECT gen_random_uuid() AS id, 'someone@example.org' AS email, 'Someone' AS display_name, false AS is_platform_admin,
                          moment::timestamptz(3) AS created_at, ordinality
                   FROM unnest($1::text[]) WITH ORDINALITY AS moment) p`;
  const values = [moments.map((ms) => new Date(ms).toISOString())];
  const rows: { person: RowJson; exact: string }[] = await db.query(
    `SELECT ${rowAsJson(db, PersonEntity, 'p')} AS person, floor(extract(epoch from p.created_at) * 1000)::int8::text AS exact FROM ${people} ORDER BY p.ordinality`,
    values,
  );
  const flat = new FlatRow();
  const readFlat = flat.entity(db, PersonEntity, 'p');
  const flatRows = await queryPreparedTexts(db, `SELECT ${flat.selectList} FROM ${people} ORDER BY p.ordinality`, values);
  return rows.map((row, i) => ({
    read: entityFromJson(db, PersonEntity, row.person).createdAt.getTime(),
    flat: readFlat(flatRows[i])!.createdAt.getTime(),
    exact: Number(row.exact),
  }));
}

describe('moments read through rowAsJson and FlatRow', () => {
  it('read back as the same millisecond PostgreSQL holds, for any date from 1900 to 9999', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.integer({ min: FIRST, max: LAST }), fc.constantFrom(...EDGES)), { minLength: 1, maxLength: 200 }), async (moments) => {
        const read = await readBack(moments);
        expect(read).toEqual(moments.map((ms) => ({ read: ms, flat: ms, exact: ms })));
      }),
      { numRuns: 60 },
    );
  });

  it('every moment column of every entity is stored to the millisecond, so each can be read this way', () => {
    const instants = db.entityMetadatas.flatMap((entity) => entity.columns.filter((column) => column.type === 'timestamptz'));
    expect(instants.length).toBeGreaterThan(40);
    for (const entity of db.entityMetadatas) expect(() => rowAsJson(db, entity.target, 'row')).not.toThrow();
  });
});
