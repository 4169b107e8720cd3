import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { complexityLimit, depthLimit, MAX_DEPTH } from './common/limits';
import { drainableServer } from './common/http-drain';
import { serveHandedConnections } from './cluster';
import { describeError, type Logger } from './common/logger';
import { createExpressServer } from './common/express-server';
import { compiledExecution } from './common/compiled-execution';
import { jsonErrorHandler, jsonNotFound, refusalStatus, schemaPrivacy } from './common/request-guards';
import { createContext, type Context } from './context';
import { currentStatementCount, withStatementCounter } from './db/sql-counter';
import { authenticate } from './modules/auth/auth.service';
import { DEVICE_COOKIE } from './modules/auth/device-trust';
import { createExportsRouter } from './modules/insight/exports.router';
import { createJobRunner } from './modules/jobs/jobs.runner';
import { createUnsubscribeRouter } from './modules/mail/unsubscribe.router';
import { createMyDataRouter } from './modules/my-data/my-data.router';
import { createCalendarRouter } from './modules/scheduling/calendar.router';
import { findCalendarEvent } from './modules/scheduling/calendar.events';
import { createSsoRouter } from './modules/identity/sso.router';
import { createScimRouter } from './modules/scim/scim.router';
import { createImportTemplateRouter } from './modules/member-import/member-import.router';
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

/** How long requests in flight may take to finish once the server is asked to stop. */
export const DRAIN_GRACE_MS = 7_000;

export async function createApp(config: Config, db: DataSource, log: Logger) {
  const schema = await createSchema();
  const app = express();
  const server = createExpressServer(app);
  const drain = drainableServer(server);
  const apollo = new ApolloServer<Context>({
    // Queries asked more than once run compiled (common/compiled-execution.ts); Apollo's checks all stay.
    gateway: compiledExecution(schema, config.compileQueriesAfter),
    validationRules: [depthLimit(MAX_DEPTH)],
    allowBatchedHttpRequests: false,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    // main.ts owns the signals and stops everything in order (common/shutdown.ts).
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Installed implicitly otherwise, it wraps every field resolver in a timing wrapper; we set no cache hints.
      ApolloServerPluginCacheControlDisabled(),
      schemaPrivacy(config.production),
      refusalStatus,
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
    (req: express.Request, _res: express.Response, next: express.NextFunction) => {
      // Not JSON (another content type, or a GET): Apollo answers a coded 400 for an empty body,
      // where without one its Express integration answers 500.
      req.body ??= {};
      next();
    },
    // Counting statements costs an AsyncLocalStorage context per request: only when tests ask for it.
    ...(config.exposeSqlCount ? [(_req: express.Request, _res: express.Response, next: express.NextFunction) => withStatementCounter(next)] : []),
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
            deviceToken: parseCookies(req.headers.cookie ?? '')[DEVICE_COOKIE],
            setSessionCookie: (token, expiresAt) => res.append('Set-Cookie', cookie(token, expiresAt)),
            setDeviceCookie: (token, expiresAt) =>
              res.append(
                'Set-Cookie',
                serializeCookie(DEVICE_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: config.secureCookies, path: '/graphql', expires: expiresAt }),
              ),
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
  app.use('/calendar', createCalendarRouter(db, config, log, viewerOf, findCalendarEvent));
  app.use('/mail', createUnsubscribeRouter(db, config.notesKey!, log));

  // Single sign-on through the organisation's identity provider, and SCIM provisioning.
  app.use('/auth/sso', createSsoRouter(db, config, log, cookie));
  app.use('/scim/v2', createScimRouter(db, config, log));
  app.use('/templates', createImportTemplateRouter());

  const indexHtml = path.join(config.clientDir, 'index.html');
  // The client's assets go out compressed (a first visit is about a third of its size); the API's
  // responses do not, since they are small and compressing them costs CPU on every request.
  app.use(compression());
  app.use(express.static(config.clientDir, { index: false, maxAge: '1h' }));
  app.get('/{*splat}', (_req, res) => {
    if (fs.existsSync(indexHtml)) {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    } else {
      res.status(503).type('text').send('The web client is not built yet: run `npm run build`.');
    }
  });

  app.use(jsonNotFound);
  app.use(jsonErrorHandler(log));

  // Background and scheduled jobs (mail, reminders, digests) run in every server process.
  const jobs = config.runJobs ? createJobRunner(config, db, log) : null;
  return {
    app,
    server,
    jobs,
    async listen(port: number, host?: string): Promise<number> {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      await jobs?.start();
      return (server.address() as { port: number }).port;
    },
    /** In a server process of several: serves the connections the primary hands over (cluster.ts). */
    async serveHandedConnections(): Promise<void> {
      serveHandedConnections(server);
      await jobs?.start();
    },
    /**
     * Stops accepting, lets requests in flight finish (keep-alive connections included), then
     * stops Apollo; throws if connections had to be cut after the grace period.
     */
    async close(): Promise<void> {
      const clean = await drain.drain(DRAIN_GRACE_MS);
      await jobs?.stop();
      await apollo.stop();
      if (!clean) throw new Error(`requests were still running after ${DRAIN_GRACE_MS} ms and were cut off`);
    },
  };
}
