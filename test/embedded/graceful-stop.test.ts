import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { embeddedDataDir, freshDatabase, postGraphQL, startServerProcess, type ServerProcess } from '../helpers/process';

/**
 * Issue 9: SIGTERM or SIGINT stops the server cleanly on both databases, idle and under
 * keep-alive load: it stops accepting, answers every request in flight, closes the pool, stops
 * the embedded PostgreSQL, and exits 0 within 10 seconds; the next start needs no recovery.
 * (Before: with DATABASE_URL it logged "stopping" and went on listening, answering 500.)
 */
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;
const READ = `{ changes(first: 30) { totalCount nodes { id title status owner { displayName } history { kind } } } }`;

async function stopAndTime(server: ServerProcess, signal: NodeJS.Signals) {
  const sent = Date.now();
  server.child.kill(signal);
  const { code } = await server.exited;
  return { code, ms: Date.now() - sent };
}

/** Keeps `workers` keep-alive connections busy until the server refuses new connections. */
async function underLoad(server: ServerProcess, signal: NodeJS.Signals) {
  const { body } = await postGraphQL(server.url, new http.Agent(), LOGIN, { input: { email: 'pat.manager@northshore.example', password: 'commonground' } });
  const token = body.data.login.token as string;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
  let signalledAt = Infinity;
  const results = { ok: 0, failed: [] as string[], inFlightAtSignal: 0, refused: 0 };
  const worker = async () => {
    for (;;) {
      const started = Date.now();
      try {
        const response = await postGraphQL(server.url, agent, READ, {}, token);
        if (response.status === 200 && !response.body.errors) results.ok++;
        else results.failed.push(`${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        if (started < signalledAt && Date.now() > signalledAt) results.inFlightAtSignal++;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') {
          results.refused++;
          return; // the server no longer accepts connections: this worker is done
        }
        results.failed.push(`${(error as NodeJS.ErrnoException).code} ${(error as Error).message}`);
        if (Date.now() > signalledAt + 15_000) return;
      }
    }
  };
  const workers = Array.from({ length: 6 }, worker);
  await new Promise((r) => setTimeout(r, 1500));
  signalledAt = Date.now();
  const stopped = stopAndTime(server, signal);
  await Promise.all(workers);
  agent.destroy();
  return { ...(await stopped), ...results };
}

describe('graceful stop with DATABASE_URL', () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase('stop');
  });

  it('exits 0 on SIGTERM when idle', async () => {
    const server = await startServerProcess({ DATABASE_URL: url, SEED_DEMO: 'true', NODE_ENV: '' });
    const { code, ms } = await stopAndTime(server, 'SIGTERM');
    expect({ code, output: code === 0 ? '' : server.output() }).toEqual({ code: 0, output: '' });
    expect(ms).toBeLessThan(10_000);
  }, 60_000);

  it('answers every request in flight under keep-alive load, then exits 0 on SIGTERM; the next start is clean', async () => {
    const server = await startServerProcess({ DATABASE_URL: url, NODE_ENV: '' });
    // npm start's default is a process per core, so on a machine with several this stops several.
    const processes = Math.min(os.availableParallelism(), 4);
    if (processes > 1) expect(server.output()).toContain(`${processes} server processes (WORKERS)`);
    const result = await underLoad(server, 'SIGTERM');
    expect(result.failed).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.ms).toBeLessThan(10_000);
    expect(result.ok).toBeGreaterThan(10);
    expect(result.inFlightAtSignal).toBeGreaterThan(0);
    expect(server.output()).not.toMatch(/Cannot execute GraphQL operations|"level":"error"/);

    const again = await startServerProcess({ DATABASE_URL: url, NODE_ENV: '' });
    expect((await postGraphQL(again.url, new http.Agent(), LOGIN, { input: { email: 'jo.junior@northshore.example', password: 'commonground' } })).body.data.login.token).toBeTruthy();
    expect((await stopAndTime(again, 'SIGINT')).code).toBe(0);
  }, 90_000);
});

describe('graceful stop on the embedded database', () => {
  const dataDir = embeddedDataDir();
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const pgFolder = () => fs.readFileSync(path.join(dataDir, 'server.pid'), 'utf8');

  it('exits 0 on SIGINT when idle, with PostgreSQL stopped', async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: '' });
    expect(pgFolder()).toBeTruthy();
    const { code, ms } = await stopAndTime(server, 'SIGINT');
    expect({ code, output: code === 0 ? '' : server.output() }).toEqual({ code: 0, output: '' });
    expect(ms).toBeLessThan(10_000);
    expect(fs.existsSync(path.join(dataDir, 'server.pid'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false); // PostgreSQL stopped, not orphaned
  }, 90_000);

  it('answers every request in flight under keep-alive load, exits 0 on SIGTERM, and the next start needs no recovery', async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: '' });
    const result = await underLoad(server, 'SIGTERM');
    expect(result.failed).toEqual([]);
    expect(result.code).toBe(0); // not 143, which async-exit-hook's own handler exited with
    expect(result.ms).toBeLessThan(10_000);
    expect(result.inFlightAtSignal).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const again = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: '', LOG_LEVEL: 'debug' });
    expect(again.output()).not.toMatch(/left running|not properly shut down|automatic recovery/);
    expect((await stopAndTime(again, 'SIGTERM')).code).toBe(0);
  }, 120_000);
});
