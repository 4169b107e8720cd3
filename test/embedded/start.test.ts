import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { Api } from '../helpers/api';
import { embeddedDataDir, startServerProcess } from '../helpers/process';

/**
 * The README's `npm start` path: the built server on the embedded PostgreSQL, with demo data.
 * Needs `npm run build` first (npm test runs it).
 */
const start = (dataDir: string) => startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: '' });

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;

describe('npm start on the embedded database', () => {
  const dataDir = embeddedDataDir();
  const children: ChildProcess[] = [];

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 1500));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with demo data, survives a killed process, and keeps what users wrote', async () => {
    const first = await start(dataDir);
    children.push(first.child);
    expect(first.output()).toContain('jo.junior@northshore.example');
    const api = new Api(first.url);
    const { token } = await api.mutation(LOGIN, { email: 'jo.junior@northshore.example', password: 'commonground' });
    expect(token).toBeTruthy();

    first.child.kill('SIGKILL'); // PostgreSQL is left running, holding the data folder
    await new Promise((r) => first.child.once('exit', r));

    const second = await start(dataDir);
    children.push(second.child);
    const viewer = await new Api(second.url, token).ok(`{ viewer { email } }`);
    expect(viewer.viewer.email).toBe('jo.junior@northshore.example'); // the session written before the kill survived
    const orgs = await new Api(second.url, token).ok(`{ organisations { totalCount } }`);
    expect(orgs.organisations.totalCount).toBe(1); // demo data was not seeded twice

    second.child.kill('SIGINT');
    await new Promise((r) => second.child.once('exit', r));
  }, 120_000);
});
