/**
 * The servers under test run as child processes, so each one's CPU is its own: read from
 * /proc/<pid>/stat (utime + stime, in clock ticks) for the process and any children it has.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** A port the kernel just gave out on loopback, released for the child to take. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function descendants(pid: number): number[] {
  const found = [pid];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/).map(Number) : []) found.push(...descendants(child));
    }
  } catch {
    // The process ended while we looked.
  }
  return found;
}

/**
 * The fields of /proc/<pid>/stat after the command name (which may hold spaces), from field 3 on,
 * with the command name itself; undefined if the process has ended.
 */
function statOf(pid: number | string): { command: string; fields: string[] } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return { command: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), fields: stat.slice(stat.lastIndexOf(')') + 2).split(' ') };
  } catch {
    return undefined; // gone
  }
}

/** Clock ticks of CPU a process has used (utime + stime, fields 14 and 15), and with `reaped` its ended children's (cutime + cstime). */
const ticksOf = (fields: string[], reaped = false) => Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0);

/** CPU milliseconds (user + system) used so far by `pid` and its live descendants. */
export function cpuMs(pid: number): number {
  let ticks = 0;
  for (const p of descendants(pid)) {
    const stat = statOf(p);
    if (stat) ticks += ticksOf(stat.fields);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * CPU milliseconds used so far by every PostgreSQL process on this machine (the postmaster, its
 * backends and helpers), so a run can say what the database spent per request. Only the server
 * under test is loaded while it is read; NaN if PostgreSQL is not on this machine. A backend that
 * ends takes its CPU out of the live processes' sum and into its parent's (cutime + cstime, the
 * children it reaped), so both are counted and the total only grows.
 */
export function postgresCpuMs(): number {
  let ticks = 0;
  let found = false;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(entry);
    if (stat?.command !== 'postgres') continue;
    ticks += ticksOf(stat.fields, true);
    found = true;
  }
  return found ? (ticks * 1000) / TICKS_PER_SECOND : NaN;
}

export interface Child {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `node <args>` with `env`, then waits (at most `readySeconds`) until `probe` answers.
 * Its output is kept and shown if it never becomes ready or exits early.
 */
export async function startChild(name: string, args: string[], env: NodeJS.ProcessEnv, probe: (url: string) => Promise<boolean>, readySeconds = 120): Promise<Child> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, args, { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  let exited = false;
  child.once('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readySeconds * 1000;
  for (;;) {
    if (exited) throw new Error(`${name} exited before it was ready:\n${output}`);
    if (await probe(url).catch(() => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready after ${readySeconds} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    name,
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
