/**
 * `npm run bench:board` (issue 11): the board query measured side by side on one database, for
 * our server, PostGraphile 5 and a raw `pg` floor, each in its own child process on loopback.
 *
 * 1. Builds the large dataset (seedLarge: 50 organisations, 60,000 changes, with decisions and
 *    comments) in BENCH_DATABASE_URL; BENCH_SEED=false reuses a database seeded before.
 * 2. Starts the built server (dist/server/src/main.js, NODE_ENV=production, LOG_LEVEL=warn, one
 *    process per core as npm start runs it),
 *    PostGraphile 5.1.5 (Amber preset, no authentication) and the raw floor (one SQL statement
 *    building the JSON), and signs in to ours as the large organisation's programme manager.
 * 3. Checks that all three return the same rows for every shape, then counts our SQL statements per
 *    request in a second, short-lived server with EXPOSE_SQL_COUNT=true (so the timed one is not
 *    slowed by the count).
 * 4. Runs interleaved rounds with autocannon: per connection count, shape and round, each server
 *    once (the order rotates every round); every response is compared with the checked one. Each
 *    run is measured in its steady state (see load), and the server is let settle before the next.
 *    Reports requests/s (median and min–max over rounds), p99 latency (median over rounds), Node CPU
 *    ms per request (the child's utime + stime delta ÷ responses), PostgreSQL's CPU ms per request
 *    (every postgres process on the machine, read the same way) and ours ÷ PostGraphile.
 *
 *   BENCH_DATABASE_URL  BENCH_SEED=false  BENCH_ROUNDS (3)  BENCH_SECONDS (5, per round and server)
 *   BENCH_WARMUP_SECONDS (2)  BENCH_CONNECTIONS (10,50)  BENCH_SHAPES ("first: 10,first: 50,first: 100,node(id)")
 *
 * The figures are only as steady as the machine: autocannon runs in this process, on the same
 * cores as the servers and PostgreSQL.
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { newToken } from '../server/src/modules/auth/tokens';
import { type Child, cpuMs, descendants, postgresCpuMs, startChild } from './bench-board/children';
import { type BoardRow, type Request, requestFor, rowsOf, SERVERS, type ServerName, SHAPES, type ShapeName, type Target } from './bench-board/shapes';
import { BENCH_DATABASE_URL } from './bench-database';
import { seedLarge } from './seed-large';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
/** The longest a run may wait for its steady state before its window opens anyway. */
const RAMP_MAX_SECONDS = 15;
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);
const SHAPES_RUN = (process.env.BENCH_SHAPES?.split(',').map((s) => s.trim()) ?? SHAPES) as ShapeName[];
for (const shape of SHAPES_RUN) if (!SHAPES.includes(shape)) throw new Error(`BENCH_SHAPES: unknown shape "${shape}"; known: ${SHAPES.join(', ')}`);

const ROOT = path.resolve(__dirname, '..', '..');
const HERE = path.join(__dirname, 'bench-board');

async function post(url: string, request: Request): Promise<string> {
  const response = await fetch(url + request.path, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  if (!response.ok) throw new Error(`${url}${request.path} answered ${response.status}: ${body.slice(0, 500)}`);
  return body;
}

/** A GraphQL server is ready when it answers `{ __typename }`; the raw floor when it answers at all. */
const graphqlProbe = (headers: Record<string, string> = {}) => async (url: string) =>
  (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"query":"{ __typename }"}', signal: AbortSignal.timeout(5_000) })).ok;
const rawProbe = async (url: string) => (await fetch(`${url}/board`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(5_000) })).status < 500;

/**
 * The organisation the board is read for: the one with the most changes, or (`tenthOf`) the one
 * whose count of changes is nearest a tenth of that, for "cost grows with the work, not the data".
 */
async function findTarget(databaseUrl: string, tenthOf?: number): Promise<Omit<Target, 'postgraphileNodeId'> & { name: string; changes: number }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [organisation] = (
      await client.query(
        `SELECT o.id, o.name, count(c.id)::int AS changes,
               (SELECT m.person_id FROM membership m WHERE m.organisation_id = o.id AND 'PROGRAMME_MANAGER' = ANY(m.roles) LIMIT 1) AS manager_id
        FROM organisation o JOIN change_proposal c ON c.organisation_id = o.id
        GROUP BY o.id ORDER BY ${tenthOf ? 'abs(count(c.id) - $1::int / 10.0)' : 'changes DESC'} LIMIT 1`,
        tenthOf ? [tenthOf] : [],
      )
    ).rows;
    if (!organisation) throw new Error(`${databaseUrl} has no changes: run without BENCH_SEED=false.`);
    // node(id) asks for one of the newest changes that has a decision, comments and a visible pair.
    const [change] = (
      await client.query(
        `SELECT c.id FROM change_proposal c JOIN barrier b ON b.id = c.barrier_id
         WHERE c.organisation_id = $1 AND b.attribution = 'NAMED'
           AND EXISTS (SELECT 1 FROM decision d WHERE d.change_id = c.id) AND EXISTS (SELECT 1 FROM comment m WHERE m.change_id = c.id)
         ORDER BY c.created_at DESC, c.id DESC LIMIT 1`,
        [organisation.id],
      )
    ).rows;
    const { token, hash } = newToken();
    await client.query(`INSERT INTO auth_session (person_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '2 hours')`, [organisation.manager_id, hash]);
    return { organisationId: organisation.id, changeId: change.id, token, name: organisation.name, changes: organisation.changes };
  } finally {
    await client.end();
  }
}

interface Check {
  bodies: Map<string, string>;
  hiddenPairs: number;
  rows: number;
}

const key = (server: ServerName, shape: ShapeName) => `${server}|${shape}`;
const withoutPair = (row: BoardRow) => ({ ...row, pairId: undefined });

/**
 * Asks every server every shape once and compares the normalised rows: the same change ids in the
 * same order and the same values. Ours and the raw floor must agree on every field, pair included;
 * PostGraphile has no anonymity rule, so its pair is compared only where ours shows one.
 */
async function checkSameRows(servers: Record<ServerName, Child>, target: Target): Promise<Check> {
  const bodies = new Map<string, string>();
  let hiddenPairs = 0;
  let rows = 0;
  for (const shape of SHAPES_RUN) {
    const answers = {} as Record<ServerName, BoardRow[]>;
    for (const server of SERVERS) {
      const body = await post(servers[server].url, requestFor(server, shape, target));
      bodies.set(key(server, shape), body);
      answers[server] = rowsOf(server, shape, body);
    }
    const ours = answers.ours;
    const differ = (other: ServerName, a: unknown, b: unknown, what: string) => {
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        throw new Error(`${shape}: ${other} differs from ours in ${what}:\n  ours:  ${JSON.stringify(a).slice(0, 600)}\n  other: ${JSON.stringify(b).slice(0, 600)}`);
      }
    };
    differ('raw pg', ours, answers['raw pg'], 'its rows');
    differ('PostGraphile', ours.map((r) => r.id), answers.PostGraphile.map((r) => r.id), 'the change ids or their order');
    differ('PostGraphile', ours.map(withoutPair), answers.PostGraphile.map(withoutPair), 'the values');
    const shown = (rowsOfServer: BoardRow[]) => rowsOfServer.map((r, i) => (ours[i].pairId === null ? null : r.pairId));
    differ('PostGraphile', shown(ours), shown(answers.PostGraphile), 'the pairs ours shows');
    hiddenPairs += ours.filter((r) => r.pairId === null).length;
    rows += ours.length;
  }
  return { bodies, hiddenPairs, rows };
}

/** Our SQL statements per request for each shape, from a second server with EXPOSE_SQL_COUNT=true. */
async function countOurStatements(env: NodeJS.ProcessEnv, target: Target): Promise<Map<ShapeName, number>> {
  const counting = await startChild('ours (counting SQL)', ['-r', path.join(HERE, 'loopback.js'), path.join(ROOT, 'dist/server/src/main.js')], { ...env, EXPOSE_SQL_COUNT: 'true' }, graphqlProbe());
  try {
    const counts = new Map<ShapeName, number>();
    for (const shape of SHAPES_RUN) {
      const request = requestFor('ours', shape, target);
      await post(counting.url, request); // The first answer may include start-up work.
      const body = JSON.parse(await post(counting.url, request)) as { extensions?: { sqlStatements?: number } };
      counts.set(shape, body.extensions?.sqlStatements ?? NaN);
    }
    return counts;
  } finally {
    await counting.stop();
  }
}

interface Sample {
  requestsPerSecond: number;
  p95: number;
  p99: number;
  cpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
  responses: number;
  failures: number;
}

/**
 * Waits (15 s at most) until the child has stopped using CPU: requests still in flight when a
 * round ends go on running after autocannon hangs up, and must not spill into the next round.
 */
async function settle(pid: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  let last = cpuMs(pid);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = cpuMs(pid);
    if (now - last < 25) return; // under a tenth of a core
    last = now;
  }
}

/**
 * One autocannon run against one server, measured in its steady state only. A run starts with
 * every connection's first request in flight and nothing answered yet (at 50 connections on a slow
 * server, for seconds), and ends with requests in flight whose CPU is spent but whose answers are
 * lost. So the window opens once as many responses as connections have come back (or after
 * RAMP_MAX_SECONDS), lasts `seconds`, and requests/s, p99 and CPU per request (the child's CPU in
 * the window ÷ the responses in it) are taken inside it.
 */
async function load(child: Child, request: Request, connections: number, seconds: number, expectBody: string): Promise<Sample> {
  let answered = 0;
  let window: { cpuStart: number; cpuEnd?: number; postgresStart: number; postgresEnd?: number; latencies: number[] } | undefined;
  let instance: ReturnType<typeof autocannon> | undefined;
  let closeTimer: NodeJS.Timeout | undefined;
  const open = () => {
    if (window) return;
    window = { cpuStart: cpuMs(child.pid), postgresStart: postgresCpuMs(), latencies: [] };
    closeTimer = setTimeout(() => {
      window!.cpuEnd = cpuMs(child.pid);
      window!.postgresEnd = postgresCpuMs();
      instance!.stop();
    }, seconds * 1000);
  };
  const rampTimer = setTimeout(open, RAMP_MAX_SECONDS * 1000);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      { url: child.url + request.path, method: 'POST', headers: request.headers, body: request.body, connections, duration: RAMP_MAX_SECONDS + seconds + 5, timeout: 30, expectBody },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      if (window && window.cpuEnd === undefined) window.latencies.push(responseTime);
      if (!window && ++answered >= connections) open();
    });
  });
  clearTimeout(rampTimer);
  clearTimeout(closeTimer);
  await settle(child.pid);
  const latencies = (window?.latencies ?? []).sort((a, b) => a - b);
  const responses = latencies.length;
  const cpu = window?.cpuEnd !== undefined ? window.cpuEnd - window.cpuStart : NaN;
  return {
    requestsPerSecond: responses / seconds,
    p95: responses ? latencies[Math.min(responses - 1, Math.ceil(0.95 * responses) - 1)] : NaN,
    p99: responses ? latencies[Math.min(responses - 1, Math.ceil(0.99 * responses) - 1)] : NaN,
    cpuMsPerRequest: responses ? cpu / responses : NaN,
    postgresCpuMsPerRequest: responses && window?.postgresEnd !== undefined ? (window.postgresEnd - window.postgresStart) / responses : NaN,
    responses,
    failures: result.errors + result.timeouts + result.non2xx + result.mismatches,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fixed = (value: number) => (Number.isNaN(value) ? '–' : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

function printTable(connections: number, samples: Map<string, Sample[]>, statements: Map<ShapeName, number>): void {
  console.log(`\n### ${connections} connections (${ROUNDS} rounds × ${SECONDS} s steady window per server; req/s median [min–max]; p99 and CPU medians over rounds)\n`);
  console.log('| shape | ours req/s | PostGraphile req/s | raw pg req/s | ours ÷ PostGraphile | p99 ms ours / PG / raw | Node CPU ms/req ours / PG / raw | PostgreSQL CPU ms/req ours / PG / raw | SQL/req ours |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const shape of SHAPES_RUN) {
    const of = (server: ServerName) => samples.get(key(server, shape)) ?? [];
    const rps = (server: ServerName) => of(server).map((s) => s.requestsPerSecond);
    const cell = (server: ServerName) => `${fixed(median(rps(server)))} [${fixed(Math.min(...rps(server)))}–${fixed(Math.max(...rps(server)))}]`;
    const across = (pick: (s: Sample) => number) => SERVERS.map((server) => fixed(median(of(server).map(pick)))).join(' / ');
    const ratio = median(rps('ours')) / median(rps('PostGraphile'));
    console.log(`| ${shape} | ${cell('ours')} | ${cell('PostGraphile')} | ${cell('raw pg')} | ${ratio.toFixed(2)} | ${across((s) => s.p99)} | ${across((s) => s.cpuMsPerRequest)} | ${across((s) => s.postgresCpuMsPerRequest)} | ${statements.get(shape)} |`);
  }
}

/**
 * Cost that grows with the work, not the data: our board (first: 50, 10 connections) for the
 * organisation with the most changes and for the one with about a tenth as many, interleaved over
 * the rounds; the goal is a p95 less than 1.5× at ten times the data.
 */
async function growthWithData(ours: Child, databaseUrl: string, large: Target & { name: string }): Promise<number> {
  const shape: ShapeName = 'first: 50';
  const largeChanges = (await findTarget(databaseUrl)).changes;
  const small = { ...(await findTarget(databaseUrl, largeChanges)), postgraphileNodeId: '' };
  const targets = { small, large };
  const bodies = { small: await post(ours.url, requestFor('ours', shape, small)), large: await post(ours.url, requestFor('ours', shape, large)) };
  const samples = { small: [] as Sample[], large: [] as Sample[] };
  let failures = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const size of round % 2 ? (['large', 'small'] as const) : (['small', 'large'] as const)) {
      const sample = await load(ours, requestFor('ours', shape, targets[size]), 10, SECONDS, bodies[size]);
      failures += sample.failures;
      samples[size].push(sample);
      process.stderr.write(`  growth · ${size} organisation · round ${round + 1}: p95 ${fixed(sample.p95)} ms\n`);
    }
  }
  const p95 = (size: 'small' | 'large') => median(samples[size].map((s) => s.p95));
  console.log(`\n### Cost with ten times the data (ours, ${shape}, 10 connections, ${ROUNDS} rounds; medians)\n`);
  console.log('| organisation | changes | req/s | p95 ms |');
  console.log('|---|---|---|---|');
  console.log(`| ${small.name} | ${small.changes.toLocaleString('en-GB')} | ${fixed(median(samples.small.map((s) => s.requestsPerSecond)))} | ${fixed(p95('small'))} |`);
  console.log(`| ${large.name} | ${largeChanges.toLocaleString('en-GB')} | ${fixed(median(samples.large.map((s) => s.requestsPerSecond)))} | ${fixed(p95('large'))} |`);
  console.log(`\np95 at ${(largeChanges / small.changes).toFixed(1)}× the changes: ${(p95('large') / p95('small')).toFixed(2)}× (goal: under 1.5×).`);
  return failures;
}

async function main(): Promise<void> {
  const started = Date.now();
  const databaseUrl = BENCH_DATABASE_URL;
  if (process.env.BENCH_SEED !== 'false') await seedLarge(databaseUrl);
  const target0 = await findTarget(databaseUrl);
  console.log(`Database ${new URL(databaseUrl).pathname.slice(1)}; organisation "${target0.name}" with ${target0.changes.toLocaleString('en-GB')} changes.`);

  // Our server wants a notes key with DATABASE_URL; the board never reads notes, so any key will do.
  const notesKey = crypto.randomBytes(32).toString('base64');
  // RUN_JOBS=false: on this dataset our server's first start would also send the day's reminders to
  // thousands of pairs, a one-off burst that is not the read path and would land in the timed rounds.
  const env = { ...process.env, DATABASE_URL: databaseUrl, NOTES_ENCRYPTION_KEY: notesKey, NODE_ENV: 'production', LOG_LEVEL: 'warn', GRAPHILE_ENV: 'production', RUN_JOBS: 'false' };
  const servers = {} as Record<ServerName, Child>;
  try {
    servers.ours = await startChild('ours', ['-r', path.join(HERE, 'loopback.js'), path.join(ROOT, 'dist/server/src/main.js')], env, graphqlProbe());
    servers.PostGraphile = await startChild('PostGraphile', ['-r', path.join(HERE, 'polyfill.js'), path.join(HERE, 'postgraphile-server.js')], env, graphqlProbe());
    servers['raw pg'] = await startChild('raw pg', [path.join(HERE, 'raw-server.js')], env, rawProbe);

    const nodeIdBody = await post(servers.PostGraphile.url, {
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query ($rowId: UUID!) { changeProposalByRowId(rowId: $rowId) { id } }', variables: { rowId: target0.changeId } }),
    });
    const target: Target = { ...target0, postgraphileNodeId: JSON.parse(nodeIdBody).data.changeProposalByRowId.id };

    // descendants() counts the process itself: with one worker there is no primary.
    const ourProcesses = Math.max(1, descendants(servers.ours.pid).length - 1);
    console.log(
      `Ours serves from ${ourProcesses} process${ourProcesses > 1 ? 'es' : ''} (npm start's default: one per core, WORKERS to change it), ` +
        `PostGraphile and the raw floor from one each; Node CPU below is every process's. The machine has ${os.availableParallelism()} cores.`,
    );
    const check = await checkSameRows(servers, target);
    console.log(
      `Same rows from all three for ${SHAPES_RUN.join(', ')} (${check.rows} rows): change ids and order, title, status, target date, progress, ` +
        `barrier, owner, latest decision, comment count. Pair: ours and the raw floor agree on all ${check.rows}; our anonymity rule hides ` +
        `${check.hiddenPairs} of them, and PostGraphile (no such rule) is compared on the other ${check.rows - check.hiddenPairs}.`,
    );
    const bytes = (shape: ShapeName) => SERVERS.map((server) => Buffer.byteLength(check.bodies.get(key(server, shape))!)).join(' / ');
    console.log(`Response bytes (ours / PostGraphile / raw pg): ${SHAPES_RUN.map((s) => `${s}: ${bytes(s)}`).join('; ')}.`);
    const statements = await countOurStatements(env, target);
    console.log(`Our SQL statements per request (EXPOSE_SQL_COUNT=true, separate server): ${SHAPES_RUN.map((s) => `${s}: ${statements.get(s)}`).join(', ')}.`);

    const warmups = SERVERS.length * SHAPES_RUN.length * WARMUP_SECONDS;
    const timed = CONNECTIONS.length * SHAPES_RUN.length * ROUNDS * SERVERS.length * SECONDS;
    console.log(`Warming up (${warmups} s), then ${timed} s of interleaved rounds…`);
    for (const shape of SHAPES_RUN) {
      for (const server of SERVERS) {
        if (WARMUP_SECONDS > 0) await load(servers[server], requestFor(server, shape, target), CONNECTIONS[0], WARMUP_SECONDS, check.bodies.get(key(server, shape))!);
      }
    }
    let failures = 0;
    for (const connections of CONNECTIONS) {
      const samples = new Map<string, Sample[]>();
      for (const shape of SHAPES_RUN) {
        for (let round = 0; round < ROUNDS; round++) {
          const order = SERVERS.map((_, i) => SERVERS[(i + round) % SERVERS.length]);
          for (const server of order) {
            const sample = await load(servers[server], requestFor(server, shape, target), connections, SECONDS, check.bodies.get(key(server, shape))!);
            failures += sample.failures;
            samples.set(key(server, shape), [...(samples.get(key(server, shape)) ?? []), sample]);
            process.stderr.write(`  ${connections} conn · ${shape} · round ${round + 1} · ${server}: ${fixed(sample.requestsPerSecond)} req/s, p99 ${fixed(sample.p99)} ms\n`);
          }
        }
      }
      printTable(connections, samples, statements);
    }
    failures += await growthWithData(servers.ours, databaseUrl, { ...target, name: target0.name });
    console.log(
      `\n${failures === 0 ? 'Every timed response was identical to the checked one' : `${failures} timed responses failed or differed from the checked one`}. ` +
        `Total ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    );
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
