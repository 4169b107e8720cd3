import fs from 'node:fs';
import http from 'node:http';
import { freshDatabase, postGraphQL, startServerProcess, type ServerProcess } from '../helpers/process';

/**
 * Issue 11: a server uses every core it is given. With WORKERS=2 the built server runs two
 * processes on one port that share nothing but PostgreSQL; a session made in one is honoured by
 * the other, the sign-in limit counts failures wherever they land, and SIGTERM stops them all.
 */
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;
const READ = `{ viewer { email } changes(first: 5) { nodes { id owner { displayName } } } }`;

const childrenOf = (pid: number): number[] =>
  fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return Number(fs.readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === pid;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);

/** Clock ticks of CPU a process has used (user + system). */
const cpuTicks = (pid: number): number => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
};

let server: ServerProcess;

beforeAll(async () => {
  const url = await freshDatabase('workers');
  server = await startServerProcess({
    DATABASE_URL: url,
    NOTES_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
    SEED_DEMO: 'true',
    WORKERS: '2',
    NODE_ENV: 'production',
  });
}, 120_000);

afterAll(() => {
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
});

test('two server processes answer on one port, sharing sessions and the sign-in limit, and stop together on SIGTERM', async () => {
  const workers = childrenOf(server.child.pid!);
  expect(workers).toHaveLength(2);
  expect(server.output()).toContain('2 server processes (WORKERS)');
  // Each worker runs with the larger young generation (cluster.ts, workerExecArgv).
  for (const pid of workers) expect(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toContain('--max-semi-space-size=64');

  // A fresh connection per request, so node:cluster hands them to both workers in turn.
  const fresh = () => new http.Agent({ keepAlive: false });
  const signIn = await postGraphQL(server.url, fresh(), LOGIN, { input: { email: 'pat.manager@northshore.example', password: 'commonground' } });
  const token = signIn.body.data.login.token as string;
  const before = workers.map(cpuTicks);
  const answers = await Promise.all(Array.from({ length: 40 }, () => postGraphQL(server.url, fresh(), READ, {}, token)));
  expect(answers.map((a) => a.body.data?.viewer?.email)).toEqual(Array(40).fill('pat.manager@northshore.example'));
  const after = workers.map(cpuTicks);
  workers.forEach((_, i) => expect(after[i]).toBeGreaterThan(before[i])); // both served

  const codes: string[] = [];
  for (let i = 0; i < 7; i++) {
    const { body } = await postGraphQL(server.url, fresh(), LOGIN, { input: { email: 'jo.junior@northshore.example', password: `wrong guess ${i}` } });
    codes.push(body.data.login.userErrors[0]?.code);
  }
  expect(codes.slice(0, 5)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
  expect(codes.slice(5)).toEqual(['TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS']);

  const sent = Date.now();
  server.child.kill('SIGTERM');
  const { code } = await server.exited;
  expect(code).toBe(0);
  expect(Date.now() - sent).toBeLessThan(10_000);
  expect(workers.filter((pid) => fs.existsSync(`/proc/${pid}`))).toEqual([]);
}, 120_000);
