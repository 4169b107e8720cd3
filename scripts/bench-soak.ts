/**
 * `npm run bench:soak` (not in CI): five minutes of mixed reads and writes from many simulated
 * users against one built server on loopback, on a database of its own with the demo data. Prints
 * errors (must be 0), p50/p95/p99 per operation, and the server's resident memory at the start,
 * middle and end (it may not keep growing).
 *
 * SOAK_SECONDS (default 300) and SOAK_CONNECTIONS (per operation, default 3) bound it;
 * SOAK_DATABASE_URL picks the database (dropped and made afresh). Needs `npm run build`.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
// autocannon ships no types; the little used here is typed below.
const autocannon = require('autocannon') as (options: Record<string, unknown>) => AutocannonInstance;

interface AutocannonInstance extends PromiseLike<{ errors: number; timeouts: number; non2xx: number; requests: { total: number } }> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 3);
const DATABASE_URL = process.env.SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commonground_bench_soak';
const MAIN = path.resolve(__dirname, '../server/src/main.js');
const PASSWORD = 'commonground';

async function freshDatabase(url: string) {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

function startServer(): Promise<{ pid: number; url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL,
      SEED_DEMO: 'true',
      NOTES_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
      PORT: '0',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at http:\/\/localhost:(\d+)/);
      if (match) {
        resolve({
          pid: child.pid!,
          url: `http://127.0.0.1:${match[1]}`,
          stop: () =>
            new Promise((done) => {
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
}

/** Resident memory of a process, in MB, from /proc. */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return Object.values(body.data!)[0];
}

const signIn = async (url: string, email: string) =>
  (await gql(url, `mutation ($input: LoginInput!) { login(input: $input) { token } }`, { input: { email, password: PASSWORD } })).token as string;

interface Operation {
  name: string;
  tokens: string[];
  query: string;
  variables: () => Record<string, unknown>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  console.log(`Soak: ${SECONDS} s, ${CONNECTIONS} connections per operation, database ${DATABASE_URL}`);
  await freshDatabase(DATABASE_URL);
  const server = await startServer();
  try {
    await soak(server);
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function soak(server: { pid: number; url: string; stop: () => Promise<number | null> }) {
  const url = server.url;

  const pair = await Promise.all([signIn(url, 'sam.senior@northshore.example'), signIn(url, 'jo.junior@northshore.example')]);
  const owners = await Promise.all([signIn(url, 'olu.owner@northshore.example'), signIn(url, 'dee.owner@northshore.example')]);
  const manager = [await signIn(url, 'pat.manager@northshore.example')];
  const community = [await signIn(url, 'casey.member@riverside.example')];
  const everyone = [...pair, ...owners, ...manager, ...community];
  const barrierId = (await gql(url, `{ barriers(first: 1) { nodes { id } } }`, {}, pair[0])).nodes[0].id as string;
  const ownerId = (await gql(url, `{ viewer { person { id } } }`, {}, owners[0])).person.id as string;
  let n = 0;

  const operations: Operation[] = [
    { name: 'viewer', tokens: everyone, query: `{ viewer { email memberships { roles organisation { name } } } }`, variables: () => ({}) },
    {
      name: 'changes (page of 20)',
      tokens: [...pair, ...owners, ...manager],
      query: `{ changes(first: 20) { totalCount nodes { id title status owner { displayName } barrier { title } } } }`,
      variables: () => ({}),
    },
    { name: 'barriers (page of 20)', tokens: [...pair, ...manager], query: `{ barriers(first: 20) { totalCount nodes { id title status } } }`, variables: () => ({}) },
    { name: 'decisionQueue', tokens: owners, query: `{ decisionQueue { totalCount nodes { id title isDecisionOverdue } } }`, variables: () => ({}) },
    {
      name: 'sharedCases search',
      tokens: community,
      query: `query ($s: String) { sharedCases(search: $s, first: 10) { totalCount nodes { id title } } }`,
      variables: () => ({ s: ['shortlist', 'rota', 'pay', 'mentoring'][n++ % 4] }),
    },
    { name: 'notifications', tokens: everyone, query: `{ notifications(first: 20) { totalCount nodes { id kind } } }`, variables: () => ({}) },
    {
      name: 'addComment (write)',
      tokens: pair,
      query: `mutation ($input: AddCommentInput!) { addComment(input: $input) { userErrors { code } } }`,
      variables: () => ({ input: { subjectId: barrierId, body: `Soak comment ${n++}: we see this in our division too.` } }),
    },
    {
      name: 'proposeChange (write)',
      tokens: pair,
      query: `mutation ($input: ProposeChangeInput!) { proposeChange(input: $input) { change { id } userErrors { code } } }`,
      variables: () => ({
        input: {
          barrierId,
          ownerId,
          title: `Soak change ${n++}`,
          whatChanges: 'Shortlisting panels include a trained member from outside the division.',
          expectedImpact: 'More diverse shortlists within a year.',
          targetDate: '2030-01-31',
        },
      }),
    },
  ];

  // Check each operation once by hand first: the soak measures them, it does not debug them.
  for (const op of operations) {
    const payload = await gql(url, op.query, op.variables(), op.tokens[0]);
    if (payload?.userErrors?.length) throw new Error(`${op.name}: ${JSON.stringify(payload.userErrors)}`);
  }

  const memory: { at: number; mb: number }[] = [];
  const started = Date.now();
  const sample = () => memory.push({ at: (Date.now() - started) / 1000, mb: rssMb(server.pid) });
  sample();
  const sampler = setInterval(sample, 5000);

  const runs = operations.map((op) => {
    const latencies: number[] = [];
    let graphqlErrors = 0;
    let turn = 0;
    const instance = autocannon({
      url: `${url}/graphql`,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          setupRequest: (request: Record<string, unknown>) => ({
            ...request,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${op.tokens[turn++ % op.tokens.length]}` },
            body: JSON.stringify({ query: op.query, variables: op.variables() }),
          }),
          onResponse: (_status: number, body: string) => {
            if (body.includes('"errors"') || /"userErrors":\[\{/.test(body)) graphqlErrors++;
          },
        },
      ],
    });
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
    return Promise.resolve(instance).then((result) => ({ op, result, latencies, graphqlErrors }));
  });
  const results = await Promise.all(runs);
  clearInterval(sampler);
  sample();

  const exitCode = await server.stop();

  console.log('\noperation                 requests   errors   p50 ms   p95 ms   p99 ms');
  let totalErrors = 0;
  for (const { op, result, latencies, graphqlErrors } of results) {
    const sorted = latencies.sort((a, b) => a - b);
    const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
    totalErrors += errors;
    console.log(
      `${op.name.padEnd(24)} ${String(result.requests.total).padStart(9)} ${String(errors).padStart(8)} ${percentile(sorted, 50).toFixed(1).padStart(8)} ${percentile(sorted, 95).toFixed(1).padStart(8)} ${percentile(sorted, 99).toFixed(1).padStart(8)}`,
    );
  }
  const at = (fraction: number) => memory[Math.min(memory.length - 1, Math.round((memory.length - 1) * fraction))];
  const [first, middle, last] = [at(0), at(0.5), at(1)];
  console.log(`\nresident memory: start ${first.mb.toFixed(0)} MB (${first.at.toFixed(0)} s), middle ${middle.mb.toFixed(0)} MB (${middle.at.toFixed(0)} s), end ${last.mb.toFixed(0)} MB (${last.at.toFixed(0)} s), peak ${Math.max(...memory.map((m) => m.mb)).toFixed(0)} MB`);
  // Growth over the second half, when caches and pools have warmed up.
  const secondHalf = memory.slice(Math.floor(memory.length / 2));
  console.log(`second-half growth: ${(secondHalf[secondHalf.length - 1].mb - secondHalf[0].mb).toFixed(1)} MB over ${(secondHalf[secondHalf.length - 1].at - secondHalf[0].at).toFixed(0)} s`);
  console.log(`errors: ${totalErrors}; the server exited with ${exitCode} after SIGTERM`);
  process.exitCode = totalErrors === 0 && exitCode === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
