/**
 * Benchmark of the community library's search (not a timed test): for 10,000 and then 100,000
 * published cases, seeds a database of its own, times a ranked full-text search with two filters
 * and facet counts through the real GraphQL server, and prints the median and 95th percentile;
 * then the p95 at the largest size ÷ the p95 at the smallest (issue 11 wants it under 2).
 *
 *   npm run bench:library            BENCH_DATABASE_URL, BENCH_CASES (e.g. "10000,100000") and BENCH_RUNS override the defaults
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { createApp } from '../server/src/app';
import { createLogger } from '../server/src/common/logger';
import { readConfig } from '../server/src/config';
import { createDataSource } from '../server/src/db/data-source';
import { newToken } from '../server/src/modules/auth/tokens';
import { seedPublishedCases } from './library-cases';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commonground_bench_library';
const SIZES = (process.env.BENCH_CASES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARM_UP = 20;

const SEARCH = `query ($search: String, $filter: SharedCaseFilter) {
  sharedCases(search: $search, filter: $filter, first: 20) {
    totalCount totalCountIsEstimate pageInfo { hasNextPage endCursor }
    nodes { id title sector category outcome tags publishedAt }
    facets { estimated sectors { value count } categories { value count } affectedGroups { value count } outcomes { value count } }
  }
}`;
const QUERY = { search: 'shortlisting panel', filter: { sectors: ['HEALTH', 'LOCAL_GOVERNMENT'], categories: ['RECRUITMENT', 'PROGRESSION'] } };

async function recreateDatabase(): Promise<void> {
  const url = new URL(DATABASE_URL);
  const database = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Seeds `cases` published cases in a fresh database and times the search; returns its p95 in ms. */
async function measure(cases: number): Promise<number> {
  console.log(`\nSeeding ${cases.toLocaleString('en-GB')} published cases in ${DATABASE_URL.replace(/\/\/[^@]*@/, '//')} …`);
  await recreateDatabase();
  const db = createDataSource(DATABASE_URL);
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  const seeded = Date.now();
  const { readerId } = await seedPublishedCases(db, cases);
  const { token, hash } = newToken();
  await db.query(`INSERT INTO auth_session (person_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [readerId, hash]);
  console.log(`Seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s.`);
  // The load's writes go to disk now, not in a checkpoint that would land among the timed runs.
  await db.query('CHECKPOINT');

  const config = readConfig({ ...process.env, PORT: '0', DATABASE_URL, SEED_DEMO: 'false', LOG_LEVEL: 'silent' });
  const app = await createApp(config, db, createLogger('silent'));
  const port = await app.listen(0, '127.0.0.1');
  const ask = async () => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: SEARCH, variables: QUERY }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { data?: { sharedCases: { totalCount: number; totalCountIsEstimate: boolean; facets: { estimated: boolean } } }; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`search failed: ${JSON.stringify(body.errors)}`);
    const { totalCount, totalCountIsEstimate, facets } = body.data.sharedCases;
    return `${totalCountIsEstimate ? 'about ' : ''}${totalCount} matches, ${totalCountIsEstimate ? 'estimated' : 'counted'}; facets ${facets.estimated ? 'estimated from a sample' : 'counted'}`;
  };
  try {
    let matches = '';
    for (let i = 0; i < WARM_UP; i++) matches = await ask();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = process.hrtime.bigint();
      await ask();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    times.sort((a, b) => a - b);
    console.log(`Query: search "${QUERY.search}", sectors ${QUERY.filter.sectors.join('|')}, categories ${QUERY.filter.categories.join('|')}; first 20, totalCount, facets (${matches}).`);
    console.log(`${RUNS} runs over HTTP, after ${WARM_UP} to warm up: median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms.`);
    return percentile(times, 95);
  } finally {
    await app.close();
    await db.destroy();
  }
}

async function main(): Promise<void> {
  const p95s: number[] = [];
  for (const cases of SIZES) p95s.push(await measure(cases));
  if (SIZES.length > 1) {
    const last = SIZES.length - 1;
    console.log(
      `\np95 at ${SIZES.map((n) => n.toLocaleString('en-GB')).join(' / ')} cases: ${p95s.map((p) => `${p.toFixed(1)} ms`).join(' / ')}; ` +
        `${SIZES[last].toLocaleString('en-GB')} ÷ ${SIZES[0].toLocaleString('en-GB')}: ${(p95s[last] / p95s[0]).toFixed(2)}×.`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
