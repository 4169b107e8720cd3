import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Server processes started by default on a machine with many cores; WORKERS sets more. */
const DEFAULT_MAX_WORKERS = 4;

/** Everything the server reads from the environment, validated once at boot. */
export interface Config {
  port: number;
  /**
   * How many server processes share the port (WORKERS). In production one per core, at most
   * DEFAULT_MAX_WORKERS; otherwise one. Each holds up to 17 connections (TypeORM's pool of 10,
   * the prepared reads' 3 and its job queue's 4), so the default stays inside PostgreSQL's 100. They
   * share nothing but PostgreSQL.
   */
  workers: number;
  /**
   * Production settings (NODE_ENV unset or `production`): no introspection and no "Did you mean"
   * for anyone. NODE_ENV=development (or test) tells it otherwise.
   */
  production: boolean;
  /** A PostgreSQL URL; when absent the server starts an embedded PostgreSQL in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Seed the demo organisations into an empty database (the embedded default does). */
  seedDemo: boolean;
  /**
   * From which request a query runs compiled (COMPILE_QUERIES_AFTER, see common/compiled-execution.ts):
   * by default its second, so that a query asked once is never compiled; 1 compiles every query
   * (the tests do, so that they run the compiled path); 0 never compiles.
   */
  compileQueriesAfter: number;
  /** Adds `extensions.sqlStatements` to responses so tests can count queries. Never in production. */
  exposeSqlCount: boolean;
  /** Marks the session cookie Secure; on behind HTTPS. */
  secureCookies: boolean;
  sessionDays: number;
  invitationDays: number;
  publicUrl: string;
  clientDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /**
   * AES-256 key for private session notes (NOTES_ENCRYPTION_KEY, 32 bytes in base64). Required
   * with DATABASE_URL; the embedded default keeps a generated one in its data folder.
   */
  notesKey: Buffer | undefined;
  /** SMTP server for outgoing mail (smtp:// or smtps://); without it mail is kept in the outbox table. */
  smtpUrl: string | undefined;
  /** The From address of every message. */
  mailFrom: string;
  /** Run background and scheduled jobs (pg-boss) in this process; on by default. */
  runJobs: boolean;
  /** First retry delay of a failed delivery, in seconds; each later retry waits about twice as long. */
  mailRetrySeconds: number;
  /** How many times a failed delivery is retried before it is marked FAILED for the admin. */
  mailRetryLimit: number;
  /**
   * Accept http:// identity-provider issuers (OIDC_ALLOW_HTTP_ISSUERS). Off by default: an issuer
   * must be https, so secrets and tokens never cross the network in the clear. Tests turn it on
   * for the provider they run on 127.0.0.1.
   */
  allowHttpIssuers: boolean;
}

export class ConfigError extends Error {}

/** A listening error as a person can act on it: a port in use says which setting to change. */
export function listenError(error: unknown, port: number): unknown {
  return (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new Error(`port ${port} is in use: set PORT to another port`) : error;
}

/** The folder holding package.json, whether we run from server/src (tests) or dist/server/src. */
function findRepoRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot(__dirname);

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; got "${raw}"`);
  }
  return value;
}

function flag(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false; got "${raw}"`);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = integer('PORT', env.PORT, 4000, 0, 65535);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL must be one of debug, info, warn, error, silent');
  }
  let notesKey: Buffer | undefined;
  if (env.NOTES_ENCRYPTION_KEY) {
    notesKey = Buffer.from(env.NOTES_ENCRYPTION_KEY, 'base64');
    if (notesKey.length !== 32) throw new ConfigError('NOTES_ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  }
  const nodeEnv = env.NODE_ENV || 'production';
  if (!['production', 'development', 'test'].includes(nodeEnv)) {
    throw new ConfigError('NODE_ENV must be production, development or test');
  }
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL');
  const mailFrom = env.MAIL_FROM || 'Common Ground <no-reply@commonground.example>';
  if (!/@/.test(mailFrom)) throw new ConfigError('MAIL_FROM must be an email address, e.g. "Common Ground <cg@example.org>"');
  return {
    port,
    workers: integer('WORKERS', env.WORKERS, nodeEnv === 'production' ? Math.min(os.availableParallelism(), DEFAULT_MAX_WORKERS) : 1, 1, 64),
    production: nodeEnv === 'production',
    smtpUrl,
    mailFrom,
    runJobs: flag('RUN_JOBS', env.RUN_JOBS, true),
    mailRetrySeconds: integer('MAIL_RETRY_SECONDS', env.MAIL_RETRY_SECONDS, 30, 1, 3600),
    mailRetryLimit: integer('MAIL_RETRY_LIMIT', env.MAIL_RETRY_LIMIT, 8, 0, 50),
    notesKey,
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, '.data')),
    seedDemo: flag('SEED_DEMO', env.SEED_DEMO, !databaseUrl),
    compileQueriesAfter: integer('COMPILE_QUERIES_AFTER', env.COMPILE_QUERIES_AFTER, 2, 0, 1000),
    exposeSqlCount: flag('EXPOSE_SQL_COUNT', env.EXPOSE_SQL_COUNT, false),
    secureCookies: flag('SECURE_COOKIES', env.SECURE_COOKIES, false),
    sessionDays: integer('SESSION_DAYS', env.SESSION_DAYS, 14, 1, 365),
    invitationDays: integer('INVITATION_DAYS', env.INVITATION_DAYS, 7, 1, 90),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    clientDir: path.resolve(env.CLIENT_DIR ?? path.join(repoRoot, 'client', 'dist')),
    logLevel,
    allowHttpIssuers: flag('OIDC_ALLOW_HTTP_ISSUERS', env.OIDC_ALLOW_HTTP_ISSUERS, false),
  };
}
