import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import express from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config';
import { describeError, type Logger } from '../../common/logger';
import { createRequestContext } from '../../context';
import { SsoRefused, SsoService } from './sso.service';

/** Holds the secret that binds a sign-in under way to the browser that started it. */
const BROWSER_COOKIE = 'cg_sso';

/**
 * GET /auth/sso/start?email=…  sends the browser to its organisation's provider;
 * GET /auth/sso/callback        is where the provider sends it back.
 * Refusals go back to the sign-in page as `?sso_error=<code>`; codes, tokens and the state never
 * reach the log or the page.
 */
export function createSsoRouter(db: DataSource, config: Config, log: Logger, sessionCookie: (token: string, expiresAt: Date) => string): express.Router {
  const router = express.Router();
  const contextFor = (req: express.Request, res: express.Response) =>
    createRequestContext({
      db,
      config,
      log,
      viewer: null,
      http: {
        ip: req.socket.remoteAddress ?? 'unknown',
        setSessionCookie: (token, expiresAt) => res.append('Set-Cookie', sessionCookie(token, expiresAt)),
        clearSessionCookie: () => res.append('Set-Cookie', sessionCookie('', new Date(0))),
        // The device cookie marks a browser that once knew the password; single sign-on proves nothing of that.
        setDeviceCookie: () => undefined,
      },
    });
  const browserCookie = (value: string, expires: Date) =>
    serializeCookie(BROWSER_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/auth/sso', expires });
  const refuse = (res: express.Response, ctx: ReturnType<typeof contextFor>, error: unknown, step: string) => {
    res.setHeader('Cache-Control', 'no-store');
    if (error instanceof SsoRefused) {
      ctx.log.info('single sign-on refused', { step, refusal: error.refusal });
      res.redirect(303, `/sign-in?sso_error=${error.refusal}`);
    } else {
      ctx.log.error('single sign-on failed', { step, ...describeError(error) });
      res.redirect(303, '/sign-in?sso_error=UNREACHABLE');
    }
  };

  router.get('/start', async (req, res) => {
    const ctx = contextFor(req, res);
    try {
      const email = typeof req.query.email === 'string' ? req.query.email : '';
      const { url, browserSecret } = await new SsoService(ctx).start(email);
      res.setHeader('Cache-Control', 'no-store');
      res.append('Set-Cookie', browserCookie(browserSecret, new Date(Date.now() + 10 * 60_000)));
      res.redirect(303, url);
    } catch (error) {
      refuse(res, ctx, error, 'start');
    }
  });

  router.get('/callback', async (req, res) => {
    const ctx = contextFor(req, res);
    const params = Object.fromEntries(Object.entries(req.query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    res.append('Set-Cookie', browserCookie('', new Date(0))); // one use, whatever the outcome
    try {
      const { organisationId } = await new SsoService(ctx).finish(params, parseCookies(req.headers.cookie ?? '')[BROWSER_COOKIE]);
      ctx.log.info('signed in through single sign-on', { organisationId });
      res.setHeader('Cache-Control', 'no-store');
      res.redirect(303, '/');
    } catch (error) {
      refuse(res, ctx, error, 'callback');
    }
  });

  return router;
}
