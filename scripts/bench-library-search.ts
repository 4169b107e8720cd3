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
import type { DataSource } from 'typeorm';
import { createApp } from '../server/src/app';
import { createLogger } from '../server/src/common/logger';
import { readConfig } from '../server/src/config';
import { createDataSource } from '../server/src/db/data-source';
import { newToken } from '../server/src/modules/auth/tokens';
import { AffectedGroup, BarrierCategory } from '../server/src/modules/barrier/barrier.entity';
import { CaseOutcome } from '../server/src/modules/library/library.entity';
import { Sector } from '../server/src/modules/organisation/organisation.entity';
import { Role } from '../server/src/modules/person/membership.entity';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commonground_bench_library';
const SIZES = (process.env.BENCH_CASES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARM_UP = 20;
const ORGANISATIONS = 100;

const SEARCH = `query ($search: String, $filter: SharedCaseFilter) {
  sharedCases(search: $search, filter: $filter, first: 20) {
    totalCount totalCountIsEstimate pageInfo { hasNextPage endCursor }
    nodes { id title sector category outcome tags publishedAt }
    facets { estimated sectors { value count } categories { value count } affectedGroups { value count } outcomes { value count } }
  }
}`;
const QUERY = { search: 'shortlisting panel', filter: { sectors: ['HEALTH', 'LOCAL_GOVERNMENT'], categories: ['RECRUITMENT', 'PROGRESSION'] } };

/** A small deterministic random source, so every run seeds the same library. */
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const SUBJECTS = ['Shortlisting panels', 'Promotion boards', 'Night rotas', 'Acting-up allowances', 'Flexible working requests', 'Exit interviews', 'Apprenticeship intakes', 'Interview questions', 'Bank shifts', 'Leadership programmes', 'Grievance handling', 'Job adverts', 'Reasonable adjustments', 'Secondments', 'Pay progression'];
const PROBLEMS = ['favour people who already know the managers', 'screen out applicants from minority ethnic backgrounds', 'are allocated informally and unevenly', 'ignore caring responsibilities', 'are advertised by word of mouth', 'use jargon that rewards insiders', 'are decided by a single manager without criteria', 'leave disabled staff waiting months', 'are never monitored by protected characteristic'];
const CHANGES = ['A diverse panel of three scores anonymised applications against published criteria.', 'Every vacancy is advertised openly for ten working days.', 'Rotas are published six weeks ahead and swaps go through a fair system.', 'Managers record a reason for every refusal, reviewed quarterly.', 'An independent reviewer sits on every promotion board.', 'Adjustments are agreed within 14 days with a named contact.', 'Monitoring data is reported to the board twice a year.'];
const OUTCOMES = ['Shortlisting rates for under-represented groups rose by half within a year.', 'Complaints about allocation fell sharply.', 'Time to agree adjustments dropped from months to weeks.', 'Promotion rates converged across ethnic groups.', 'Staff survey scores on fairness improved.'];
const SECTORS = Object.values(Sector);
const CATEGORIES = Object.values(BarrierCategory);
const GROUPS = Object.values(AffectedGroup);
const OUTCOME_VALUES = Object.values(CaseOutcome);

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

/** Organisations, one person, programme and pair each; then barriers and published cases in batches, in plain SQL. */
async function seedLibrary(db: DataSource, cases: number): Promise<{ token: string }> {
  seed = 42;
  const [reader] = await db.query(`INSERT INTO person (email, display_name) VALUES ('reader@bench.example', 'Bench Reader') RETURNING id`);
  const organisations: { id: string; sector: string; pairId: string }[] = [];
  for (let i = 0; i < ORGANISATIONS; i++) {
    const sector = SECTORS[i % SECTORS.length];
    const [organisation] = await db.query(`INSERT INTO organisation (name, slug, sector, country) VALUES ($1, $2, $3, 'GB') RETURNING id`, [`Organisation ${i}`, `org-${i}`, sector]);
    const [person] = await db.query(`INSERT INTO person (email, display_name) VALUES ($1, $2) RETURNING id`, [`colearner${i}@bench.example`, `Co-learner ${i}`]);
    const [programme] = await db.query(
      `INSERT INTO programme (organisation_id, name, starts_on, ends_on, session_cadence, status) VALUES ($1, 'Programme', '2025-01-01', '2025-12-31', 'MONTHLY', 'ACTIVE') RETURNING id`,
      [organisation.id],
    );
    const [pair] = await db.query(`INSERT INTO pair (programme_id, organisation_id, senior_id, junior_id, status) VALUES ($1, $2, $3, $3, 'ACTIVE') RETURNING id`, [programme.id, organisation.id, person.id]);
    organisations.push({ id: organisation.id, sector, pairId: pair.id });
  }
  await db.query(`INSERT INTO membership (person_id, organisation_id, roles) VALUES ($1, $2, $3)`, [reader.id, organisations[0].id, [Role.COMMUNITY_MEMBER]]);

  const BATCH = 500;
  for (let done = 0; done < cases; done += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, cases - done) }, (_, i) => {
      const organisation = pick(organisations);
      const subject = pick(SUBJECTS);
      const groups = [...new Set([pick(GROUPS), pick(GROUPS)])];
      return {
        n: done + i,
        organisation,
        title: `${subject} ${pick(PROBLEMS)}`,
        summary: `${subject} ${pick(PROBLEMS)}. ${subject} ${pick(PROBLEMS)}, and the figures show it across the organisation.`,
        whatChanged: `${pick(CHANGES)} ${pick(CHANGES)}`,
        outcomeSummary: pick(OUTCOMES),
        category: pick(CATEGORIES),
        groups,
        outcome: pick(OUTCOME_VALUES),
        tags: [subject.toLowerCase(), pick(['inclusive recruitment', 'fair rotas', 'pay equity', 'disability', 'race equality', 'flexible working'])],
      };
    });
    const barriers: { id: string }[] = await db.query(
      `INSERT INTO barrier (organisation_id, pair_id, raised_by_id, title, description, category, affected_groups, attribution)
       SELECT o, p, p, t, d, c::barrier_category, string_to_array(g, ',')::affected_group[], 'NAMED'
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(o, p, t, d, c, g) RETURNING id`,
      [rows.map((r) => r.organisation.id), rows.map((r) => r.organisation.pairId), rows.map((r) => r.title), rows.map((r) => r.summary), rows.map((r) => r.category), rows.map((r) => r.groups.join(','))],
    );
    await db.query(
      `INSERT INTO shared_case (organisation_id, source_barrier_id, pair_id, requested_by_id, title, summary, what_changed, outcome_summary,
         measures, sector, category, affected_groups, tags, outcome, status, show_organisation_name, published_at)
       SELECT o, b, p, p, t, s, w, oc, '[{"metric":"Shortlisting rate","unit":"%","baseline":18,"target":35,"current":30}]',
         sec::sector, c::barrier_category, string_to_array(g, ',')::affected_group[], string_to_array(tg, '|'), out::case_outcome, 'PUBLISHED', false,
         now() - (n || ' minutes')::interval
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[])
         AS x(o, b, p, t, s, w, oc, sec, c, g, tg, out, n)`,
      [
        rows.map((r) => r.organisation.id),
        barriers.map((b) => b.id),
        rows.map((r) => r.organisation.pairId),
        rows.map((r) => r.title),
        rows.map((r) => r.summary),
        rows.map((r) => r.whatChanged),
        rows.map((r) => r.outcomeSummary),
        rows.map((r) => r.organisation.sector),
        rows.map((r) => r.category),
        rows.map((r) => r.groups.join(',')),
        rows.map((r) => r.tags.join('|')),
        rows.map((r) => r.outcome),
        rows.map((r) => r.n),
      ],
    );
  }
  await db.query('ANALYZE');
  const { token, hash } = newToken();
  await db.query(`INSERT INTO auth_session (person_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [reader.id, hash]);
  return { token };
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
  const { token } = await seedLibrary(db, cases);
  console.log(`Seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s.`);

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
