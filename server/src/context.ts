import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { Logger } from './common/logger';
import type { Viewer } from './modules/auth/viewer';
import { createLoaders, type Loaders } from './loaders';

/** HTTP details a mutation may need, kept behind a small interface so services never touch express. */
export interface HttpHooks {
  ip: string;
  /** The device cookie the request carried, if any (auth/device-trust.ts). */
  deviceToken?: string;
  setSessionCookie(token: string, expiresAt: Date): void;
  setDeviceCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

/** Everything one request carries: built fresh per request, loaders included. */
export interface Context {
  requestId: string;
  db: DataSource;
  config: Config;
  log: Logger;
  viewer: Viewer | null;
  loaders: Loaders;
  http: HttpHooks;
}

export function createContext(parts: Omit<Context, 'loaders'>): Context {
  return { ...parts, loaders: createLoaders(parts.db) };
}

/** A context for a request outside /graphql (single sign-on, SCIM): a fresh request id on the log lines. */
export function createRequestContext(parts: Omit<Context, 'loaders' | 'requestId'>): Context {
  const requestId = crypto.randomUUID();
  return createContext({ ...parts, requestId, log: parts.log.child({ requestId }) });
}
