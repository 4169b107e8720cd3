import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Client } from 'pg';
import { testDatabaseUrl } from '../setup/test-database';
import { startTestServer, type TestServer } from './server';

/**
 * A real SMTP server in the test process: it accepts every message and keeps it parsed. `stop()`
 * and `start()` take it down and bring it back on the same port, for the retry tests.
 */
export class TestSmtp {
  readonly received: ParsedMail[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          (parsed) => {
            this.received.push(parsed);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Messages to one address. */
  to(address: string): ParsedMail[] {
    return this.received.filter((m) => [m.to].flat().some((to) => to?.value.some((v) => v.address === address)));
  }
}

/** Waits until `check` returns something truthy (polling), or fails with `what`. */
type Falsy = false | 0 | '' | null | undefined;

export async function eventually<T>(what: string, check: () => T | Falsy | Promise<T | Falsy>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as T;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Suites that ran before without a job runner leave their messages PENDING; a mail suite sets
 * them aside first (in beforeAll), so that it waits for its own messages only.
 */
export async function setAsidePendingMail(): Promise<void> {
  const admin = new Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`UPDATE mail_message SET status = 'SUPPRESSED', last_error = 'left by an earlier test suite' WHERE status = 'PENDING'`);
  await admin.end();
}

/** A test server whose job runner delivers to `smtp` (retrying after about a second). */
export function startMailingServer(smtp: TestSmtp | null, env: Record<string, string> = {}): Promise<TestServer> {
  return startTestServer({ RUN_JOBS: 'true', MAIL_RETRY_SECONDS: '1', ...(smtp ? { SMTP_URL: smtp.url } : {}), ...env });
}

/** A header as it was sent (mailparser turns some, like List-Unsubscribe, into objects). */
export function rawHeader(message: ParsedMail, name: string): string | undefined {
  const line = message.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).trim();
}
