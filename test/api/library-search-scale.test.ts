import type { DataSource } from 'typeorm';
import { createApp } from '../../server/src/app';
import { createLogger } from '../../server/src/common/logger';
import { readConfig } from '../../server/src/config';
import { createDataSource } from '../../server/src/db/data-source';
import { newToken } from '../../server/src/modules/auth/tokens';
import { SEARCH_LIMITS, SharedCaseSearch } from '../../server/src/modules/library/library.search';
import { seedPublishedCases } from '../../scripts/library-cases';
import { freshDatabase } from '../helpers/process';

/*
 * Library search on a library large enough for its limits to apply (issue 11): 12,000 published
 * cases in a database of their own, read through the real server. Counts past `exactCounts` are
 * estimated from a sample, ranking reaches only the newest `rankWindow` matches, and both must
 * still be right: estimates close to the truth and flagged, exact counts exact, and paging that
 * reaches every match once.
 */
const CASES = 12_000;
const SEARCH = `query ($search: String, $filter: SharedCaseFilter, $first: Int, $after: String) {
  sharedCases(search: $search, filter: $filter, first: $first, after: $after) {
    totalCount totalCountIsEstimate pageInfo { hasNextPage endCursor }
    nodes { id }
    facets { estimated sectors { value count } categories { value count } affectedGroups { value count } outcomes { value count } }
  }
}`;

type Facet = { value: string; count: number };
interface Answer {
  totalCount: number;
  totalCountIsEstimate: boolean;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { id: string }[];
  facets: { estimated: boolean; sectors: Facet[]; categories: Facet[]; affectedGroups: Facet[]; outcomes: Facet[] };
}

let db: DataSource;
let app: Awaited<ReturnType<typeof createApp>>;
let url: string;
let token: string;

beforeAll(async () => {
  const databaseUrl = await freshDatabase('library_scale');
  db = createDataSource(databaseUrl);
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  const { readerId } = await seedPublishedCases(db, CASES);
  const session = newToken();
  token = session.token;
  await db.query(`INSERT INTO auth_session (person_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [readerId, session.hash]);
  app = await createApp(readConfig({ ...process.env, PORT: '0', DATABASE_URL: databaseUrl, SEED_DEMO: 'false', LOG_LEVEL: 'silent' }), db, createLogger('silent'));
  url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}/graphql`;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await db?.destroy();
});

async function search(variables: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: SEARCH, variables }),
  });
  const body = (await response.json()) as { data?: { sharedCases: Answer }; errors?: unknown[] };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.sharedCases;
}

/** The exact count of published cases matching `where`, straight from SQL. */
const exactly = async (where = 'true', values: unknown[] = []) =>
  (await db.query(`SELECT count(*)::int AS n FROM shared_case WHERE status = 'PUBLISHED' AND ${where}`, values))[0].n as number;

/**
 * An estimate from a uniform sample of a fraction f of the matches has a standard error of
 * sqrt(C(1-f)/f) for a true count C; five of them leaves a chance of about one in a million of a
 * false failure per count.
 */
function expectCloseTo(estimate: number, truth: number, matches: number, sampleSize = SEARCH_LIMITS.sampleSize) {
  const fraction = Math.min(1, sampleSize / matches);
  expect(Math.abs(estimate - truth)).toBeLessThanOrEqual(5 * Math.sqrt((truth * (1 - fraction)) / fraction) + 5);
}

test('browsing every case estimates the total and the facets from a sample, close to the true counts, and says so', async () => {
  const answer = await search({ first: 5 });
  expect(answer.totalCountIsEstimate).toBe(true);
  expect(answer.facets.estimated).toBe(true);
  expectCloseTo(answer.totalCount, CASES, CASES);
  for (const facet of answer.facets.sectors) expectCloseTo(facet.count, await exactly('sector = $1', [facet.value]), CASES);
  for (const facet of answer.facets.categories) expectCloseTo(facet.count, await exactly('category = $1', [facet.value]), CASES);
  for (const facet of answer.facets.outcomes) expectCloseTo(facet.count, await exactly('outcome = $1', [facet.value]), CASES);
  for (const facet of answer.facets.affectedGroups) expectCloseTo(facet.count, await exactly('$1 = ANY(affected_groups)', [facet.value]), CASES);
});

test('a filter that leaves few cases counts its total exactly, while the facets over every case stay estimates', async () => {
  const answer = await search({ filter: { sectors: ['HEALTH'] }, first: 5 });
  expect(answer.totalCountIsEstimate).toBe(false);
  expect(answer.totalCount).toBe(await exactly(`sector = 'HEALTH'`));
  expect(answer.facets.estimated).toBe(true);
});

test('a search with fewer matches than exactCounts counts everything exactly', async () => {
  const matches = await exactly(`search_vector @@ websearch_to_tsquery('english', 'shortlisting panel')`);
  expect(matches).toBeGreaterThan(SEARCH_LIMITS.rankWindow);
  expect(matches).toBeLessThanOrEqual(SEARCH_LIMITS.exactCounts);
  const answer = await search({ search: 'shortlisting panel', first: 5 });
  expect([answer.totalCountIsEstimate, answer.facets.estimated]).toEqual([false, false]);
  expect(answer.totalCount).toBe(matches);
});

test('paging a search with more matches than the ranked window reaches every match once', async () => {
  const matches = await exactly(`search_vector @@ websearch_to_tsquery('english', 'shortlisting panel')`);
  const seen = new Set<string>();
  let after: string | null = null;
  let pages = 0;
  do {
    const page: Answer = await search({ search: 'shortlisting panel', first: 100, after });
    for (const node of page.nodes) seen.add(node.id);
    pages++;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  expect(seen.size).toBe(matches);
  expect(pages).toBe(Math.ceil(matches / 100));
}, 60_000);

test('past exactCounts, a broad search samples pages of the table and a narrow one a range of ids, both close to the true counts', async () => {
  const limits = { ...SEARCH_LIMITS, exactCounts: 100, sampleSize: 1000 };
  // Every case says "shortlisting"; a third say "shortlisting panel" too.
  for (const [words, way] of [['shortlisting', 'TABLESAMPLE SYSTEM'], ['shortlisting panel', 'id <']]) {
    const matching = `search_vector @@ websearch_to_tsquery('english', '${words}')`;
    const query = jest.spyOn(db, 'query');
    let facets;
    try {
      facets = await new SharedCaseSearch(db, words, {}, limits).facets();
      expect(query.mock.calls.filter(([sql]) => String(sql).includes(way))).toHaveLength(1);
    } finally {
      query.mockRestore();
    }
    expect(facets.estimated).toBe(true);
    const matches = await exactly(matching);
    for (const facet of facets.sectors) expectCloseTo(facet.count, await exactly(`${matching} AND sector = $1`, [facet.value]), matches, limits.sampleSize);
    for (const facet of facets.outcomes) expectCloseTo(facet.count, await exactly(`${matching} AND outcome = $1`, [facet.value]), matches, limits.sampleSize);
  }
});
