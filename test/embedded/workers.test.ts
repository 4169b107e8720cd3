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

/**
 * For each process, the client ports of its established connections to `port`: its sockets
 * (/proc/<pid>/fd) matched against the kernel's TCP tables.
 */
const clientPortsOf = (pids: number[], port: number): number[][] => {
  const clientPortByInode = new Map<string, number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of fs.readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
      const [, local, remote, state, , , , , , inode] = line.trim().split(/\s+/);
      const portOf = (address: string) => parseInt(address.slice(address.lastIndexOf(':') + 1), 16);
      if (portOf(local) === port && state === '01') clientPortByInode.set(inode, portOf(remote)); // 01: ESTABLISHED
    }
  }
  return pids.map((pid) =>
    fs.readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        return inode && clientPortByInode.has(inode) ? [clientPortByInode.get(inode)!] : [];
      } catch {
        return []; // closed meanwhile
      }
    }),
  );
};

/** The client ports of an agent's kept-alive connections. */
const socketsOf = (agent: http.Agent) => Object.values(agent.freeSockets).flat() as import('node:net').Socket[];

let server: ServerProcess;
let env: Record<string, string>;

beforeAll(async () => {
  env = {
    DATABASE_URL: await freshDatabase('workers'),
    NOTES_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
    SEED_DEMO: 'true',
    WORKERS: '2',
    NODE_ENV: 'production',
  };
  server = await startServerProcess(env);
}, 120_000);

afterAll(() => {
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
});

test('connections opened together are split evenly between the workers, and a closed one frees its place', async () => {
  const workers = childrenOf(server.child.pid!);
  const port = Number(new URL(server.url).port);
  const signIn = await postGraphQL(server.url, new http.Agent({ keepAlive: false }), LOGIN, { input: { email: 'pat.manager@northshore.example', password: 'commonground' } });
  const token = signIn.body.data.login.token as string;
  const askAtOnce = async (agent: http.Agent, connections: number) => {
    const answers = await Promise.all(Array.from({ length: connections }, () => postGraphQL(server.url, agent, READ, {}, token)));
    expect(answers.every((a) => a.body.data?.viewer?.email === 'pat.manager@northshore.example')).toBe(true);
  };

  const first = new http.Agent({ keepAlive: true, maxSockets: 10 });
  await askAtOnce(first, 10);
  const held = clientPortsOf(workers, port);
  expect(held.map((ports) => ports.length)).toEqual([5, 5]); // node:cluster's round robin gave 6 and 4, or worse

  // Close every connection the first worker holds: the next four go to it, not two and two.
  for (const socket of socketsOf(first)) if (held[0].includes(socket.localPort!)) socket.destroy();
  for (let wait = 0; clientPortsOf(workers, port)[0].length > 0; wait++) {
    if (wait > 100) throw new Error('the first worker kept its connections');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, 200)); // its word to the primary that they closed
  const second = new http.Agent({ keepAlive: true, maxSockets: 4 });
  await askAtOnce(second, 4);
  expect(clientPortsOf(workers, port).map((ports) => ports.length)).toEqual([4, 5]);
  first.destroy();
  second.destroy();
}, 60_000);

test('a second server on the same port says the port is in use, and exits', async () => {
  const port = new URL(server.url).port;
  await expect(startServerProcess({ ...env, PORT: port })).rejects.toThrow(`port ${port} is in use: set PORT to another port`);
}, 60_000);

test('two server processes answer on one port, sharing sessions and the sign-in limit, and stop together on SIGTERM', async () => {
  const workers = childrenOf(server.child.pid!);
  expect(workers).toHaveLength(2);
  expect(server.output()).toContain('2 server processes (WORKERS)');
  // Each worker runs with the larger young generation and without the memory reducer (cluster.ts, workerExecArgv).
  for (const pid of workers) expect(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toEqual(expect.arrayContaining(['--max-semi-space-size=64', '--no-memory-reducer']));

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
