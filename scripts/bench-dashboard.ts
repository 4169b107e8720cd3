/**
 * `npm run bench:dashboard` (after `npm run seed:large`): starts the real HTTP server against the
 * benchmark database and times, for the largest organisation, the organisation dashboard and the
 * programme dashboard with every figure (GraphQL, end to end), each figure's SQL on its own, and
 * the streamed CSV export of its changes. Prints median and p95 over several runs.
 */
import 'reflect-metadata';
import { createApp } from '../server/src/app';
import { createLogger } from '../server/src/common/logger';
import { toGlobalId } from '../server/src/common/relay';
import { readConfig } from '../server/src/config';
import { createDataSource } from '../server/src/db/data-source';
import { newToken } from '../server/src/modules/auth/tokens';
import * as sql from '../server/src/modules/insight/insight.sql';
import { smallGroupsOf } from '../server/src/common/anonymity';
import { BENCH_DATABASE_URL } from './bench-database';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARM_UP = 3;

const DASHBOARD_FIELDS = `
  title access asOf
  funnel { steps { stage count conversionRate } rejected withdrawn adoptionRate byStatus { status count } }
  timeToAdoption { stage medianDays changes }
  overdueByOwner { owner { displayName } overdueCount oldestTargetDate maxDaysOverdue }
  overdueChanges { title status targetDate daysOverdue owner { displayName } }
  barriersByCategory { category barriers }
  barriersByAffectedGroup { group barriers }
  mostCorroboratedBarriers { title corroborations divisions changes }
  pairActivity { pairCount activePairCount quietPairCount sessionsLogged sessionsExpected pairs(first: 100) { pairId quiet sessionsLogged senior { displayName } junior { displayName } } }
  programmes { name pairs barriers changes adopted }
  adoptedChanges { title adoptedAt owner { displayName } evidence { policyOrProcess } }`;

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (${ms.length} runs)`;
}

async function time(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times;
}

async function main(): Promise<void> {
  const config = readConfig({ ...process.env, PORT: '0', DATABASE_URL: BENCH_DATABASE_URL, SEED_DEMO: 'false', EXPOSE_SQL_COUNT: 'true', LOG_LEVEL: 'warn' });
  const log = createLogger(config.logLevel);
  const db = createDataSource(BENCH_DATABASE_URL);
  await db.initialize();
  const app = await createApp(config, db, log);
  const port = await app.listen(0, '127.0.0.1');
  try {
    const [target] = await db.query(`
      SELECT o.id, o.name, (SELECT count(*) FROM change_proposal c WHERE c.organisation_id = o.id)::int AS changes,
             (SELECT count(*) FROM barrier b WHERE b.organisation_id = o.id)::int AS barriers,
             (SELECT count(*) FROM pair p WHERE p.organisation_id = o.id)::int AS pairs,
             (SELECT m.person_id FROM membership m WHERE m.organisation_id = o.id AND 'PROGRAMME_MANAGER' = ANY(m.roles) LIMIT 1) AS manager_id,
             (SELECT pr.id FROM programme pr WHERE pr.organisation_id = o.id AND pr.status = 'ACTIVE' LIMIT 1) AS programme_id
      FROM organisation o ORDER BY changes DESC LIMIT 1`);
    if (!target) throw new Error('The benchmark database is empty: run `npm run seed:large` first.');
    const [totals] = await db.query(`SELECT (SELECT count(*) FROM change_proposal)::int AS changes, (SELECT count(*) FROM organisation)::int AS organisations`);
    console.log(`Database: ${totals.organisations} organisations, ${totals.changes} changes in all.`);
    console.log(`Organisation: ${target.name}: ${target.pairs} pairs, ${target.barriers} barriers, ${target.changes} changes.\n`);

    const { token, hash } = newToken();
    await db.query(`INSERT INTO auth_session (person_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [target.manager_id, hash]);
    const post = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: unknown[]; extensions?: { sqlStatements?: number } };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body;
    };

    const organisationQuery = `query ($id: ID) { organisationDashboard(organisationId: $id) { ${DASHBOARD_FIELDS} } }`;
    const programmeQuery = `query ($id: ID!) { programmeDashboard(programmeId: $id) { ${DASHBOARD_FIELDS} } }`;
    const orgVars = { id: toGlobalId('Organisation', target.id) };
    const programmeVars = { id: toGlobalId('Programme', target.programme_id) };
    const statements = (await post(organisationQuery, orgVars)).extensions?.sqlStatements;

    console.log(`organisationDashboard, every figure (GraphQL over HTTP, ${statements} SQL statements): ${summary(await time(() => post(organisationQuery, orgVars)))}`);
    console.log(`programmeDashboard, every figure (GraphQL over HTTP):                ${summary(await time(() => post(programmeQuery, programmeVars)))}`);

    console.log('\nEach figure’s SQL alone, organisation scope:');
    const today = new Date().toISOString().slice(0, 10);
    const scope = [target.id, null];
    // organisation-wide figures withhold nothing; per-programme rows withhold the small groups' anonymous barriers
    const withheld = (await smallGroupsOf(db, target.id)).withheldWhenNarrowed;
    const figures: [string, string, unknown[]][] = [
      ['funnel and time to adoption', sql.FUNNEL_SQL, [...scope, null, []]],
      ['overdue by owner', sql.OVERDUE_BY_OWNER_SQL, [...scope, null, [], today, 20]],
      ['overdue changes', sql.OVERDUE_CHANGES_SQL, [...scope, null, [], today, 20]],
      ['adopted changes', sql.ADOPTED_CHANGES_SQL, [...scope, null, [], 20]],
      ['barriers by category', sql.BARRIERS_BY_CATEGORY_SQL, [...scope, []]],
      ['barriers by affected group', sql.BARRIERS_BY_GROUP_SQL, [...scope, []]],
      ['most corroborated barriers', sql.MOST_CORROBORATED_SQL, [...scope, [], 5]],
      ['pair activity', sql.PAIR_ACTIVITY_SQL, [...scope, today]],
      ['programmes in figures', sql.PROGRAMME_BREAKDOWN_SQL, [...scope, withheld]],
    ];
    for (const [name, text, params] of figures) {
      console.log(`  ${name.padEnd(28)} ${summary(await time(() => db.query(text, params)))}`);
    }

    let bytes = 0;
    const exportTimes = await time(async () => {
      const response = await fetch(`http://127.0.0.1:${port}/exports/changes.csv?organisationId=${orgVars.id}`, { headers: { authorization: `Bearer ${token}` } });
      bytes = (await response.arrayBuffer()).byteLength;
    });
    console.log(`\nchanges.csv for the organisation (${target.changes} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB, streamed): ${summary(exportTimes)}`);
  } finally {
    await app.close();
    await db.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
