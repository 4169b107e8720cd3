/**
 * `npm run seed:large`: drops and recreates the benchmark database (BENCH_DATABASE_URL, default
 * commonground_bench_insight), migrates it, and seeds 50 organisations with 5,000 pairs, 20,000
 * barriers and 60,000 changes, with sessions, contracts and corroborations to match, a decision
 * for every decided change (some with an earlier REQUEST_CHANGES before it) and a few comments on
 * about a third of the changes. One organisation is ten times the size of the others: the
 * benchmark's "large organisation". Rows go in as multi-row INSERTs; a progress bar runs on stderr.
 * `seedLarge(url)` is what `npm run bench:board` calls to build the same data.
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import { Client } from 'pg';
import { createDataSource } from '../server/src/db/data-source';
import { maintenanceUrl } from '../test/setup/test-database';
import { BENCH_DATABASE_URL, progressBar } from './bench-database';

const ORGANISATIONS = 50;
const TOTAL = { pairs: 5_000, barriers: 20_000, changes: 60_000 };
/** The first organisation's share is 10 against 1 for each of the others. */
const WEIGHTS = Array.from({ length: ORGANISATIONS }, (_, i) => (i === 0 ? 10 : 1));
const WEIGHT_SUM = WEIGHTS.reduce((a, b) => a + b, 0);
const OWNERS_PER_ORGANISATION = 12;
const DAY = 86_400_000;

// A seeded generator, so every run seeds the same shape of data.
let seed = 20261129;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
/** Picks by weight: [[value, weight], …]. */
function weighted<T>(choices: [T, number][]): T {
  let r = random() * choices.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of choices) if ((r -= w) < 0) return value;
  return choices[choices.length - 1][0];
}
const ago = (days: number) => new Date(Date.now() - days * DAY);
const dateAgo = (days: number) => ago(days).toISOString().slice(0, 10);
const uuid = () => crypto.randomUUID();

const CATEGORIES = ['RECRUITMENT', 'PROGRESSION', 'PAY', 'CULTURE', 'POLICY', 'ACCESS', 'DATA', 'OTHER'] as const;
const GROUPS = ['AGE', 'DISABILITY', 'GENDER_REASSIGNMENT', 'MARRIAGE_AND_CIVIL_PARTNERSHIP', 'PREGNANCY_AND_MATERNITY', 'RACE', 'RELIGION_OR_BELIEF', 'SEX', 'SEXUAL_ORIENTATION', 'SOCIO_ECONOMIC_BACKGROUND', 'OTHER'] as const;
const CADENCES: [string, number][] = [['WEEKLY', 1], ['FORTNIGHTLY', 2], ['MONTHLY', 6], ['BIMONTHLY', 1]];
const DIVISIONS = ['Surgery', 'Medicine', 'Nursing', 'Estates', 'Finance', 'People', 'Digital', 'Community'];

type Row = unknown[];

/** Multi-row INSERTs, in chunks that stay under PostgreSQL's 65,535 parameters. */
async function insert(client: Client, table: string, columns: string[], rows: Row[]): Promise<void> {
  const perChunk = Math.floor(60_000 / columns.length);
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const values = chunk.map((row, r) => `(${row.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    await client.query(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`, chunk.flat());
  }
}

async function recreateDatabase(databaseUrl: string): Promise<void> {
  const { url, database } = maintenanceUrl(databaseUrl);
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const db = createDataSource(databaseUrl);
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  await db.destroy();
}

/** Share of `total` for organisation `i`, so the shares add up to exactly `total`. */
const shareOf = (total: number, i: number) =>
  Math.round((total * WEIGHTS.slice(0, i + 1).reduce((a, b) => a + b, 0)) / WEIGHT_SUM) - Math.round((total * WEIGHTS.slice(0, i).reduce((a, b) => a + b, 0)) / WEIGHT_SUM);

async function seedOrganisation(client: Client, index: number): Promise<{ changes: number }> {
  const pairsWanted = shareOf(TOTAL.pairs, index);
  const barriersWanted = shareOf(TOTAL.barriers, index);
  const changesWanted = shareOf(TOTAL.changes, index);
  const organisationId = uuid();
  const slug = `bench-${String(index + 1).padStart(2, '0')}`;
  await insert(client, 'organisation', ['id', 'name', 'slug', 'sector', 'country'], [[organisationId, `Bench Organisation ${index + 1}`, slug, pick(['HEALTH', 'LOCAL_GOVERNMENT', 'EDUCATION', 'PRIVATE', 'CHARITY']), 'GB']]);

  const people: Row[] = [];
  const memberships: Row[] = [];
  const person = (name: string, roles: string[]) => {
    const id = uuid();
    people.push([id, `${name.toLowerCase().replace(/\s+/g, '.')}@${slug}.example`, name]);
    memberships.push([id, organisationId, `{${roles.join(',')}}`, pick(DIVISIONS)]);
    return id;
  };
  person('Bench Manager', ['PROGRAMME_MANAGER']);
  const owners = Array.from({ length: OWNERS_PER_ORGANISATION }, (_, i) => person(`Owner ${i + 1}`, ['OWNER']));

  // Two programmes: one closed last year, one running now.
  const programmes = [
    { id: uuid(), name: 'Cohort 2025', starts: 420, ends: 60, status: 'CLOSED' },
    { id: uuid(), name: 'Cohort 2026', starts: 180, ends: -180, status: 'ACTIVE' },
  ];
  const programmeRows = programmes.map((p) => [p.id, organisationId, p.name, dateAgo(p.starts), dateAgo(p.ends), 'MONTHLY', p.status]);

  const pairs: { id: string; programme: (typeof programmes)[number]; senior: string; junior: string; createdDaysAgo: number; status: string }[] = [];
  const pairRows: Row[] = [];
  const contractRows: Row[] = [];
  const sessionRows: Row[] = [];
  for (let i = 0; i < pairsWanted; i++) {
    const programme = programmes[i % 2];
    const senior = person(`Senior ${i + 1}`, ['CO_LEARNER']);
    const junior = person(`Junior ${i + 1}`, ['CO_LEARNER']);
    const createdDaysAgo = programme.starts - int(0, 20);
    const status = programme.status === 'CLOSED' ? weighted([['COMPLETED', 9], ['ENDED', 1]]) : weighted([['ACTIVE', 18], ['PROPOSED', 1], ['ENDED', 1]]);
    const pair = { id: uuid(), programme, senior, junior, createdDaysAgo, status };
    pairs.push(pair);
    pairRows.push([pair.id, programme.id, organisationId, senior, junior, status, ago(createdDaysAgo)]);
    if (status === 'PROPOSED') continue;
    const agreedDaysAgo = createdDaysAgo - int(2, 10);
    contractRows.push([uuid(), pair.id, 1, '{shortlisting,rotas}', weighted(CADENCES), 'Chatham House', 'What is said stays with us.', senior, ago(agreedDaysAgo), ago(agreedDaysAgo)]);
    const lastPossible = Math.max(0, programme.ends);
    for (let s = int(0, 10); s > 0; s--) {
      // private_notes_cipher stays null: the benchmark never needs notes.
      sessionRows.push([uuid(), pair.id, dateAgo(int(lastPossible, agreedDaysAgo)), '{rota patterns}', senior]);
    }
  }

  const barriers: { id: string; pair: (typeof pairs)[number]; createdDaysAgo: number }[] = [];
  const barrierRows: Row[] = [];
  const corroborationRows: Row[] = [];
  const activePairs = pairs.filter((p) => p.status !== 'PROPOSED');
  for (let i = 0; i < barriersWanted; i++) {
    const pair = pick(activePairs);
    const createdDaysAgo = int(Math.max(1, pair.programme.ends), pair.createdDaysAgo);
    const barrier = { id: uuid(), pair, createdDaysAgo };
    barriers.push(barrier);
    const groups = [...new Set([pick(GROUPS), ...(random() < 0.4 ? [pick(GROUPS)] : [])])];
    const corroborators = new Set<string>();
    if (random() < 0.25) for (let c = int(1, 4); c > 0; c--) corroborators.add(pick(activePairs).id);
    corroborators.delete(pair.id);
    barrierRows.push([
      barrier.id, organisationId, pair.id, pair.senior, `Barrier ${i + 1}: ${pick(CATEGORIES).toLowerCase()} practice`, 'Seen in our division over the last year.',
      pick(CATEGORIES), `{${groups.join(',')}}`, random() < 0.2 ? 'ANONYMOUS' : 'NAMED', weighted([['OPEN', 6], ['ADDRESSED', 3], ['CLOSED', 1]]), corroborators.size, ago(createdDaysAgo),
    ]);
    for (const corroborator of corroborators) {
      corroborationRows.push([uuid(), barrier.id, corroborator, pair.junior, `{${pick(DIVISIONS)},${pick(DIVISIONS)}}`]);
    }
  }

  const changeRows: Row[] = [];
  const decisionRows: Row[] = [];
  const commentRows: Row[] = [];
  for (let i = 0; i < changesWanted; i++) {
    const barrier = pick(barriers);
    const pair = random() < 0.7 ? barrier.pair : pick(activePairs);
    const status = weighted([['DRAFT', 10], ['SUBMITTED', 10], ['APPROVED', 10], ['REJECTED', 8], ['IN_PROGRESS', 25], ['ADOPTED', 30], ['WITHDRAWN', 7]]);
    let day = int(0, barrier.createdDaysAgo);
    const created = day;
    const next = () => (day = Math.max(0, day - int(1, 30)));
    const submitted = status === 'DRAFT' || (status === 'WITHDRAWN' && random() < 0.5) ? null : next();
    const decided = submitted !== null && status !== 'SUBMITTED' && !(status === 'WITHDRAWN' && random() < 0.5) ? next() : null;
    const started = decided !== null && ['IN_PROGRESS', 'ADOPTED'].includes(status) ? next() : null;
    const adopted = started !== null && status === 'ADOPTED' ? next() : null;
    const at = (d: number | null) => (d === null ? null : ago(d));
    const changeId = uuid();
    const owner = pick(owners);
    if (decided !== null) {
      // A decided change has its decision at decided_at; one in five was sent back once before.
      if (random() < 0.2) decisionRows.push([uuid(), changeId, owner, 'REQUEST_CHANGES', 'Say how the panel members will be trained.', ago(submitted! + 1)]);
      const outcome = status === 'REJECTED' ? 'REJECT' : 'APPROVE';
      decisionRows.push([uuid(), changeId, owner, outcome, outcome === 'REJECT' ? 'Not this year: the budget is committed.' : 'Agreed: start with the next recruitment round.', ago(decided)]);
    }
    if (random() < 0.3) {
      for (let n = int(1, 4); n > 0; n--) {
        commentRows.push([uuid(), organisationId, changeId, pick([pair.senior, pair.junior, owner]), 'How is this going in the other divisions?', ago(int(0, created))]);
      }
    }
    changeRows.push([
      changeId, organisationId, barrier.id, pair.id, pair.junior, owner, `Change ${i + 1}`, 'Every panel includes a trained member from outside the team.', 'More diverse shortlists.',
      dateAgo(created - int(30, 200)), status, status === 'ADOPTED' ? 100 : status === 'IN_PROGRESS' ? int(5, 95) : 0,
      JSON.stringify([{ metric: 'Shortlist diversity', unit: '%', baseline: int(5, 20), target: int(30, 60), current: int(5, 60) }]),
      status === 'ADOPTED' ? JSON.stringify({ policyOrProcess: 'Recruitment policy', effectiveFrom: dateAgo(adopted ?? 0), link: null, summary: 'Adopted.' }) : null,
      at(submitted), at(decided), at(started), at(adopted), 1, ago(created),
    ]);
  }

  await insert(client, 'person', ['id', 'email', 'display_name'], people);
  await insert(client, 'membership', ['person_id', 'organisation_id', 'roles', 'division'], memberships);
  await insert(client, 'programme', ['id', 'organisation_id', 'name', 'starts_on', 'ends_on', 'session_cadence', 'status'], programmeRows);
  await insert(client, 'pair', ['id', 'programme_id', 'organisation_id', 'senior_id', 'junior_id', 'status', 'created_at'], pairRows);
  await insert(client, 'contract_version', ['id', 'pair_id', 'version', 'focus_topics', 'cadence', 'ground_rules', 'confidentiality', 'proposed_by_id', 'senior_agreed_at', 'junior_agreed_at'], contractRows);
  await insert(client, 'mentoring_session', ['id', 'pair_id', 'held_on', 'topics', 'logged_by_id'], sessionRows);
  await insert(client, 'barrier', ['id', 'organisation_id', 'pair_id', 'raised_by_id', 'title', 'description', 'category', 'affected_groups', 'attribution', 'status', 'corroboration_count', 'created_at'], barrierRows);
  await insert(client, 'barrier_corroboration', ['id', 'barrier_id', 'pair_id', 'person_id', 'divisions'], corroborationRows);
  await insert(client, 'change_proposal', [
    'id', 'organisation_id', 'barrier_id', 'pair_id', 'proposed_by_id', 'owner_id', 'title', 'what_changes', 'expected_impact', 'target_date', 'status', 'progress',
    'success_measures', 'adoption_evidence', 'submitted_at', 'decided_at', 'started_at', 'adopted_at', 'version', 'created_at',
  ], changeRows);
  await insert(client, 'decision', ['id', 'change_id', 'decider_id', 'outcome', 'rationale', 'created_at'], decisionRows);
  await insert(client, 'comment', ['id', 'organisation_id', 'change_id', 'author_id', 'body', 'created_at'], commentRows);
  return { changes: changeRows.length };
}

/** Drops and recreates the database at `databaseUrl`, migrates it and seeds the large dataset into it. */
export async function seedLarge(databaseUrl: string): Promise<void> {
  const started = Date.now();
  seed = 20261129;
  process.stderr.write(`Recreating ${new URL(databaseUrl).pathname.slice(1)} and running the migrations…\n`);
  await recreateDatabase(databaseUrl);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const bar = progressBar('Seeding', ORGANISATIONS);
  let changes = 0;
  try {
    for (let i = 0; i < ORGANISATIONS; i++) {
      await client.query('BEGIN');
      changes += (await seedOrganisation(client, i)).changes;
      await client.query('COMMIT');
      bar.update(i + 1, `organisations · ${changes.toLocaleString('en-GB')} changes`);
    }
    bar.done();
    // VACUUM as well as ANALYZE: a live database is vacuumed by autovacuum, which sets the
    // visibility map that lets counts and id pages be answered from indexes alone. Straight after a
    // bulk load it is not yet set (and autovacuum may be off), so without this every server measured
    // on this data would pay heap visits a running database does not.
    await client.query('VACUUM ANALYZE');
    const [counts] = (
      await client.query(`SELECT (SELECT count(*) FROM organisation) AS organisations, (SELECT count(*) FROM pair) AS pairs,
        (SELECT count(*) FROM barrier) AS barriers, (SELECT count(*) FROM barrier_corroboration) AS corroborations,
        (SELECT count(*) FROM mentoring_session) AS sessions, (SELECT count(*) FROM change_proposal) AS changes,
        (SELECT count(*) FROM decision) AS decisions, (SELECT count(*) FROM comment) AS comments`)
    ).rows;
    console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)}s:`, Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])));
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  seedLarge(BENCH_DATABASE_URL).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
