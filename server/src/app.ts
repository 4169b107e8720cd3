import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { complexityLimit, depthLimit, MAX_DEPTH } from './common/limits';
import { describeError, type Logger } from './common/logger';
import { createContext, type Context } from './context';
import { currentStatementCount, withStatementCounter } from './db/sql-counter';
import { authenticate } from './modules/auth/auth.service';
import { createExportsRouter } from './modules/insight/exports.router';
import { createMyDataRouter } from './modules/my-data/my-data.router';
import { createSsoRouter } from './modules/identity/sso.router';
import { createScimRouter } from './modules/scim/scim.router';
import { createSchema } from './schema';

export const SESSION_COOKIE = 'cg_session';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const PASSED_THROUGH = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']);
const RENAMED: Record<string, string> = {
  UNAUTHORIZED: 'FORBIDDEN',
  GRAPHQL_VALIDATION_FAILED: 'BAD_USER_INPUT',
  GRAPHQL_PARSE_FAILED: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
};

function tokenFrom(req: express.Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
}

/** Adds the request's SQL statement count to the response, for tests that guard against N+1. */
const sqlCountPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind === 'single') {
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            sqlStatements: currentStatementCount(),
          };
        }
      },
    };
  },
};

export async function createApp(config: Config, db: DataSource, log: Logger) {
  const schema = await createSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: [depthLimit(MAX_DEPTH)],
    allowBatchedHttpRequests: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      complexityLimit(schema),
      ...(config.exposeSqlCount ? [sqlCountPlugin] : []),
    ],
    // Known codes pass through; anything else is logged with its stack here and masked for the client.
    formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
      const code = String(formatted.extensions?.code ?? '');
      if (PASSED_THROUGH.has(code)) return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions: { code } };
      if (RENAMED[code]) return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions: { code: RENAMED[code] } };
      const original = (error as { originalError?: unknown })?.originalError ?? error;
      log.error('unexpected error', { ...describeError(original), path: formatted.path });
      return { message: 'Something went wrong on our side. It has been logged.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    },
  });
  await apollo.start();

  const cookie = (value: string, expires: Date) =>
    serializeCookie(SESSION_COOKIE, value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      path: '/',
      expires,
    });

  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    // The client is the built bundle alone: no inline or third-party scripts, no framing, no
    // requests anywhere but here. Charts set styles through the DOM, which this allows.
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    (_req, _res, next) => withStatementCounter(next),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = crypto.randomUUID();
        return createContext({
          requestId,
          db,
          config,
          log: log.child({ requestId }),
          viewer: await authenticate(db, tokenFrom(req)),
          http: {
            ip: req.socket.remoteAddress ?? 'unknown',
            setSessionCookie: (token, expiresAt) => res.append('Set-Cookie', cookie(token, expiresAt)),
            clearSessionCookie: () => res.append('Set-Cookie', cookie('', new Date(0))),
          },
        });
      },
    }),
  );

  // Downloads: plain GETs, signed in like /graphql (bearer token or session cookie).
  const viewerOf = (req: express.Request) => authenticate(db, tokenFrom(req));
  app.use('/exports', createMyDataRouter(db, config.notesKey, log, viewerOf));
  app.use('/exports', createExportsRouter(db, log, viewerOf));

  // Single sign-on through the organisation's identity provider, and SCIM provisioning.
  app.use('/auth/sso', createSsoRouter(db, config, log, cookie));
  app.use('/scim/v2', createScimRouter(db, config, log));

  const indexHtml = path.join(config.clientDir, 'index.html');
  app.use(express.static(config.clientDir, { index: false, maxAge: '1h' }));
  app.get('/{*splat}', (_req, res) => {
    if (fs.existsSync(indexHtml)) {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    } else {
      res.status(503).type('text').send('The web client is not built yet: run `npm run build`.');
    }
  });

  const server = http.createServer(app);
  return {
    app,
    server,
    async listen(port: number, host?: string): Promise<number> {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as { port: number }).port;
    },
    async close(): Promise<void> {
      await apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
