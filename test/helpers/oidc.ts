import http from 'node:http';
import type { AddressInfo } from 'node:net';

// oidc-provider 7 (the last CommonJS line; 8+ is ESM-only, which jest on Node 20 cannot load) ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Provider } = require('oidc-provider') as { Provider: new (issuer: string, config: object) => { callback(): http.RequestListener } };

export interface TestAccount {
  email: string;
  email_verified: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People who can sign in, by login name (any password is accepted, as in oidc-provider's own dev login page). */
  accounts: Map<string, TestAccount>;
  /** Seconds an authorization code lives. */
  codeTtl: number;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) in the test process, with its own login page.
 * Two clients are registered, so a test can show that a code issued to one is refused to the other.
 */
export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state: TestProvider = {
    issuer,
    clientId: 'common-ground',
    clientSecret: 'a-client-secret-that-is-long-enough',
    accounts: new Map(),
    codeTtl: 600,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const provider = new Provider(issuer, {
    clients: [
      { client_id: state.clientId, client_secret: state.clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] },
      { client_id: 'another-app', client_secret: 'another-secret-that-is-long-enough', redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['test-cookie-key'] },
    pkce: { methods: ['S256'], required: () => true },
    ttl: { AuthorizationCode: () => state.codeTtl },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: unknown, sub: string) {
      const account = state.accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account }) };
    },
    // Consent is the organisation's business with its own provider: grant the scopes asked for.
    async loadExistingGrant(ctx: any) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified', 'name']);
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());
  return state;
}

/** A cookie jar for one simulated browser (cookies are per host, not per port, as browsers keep them). */
export class Browser {
  private readonly cookies = new Map<string, string>();

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  forget(name: string): void {
    this.cookies.delete(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    this.remember(response);
    return response;
  }

  /**
   * Follows redirects and fills in the provider's login page as `login` until the browser is sent to
   * a URL starting with `stopAt` (not fetched); returns that URL.
   */
  async signInAtProvider(startUrl: string, login: string, stopAt: string): Promise<string> {
    let url = startUrl;
    for (let step = 0; step < 15; step++) {
      if (url.startsWith(stopAt)) return url;
      const response = await this.fetch(url);
      const location = response.headers.get('location');
      if (location) {
        url = new URL(location, url).toString();
        continue;
      }
      const page = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
      if (!action || !prompt) throw new Error(`unexpected page at ${url}: ${response.status} ${page.slice(0, 300)}`);
      const form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt });
      const posted = await this.fetch(new URL(action, url).toString(), { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      url = new URL(posted.headers.get('location') ?? url, url).toString();
    }
    throw new Error('too many steps at the provider');
  }
}
