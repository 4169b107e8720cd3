import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { maintenanceUrl, testDatabaseUrl } from '../setup/test-database';

/** The built server (`npm run build` first; npm test runs it), as `npm start` runs it. */
export const MAIN = path.resolve(__dirname, '../../dist/server/src/main.js');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the built server as a child process and waits for its "running at" line. `env` is laid
 * over the test process's environment; PORT defaults to 0 (any free port). `nodeFlags` go to node
 * before the script (V8 flags that NODE_OPTIONS does not allow).
 */
export function startServerProcess(env: Record<string, string>, nodeFlags: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeFlags, MAIN], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/localhost:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1].replace('localhost', '127.0.0.1'), output: () => output, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code }) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

/** A fresh data folder for an embedded database, readable by the postgres user when we run as root. */
export function embeddedDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-embedded-'));
  fs.chmodSync(dataDir, 0o755);
  return dataDir;
}

/** A POST of a GraphQL operation over `agent` (keep-alive in the stop tests), with its status and body. */
export function postGraphQL(
  url: string,
  agent: http.Agent,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ status: number; body: any }> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/graphql`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
          } catch {
            resolve({ status: response.statusCode ?? 0, body: text });
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** A database of its own on the tests' PostgreSQL (dropped and made afresh), for a server process to migrate and seed. */
export async function freshDatabase(suffix: string): Promise<string> {
  const { url: adminUrl, database } = maintenanceUrl(testDatabaseUrl());
  const name = `${database}_${suffix}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}
