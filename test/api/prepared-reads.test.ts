import type { AppDataSource } from '../../server/src/db/data-source';
import { PREPARED_STATEMENT_LIMIT, queryPrepared } from '../../server/src/db/prepared';
import { onEveryPreparedConnection } from '../helpers/prepared';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();

describe('prepared reads', () => {
  it('prepares at most PREPARED_STATEMENT_LIMIT texts on any connection, and still runs every text beyond them', async () => {
    const db = t.server.db as AppDataSource;
    // Texts that differ as a list's filters and a page's narrowings make them differ: one statement each.
    const texts = Array.from({ length: PREPARED_STATEMENT_LIMIT + 60 }, (_, i) => `SELECT $1::int + ${i} AS sum`);
    for (const [i, text] of texts.entries()) {
      expect(await queryPrepared<{ sum: number }>(db, text, [1000])).toEqual([{ sum: 1000 + i }]);
    }
    // Again, two at a time, so that more than one pooled connection runs them.
    for (let i = 0; i < texts.length; i += 2) {
      await Promise.all([queryPrepared(db, texts[i], [1]), queryPrepared(db, texts[i + 1], [1])]);
    }
    const counts = await onEveryPreparedConnection(db, async (client) => (await client.query(`SELECT count(*)::int AS prepared FROM pg_prepared_statements WHERE name LIKE 'cg\\_%'`)).rows[0].prepared as number);
    for (const prepared of counts) {
      expect(prepared).toBeGreaterThan(0);
      expect(prepared).toBeLessThanOrEqual(PREPARED_STATEMENT_LIMIT);
    }
  });
});
