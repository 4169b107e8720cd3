import { custom, errors, generators, Issuer, type BaseClient, type IdTokenClaims } from 'openid-client';

/**
 * The one place that speaks OpenID Connect to an organisation's provider, through `openid-client`
 * (5.x: the 6.x line and oidc-provider 8+ are ESM-only, which jest on Node 20 cannot load).
 * Discovery is fetched afresh each time: providers rotate keys and the cost is one request.
 */

export interface ProviderConnection {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** Why a provider's discovery document is not usable, in words a programme manager can act on. */
export class DiscoveryProblem extends Error {}

// A provider that does not answer within 5 s is reported as unreachable rather than holding a request.
custom.setHttpOptionsDefaults({ timeout: 5000 });

export async function discover(issuerUrl: string): Promise<Issuer<BaseClient>> {
  let issuer: Issuer<BaseClient>;
  try {
    issuer = await Issuer.discover(issuerUrl);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DiscoveryProblem(`Could not fetch ${issuerUrl.replace(/\/$/, '')}/.well-known/openid-configuration (${reason.slice(0, 160)}).`);
  }
  const metadata = issuer.metadata;
  if (metadata.issuer !== issuerUrl) {
    throw new DiscoveryProblem(`The provider calls itself "${metadata.issuer}", not "${issuerUrl}": use exactly its issuer.`);
  }
  const missing = ['authorization_endpoint', 'token_endpoint', 'jwks_uri'].filter((key) => !metadata[key]);
  if (missing.length) throw new DiscoveryProblem(`The provider's discovery document lacks ${missing.join(', ')}.`);
  const responseTypes = metadata.response_types_supported as string[] | undefined;
  if (responseTypes && !responseTypes.includes('code')) throw new DiscoveryProblem('The provider does not offer the authorization code flow.');
  const pkce = metadata.code_challenge_methods_supported as string[] | undefined;
  if (pkce && !pkce.includes('S256')) throw new DiscoveryProblem('The provider does not support PKCE with S256.');
  return issuer;
}

async function clientFor(connection: ProviderConnection): Promise<BaseClient> {
  const issuer = await discover(connection.issuer);
  return new issuer.Client({
    client_id: connection.clientId,
    client_secret: connection.clientSecret,
    redirect_uris: [connection.redirectUri],
    response_types: ['code'],
  });
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function authorizationRequest(connection: ProviderConnection, loginHint?: string): Promise<AuthorizationRequest> {
  const client = await clientFor(connection);
  const state = generators.state();
  const nonce = generators.nonce();
  const codeVerifier = generators.codeVerifier();
  const url = client.authorizationUrl({
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: generators.codeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...(loginHint ? { login_hint: loginHint } : {}),
  });
  return { url, state, nonce, codeVerifier };
}

/** Why the provider's answer was refused; never carries the code, tokens or nonce. */
export enum CallbackFailure {
  /** The provider answered with an error, or refused to exchange the code (expired, used, another client's). */
  PROVIDER_REFUSED = 'PROVIDER_REFUSED',
  /** The ID token failed a check: issuer, audience, nonce, signature or expiry. */
  TOKEN_INVALID = 'TOKEN_INVALID',
  UNREACHABLE = 'UNREACHABLE',
}

export class CallbackError extends Error {
  constructor(readonly failure: CallbackFailure) {
    super(failure);
  }
}

/** Exchanges the code (with the PKCE verifier) and checks the ID token's issuer, audience, nonce, signature and expiry. */
export async function completeAuthorization(
  connection: ProviderConnection,
  params: Record<string, string>,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<IdTokenClaims> {
  let client: BaseClient;
  try {
    client = await clientFor(connection);
  } catch {
    throw new CallbackError(CallbackFailure.UNREACHABLE);
  }
  try {
    const tokens = await client.callback(connection.redirectUri, params, {
      state: expected.state,
      nonce: expected.nonce,
      code_verifier: expected.codeVerifier,
      response_type: 'code',
    });
    const claims = tokens.claims();
    if (claims.email !== undefined || !tokens.access_token) return claims;
    // Some providers put the email only in userinfo; openid-client checks its subject is the ID token's.
    const userinfo = await client.userinfo(tokens);
    return { ...claims, email: userinfo.email, email_verified: userinfo.email_verified, name: claims.name ?? userinfo.name };
  } catch (error) {
    if (error instanceof errors.OPError) throw new CallbackError(CallbackFailure.PROVIDER_REFUSED);
    if (error instanceof errors.RPError) throw new CallbackError(CallbackFailure.TOKEN_INVALID);
    throw new CallbackError(CallbackFailure.UNREACHABLE);
  }
}
