import crypto from 'node:crypto';
import { IdentityProviderEntity, SsoAttemptEntity } from '../../server/src/modules/identity/identity-provider.entity';
import { InvitationEntity } from '../../server/src/modules/invitation/invitation.entity';
import { MembershipAuditEntity } from '../../server/src/modules/membership-audit/membership-audit.entity';
import { MembershipEntity, Role } from '../../server/src/modules/person/membership.entity';
import { PersonEntity, personWithSecrets } from '../../server/src/modules/person/person.entity';
import { gid, PASSWORD } from '../helpers/factories';
import { Browser, startTestProvider, type TestProvider } from '../helpers/oidc';
import { apiSuite } from '../helpers/suite';

// Everything the server logs in this suite is kept (not printed), to check no secret reaches it.
const previousLevel = process.env.LOG_LEVEL;
process.env.LOG_LEVEL = 'debug';
const logged: string[] = [];
const secrets = new Set<string>();
const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
const keep = (chunk: unknown) => {
  const text = String(chunk);
  if (text.startsWith('{"time"')) {
    logged.push(text);
    return true;
  }
  return false;
};
process.stdout.write = ((chunk: unknown, ...rest: never[]) => keep(chunk) || writes.out(chunk as string, ...rest)) as typeof process.stdout.write;
process.stderr.write = ((chunk: unknown, ...rest: never[]) => keep(chunk) || writes.err(chunk as string, ...rest)) as typeof process.stderr.write;
afterAll(() => {
  process.stdout.write = writes.out;
  process.stderr.write = writes.err;
  process.env.LOG_LEVEL = previousLevel;
});

const t = apiSuite();
let idp: TestProvider;

beforeAll(async () => {
  idp = await startTestProvider(`${t.server.url}/auth/sso/callback`);
});
afterAll(() => idp.close());

const CONFIGURE = `mutation ($input: ConfigureIdentityProviderInput!) { configureIdentityProvider(input: $input) {
  identityProvider { status emailDomains redirectUri clientId } userErrors { code message field } } }`;
const TEST = `mutation ($input: TestIdentityProviderInput!) { testIdentityProvider(input: $input) { identityProvider { status } userErrors { code message } } }`;
const USE = `mutation ($input: SetSingleSignOnUseInput!) { setSingleSignOnUse(input: $input) { identityProvider { status requireSingleSignOn } userErrors { code message } } }`;
const VIEWER = `{ viewer { email organisation { name } roles } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code message } } }`;

const unique = () => crypto.randomBytes(4).toString('hex');

/** An organisation with a programme manager and a tested, turned-on provider covering a fresh domain. */
async function organisationWithSso(options: { join?: Role[]; require?: boolean } = {}) {
  const organisation = await t.make.organisation();
  const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
  const domain = `org-${unique()}.example`;
  const api = t.api.as(manager.token);
  const organisationId = gid('Organisation', organisation.id);
  const configured = await api.mutation(CONFIGURE, {
    organisationId,
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    emailDomains: [domain],
    newPeople: options.join ? 'JOIN_ON_FIRST_SIGN_IN' : 'INVITED_ONLY',
    joinRoles: options.join ?? [],
  });
  expect(configured.userErrors).toEqual([]);
  expect(configured.identityProvider.status).toBe('UNTESTED');
  expect((await api.mutation(TEST, { organisationId })).identityProvider.status).toBe('TESTED');
  const used = await api.mutation(USE, { organisationId, enabled: true, requireSingleSignOn: options.require ?? false });
  expect(used.userErrors).toEqual([]);
  return { organisation, organisationId, manager, api, domain };
}

/** A person at the provider; returns their login name. */
function account(email: string, verified = true, name = 'Ada Provider'): string {
  const login = `user-${unique()}`;
  idp.accounts.set(login, { email, email_verified: verified, name });
  return login;
}

/** Starts at our sign-in, signs in at the provider, and stops before our callback; returns the browser and the callback URL. */
async function toCallback(email: string, login: string) {
  const browser = new Browser();
  const callback = await browser.signInAtProvider(`${t.server.url}/auth/sso/start?email=${encodeURIComponent(email)}`, login, `${t.server.url}/auth/sso/callback`);
  return { browser, callback };
}

async function finish(browser: Browser, callback: string) {
  for (const name of ['code', 'state']) secrets.add(new URL(callback).searchParams.get(name) ?? '');
  secrets.add(browser.cookie('cg_sso') ?? '');
  const response = await browser.fetch(callback);
  secrets.add(browser.cookie('cg_session') ?? '');
  return { status: response.status, location: response.headers.get('location') ?? '', session: browser.cookie('cg_session') };
}

async function signIn(email: string, login = account(email)) {
  const { browser, callback } = await toCallback(email, login);
  return { browser, ...(await finish(browser, callback)) };
}

const people = () => t.server.db.getRepository(PersonEntity).count();

describe('single sign-on through the organisation\'s OpenID provider', () => {
  it('sends a covered domain to the provider from the sign-in page, and others to the password form', async () => {
    const { domain, organisation } = await organisationWithSso();
    const sso = await t.api.ok(`query ($e: String!) { signInMethod(email: $e) { singleSignOn organisationName startUrl } }`, { e: `x@${domain}` });
    expect(sso.signInMethod).toEqual({ singleSignOn: true, organisationName: organisation.name, startUrl: `/auth/sso/start?email=x%40${domain}` });
    const other = await t.api.ok(`query ($e: String!) { signInMethod(email: $e) { singleSignOn startUrl } }`, { e: 'x@elsewhere.example' });
    expect(other.signInMethod).toEqual({ singleSignOn: false, startUrl: null });
  });

  it('lets a new person join on first sign-in with the join roles; the session then works and signs out like a password one', async () => {
    const { domain, organisation } = await organisationWithSso({ join: [Role.CO_LEARNER, Role.COMMUNITY_MEMBER] });
    const email = `new.${unique()}@${domain}`;
    const { location, session, browser } = await signIn(email);
    expect(location).toBe('/');
    expect(session).toBeTruthy();
    const me = await t.api.as(session).ok(VIEWER);
    expect(me.viewer).toEqual({ email, organisation: { name: organisation.name }, roles: ['CO_LEARNER', 'COMMUNITY_MEMBER'] });
    const person = (await personWithSecrets(t.server.db, { email }))!;
    expect(person).toMatchObject({ displayName: 'Ada Provider', passwordHash: null });
    const audit = await t.server.db.getRepository(MembershipAuditEntity).findBy({ organisationId: organisation.id, subjectEmail: email });
    expect(audit).toEqual([expect.objectContaining({ kind: 'JOINED', via: 'SINGLE_SIGN_ON', actorId: person.id })]);

    // The cookie alone (as a browser holds it) is the session, and sign-out ends it on the server.
    const cookieApi = { cookie: `cg_session=${browser.cookie('cg_session')}` };
    const out = await t.api.request(`mutation { logout(input: {}) { signedOut } }`, undefined, cookieApi);
    expect(out.data.logout.signedOut).toBe(true);
    expect((await t.api.as(session).ok(VIEWER)).viewer).toBeNull();
  });

  it('links a first sign-in to an invited person by verified email, with the invitation\'s roles', async () => {
    const { domain, organisation, api, organisationId } = await organisationWithSso();
    const email = `invited.${unique()}@${domain}`;
    await api.mutation(`mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { userErrors { code } } }`, {
      organisationId, email, displayName: 'Ina Invited', roles: ['OWNER'], jobTitle: 'Chief Nurse',
    });
    const { session } = await signIn(email);
    expect((await t.api.as(session).ok(VIEWER)).viewer).toEqual({ email, organisation: { name: organisation.name }, roles: ['OWNER'] });
    const invitation = await t.server.db.getRepository(InvitationEntity).findOneByOrFail({ email });
    expect(invitation.acceptedAt).not.toBeNull();
    // A second sign-in signs the member in as before.
    const again = await signIn(email);
    expect(again.location).toBe('/');
  });

  it('refuses someone neither invited nor allowed to join, and creates nothing', async () => {
    const { domain } = await organisationWithSso();
    const before = await people();
    const { location, session } = await signIn(`stranger.${unique()}@${domain}`);
    expect(location).toBe('/sign-in?sso_error=NOT_INVITED');
    expect(session).toBeUndefined();
    expect(await people()).toBe(before);
  });

  it('links nobody by an email the provider has not verified', async () => {
    const { domain, api, organisationId } = await organisationWithSso({ join: [Role.CO_LEARNER] });
    const email = `unverified.${unique()}@${domain}`;
    await api.mutation(`mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { userErrors { code } } }`, { organisationId, email, displayName: 'Uma', roles: ['OWNER'] });
    const before = await people();
    const { location, session } = await signIn(email, account(email, false));
    expect(location).toBe('/sign-in?sso_error=EMAIL_UNVERIFIED');
    expect(session).toBeUndefined();
    expect(await people()).toBe(before);
    expect((await t.server.db.getRepository(InvitationEntity).findOneByOrFail({ email })).acceptedAt).toBeNull();
  });

  it('never signs a member of another organisation (or a platform admin) in through this one\'s provider', async () => {
    const { domain } = await organisationWithSso({ join: [Role.CO_LEARNER] });
    const elsewhere = await t.make.organisation();
    const email = `dual.${unique()}@${domain}`;
    const other = await t.make.person({ organisation: elsewhere });
    await t.server.db.getRepository(PersonEntity).update(other.person.id, { email });
    expect((await signIn(email)).location).toBe('/sign-in?sso_error=WRONG_ORGANISATION');
    expect(await t.server.db.getRepository(MembershipEntity).countBy({ personId: other.person.id })).toBe(1);

    const admin = await t.make.admin();
    const adminEmail = `admin.${unique()}@${domain}`;
    await t.server.db.getRepository(PersonEntity).update(admin.person.id, { email: adminEmail });
    expect((await signIn(adminEmail)).location).toBe('/sign-in?sso_error=WRONG_ORGANISATION');
  });

  it('refuses a tampered state, a callback in another browser, and a replayed callback', async () => {
    const { domain } = await organisationWithSso({ join: [Role.CO_LEARNER] });
    const before = await people();
    const email = `state.${unique()}@${domain}`;
    const login = account(email);

    const first = await toCallback(email, login);
    const tampered = new URL(first.callback);
    tampered.searchParams.set('state', 'not-the-state');
    expect((await finish(first.browser, tampered.toString())).location).toBe('/sign-in?sso_error=BAD_STATE');

    const second = await toCallback(email, login);
    second.browser.forget('cg_sso'); // as if an attacker sent someone else their callback link
    expect((await finish(second.browser, second.callback)).location).toBe('/sign-in?sso_error=BAD_STATE');
    expect(await people()).toBe(before);

    const third = await toCallback(email, login);
    const sso = third.browser.cookie('cg_sso')!;
    expect((await finish(third.browser, third.callback)).location).toBe('/');
    third.browser.setCookie('cg_sso', sso);
    expect((await finish(third.browser, third.callback)).location).toBe('/sign-in?sso_error=BAD_STATE');
  });

  it('refuses an ID token whose nonce does not match, a code used twice, an expired code and an expired sign-in', async () => {
    const { domain } = await organisationWithSso({ join: [Role.CO_LEARNER] });
    const before = await people();
    const email = `nonce.${unique()}@${domain}`;
    const login = account(email);
    const attempts = t.server.db.getRepository(SsoAttemptEntity);
    const stateOf = (url: string) => crypto.createHash('sha256').update(new URL(url).searchParams.get('state')!).digest('hex');

    const nonce = await toCallback(email, login);
    await attempts.update({ stateHash: stateOf(nonce.callback) }, { nonce: 'another-nonce' });
    expect((await finish(nonce.browser, nonce.callback)).location).toBe('/sign-in?sso_error=TOKEN_INVALID');

    // The same code again (our record of the attempt put back as unused): the provider refuses it.
    const nonceCookie = nonce.browser.cookie('cg_sso');
    const good = await toCallback(email, login);
    const goodCookie = good.browser.cookie('cg_sso')!;
    expect((await finish(good.browser, good.callback)).location).toBe('/');
    await attempts.update({ stateHash: stateOf(good.callback) }, { usedAt: null });
    good.browser.setCookie('cg_sso', goodCookie);
    expect(nonceCookie).toBeUndefined();
    expect((await finish(good.browser, good.callback)).location).toBe('/sign-in?sso_error=PROVIDER_REFUSED');

    idp.codeTtl = 1;
    try {
      const slow = await toCallback(email, login);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect((await finish(slow.browser, slow.callback)).location).toBe('/sign-in?sso_error=PROVIDER_REFUSED');
    } finally {
      idp.codeTtl = 600;
    }

    const late = await toCallback(email, login);
    await attempts.update({ stateHash: stateOf(late.callback) }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await finish(late.browser, late.callback)).location).toBe('/sign-in?sso_error=EXPIRED');
    expect(await people()).toBe(before + 1); // only the one good sign-in joined
  });

  it('refuses a code redeemed for another client (audience) and an issuer that does not match its discovery document', async () => {
    const { domain, organisation, api, organisationId } = await organisationWithSso({ join: [Role.CO_LEARNER] });
    const before = await people();
    const email = `aud.${unique()}@${domain}`;
    const pending = await toCallback(email, account(email));
    await t.server.db.getRepository(IdentityProviderEntity).update({ organisationId: organisation.id }, { clientId: 'another-app' });
    expect((await finish(pending.browser, pending.callback)).location).toMatch(/sso_error=(PROVIDER_REFUSED|TOKEN_INVALID)/);
    expect(await people()).toBe(before);

    const wrongIssuer = idp.issuer.replace('127.0.0.1', 'localhost');
    await api.mutation(CONFIGURE, { organisationId, issuer: wrongIssuer, clientId: idp.clientId, emailDomains: [domain], newPeople: 'INVITED_ONLY', joinRoles: [] });
    const tested = await api.mutation(TEST, { organisationId });
    expect(tested.userErrors).toEqual([expect.objectContaining({ code: 'CONNECTION_FAILED', message: expect.stringContaining(`calls itself "${idp.issuer}"`) })]);
    const used = await api.mutation(USE, { organisationId, enabled: true });
    expect(used.userErrors[0].code).toBe('INVALID_TRANSITION');
    expect((await t.api.ok(`query ($e: String!) { signInMethod(email: $e) { singleSignOn } }`, { e: email })).signInMethod.singleSignOn).toBe(false);
  });

  it('refuses password sign-in to members when single sign-on is required; platform admins keep theirs', async () => {
    const { organisation, domain } = await organisationWithSso({ require: true });
    const member = await t.make.person({ organisation });
    const refused = await t.api.mutation(LOGIN, { email: member.person.email, password: PASSWORD });
    expect(refused).toEqual({ token: null, userErrors: [expect.objectContaining({ code: 'SINGLE_SIGN_ON_REQUIRED' })] });
    const admin = await t.make.admin();
    expect((await t.api.mutation(LOGIN, { email: admin.person.email, password: PASSWORD })).token).toBeTruthy();
    expect(domain).toBeTruthy();
  });

  it('lets only the organisation\'s programme managers and platform admins see or set its provider; never returns the secret', async () => {
    const { organisation, organisationId, domain } = await organisationWithSso();
    const member = await t.make.person({ organisation, roles: [Role.CO_LEARNER, Role.OWNER] });
    const otherManager = await t.make.person({ roles: [Role.PROGRAMME_MANAGER] });
    const read = `query ($id: ID!) { node(id: $id) { ... on Organisation { identityProvider { clientId emailDomains } } } }`;
    expect((await t.api.as(member.token).ok(read, { id: organisationId })).node.identityProvider).toBeNull();
    const otherRead = await t.api.as(otherManager.token).request(read, { id: organisationId });
    expect(otherRead.data.node).toBeNull();
    const admin = await t.make.admin();
    expect((await t.api.as(admin.token).ok(read, { id: organisationId })).node.identityProvider).toEqual({ clientId: idp.clientId, emailDomains: [domain] });
    const attempt = await t.api.as(otherManager.token).request(CONFIGURE, {
      input: { organisationId, issuer: idp.issuer, clientId: 'x', clientSecret: 'y', emailDomains: ['evil.example'], newPeople: 'INVITED_ONLY', joinRoles: [] },
    });
    expect(attempt.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const everything = JSON.stringify(await t.api.as(admin.token).request(`query ($id: ID!) { node(id: $id) { ... on Organisation { identityProvider { id issuer clientId emailDomains newPeople joinRoles status requireSingleSignOn testedAt redirectUri } } } }`, { id: organisationId }));
    expect(everything).not.toContain(idp.clientSecret);
    const stored = await t.server.db.getRepository(IdentityProviderEntity).findOneByOrFail({ organisationId: organisation.id });
    expect(stored.clientSecretEncrypted).not.toContain(idp.clientSecret);
  });

  it('gives a domain to one organisation only', async () => {
    const { domain } = await organisationWithSso();
    const organisation = await t.make.organisation();
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const taken = await t.api.as(manager.token).mutation(CONFIGURE, {
      organisationId: gid('Organisation', organisation.id), issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, emailDomains: [domain], newPeople: 'INVITED_ONLY', joinRoles: [],
    });
    expect(taken.userErrors).toEqual([expect.objectContaining({ code: 'DOMAIN_TAKEN' })]);
    const bad = await t.api.as(manager.token).mutation(CONFIGURE, {
      organisationId: gid('Organisation', organisation.id), issuer: 'ftp://nope', clientId: 'x', clientSecret: 'y', emailDomains: ['ok.example'], newPeople: 'INVITED_ONLY', joinRoles: [],
    });
    expect(bad.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'issuer'] })]);
  });

  it('never writes a client secret, code, state, browser binding, session or SCIM token to the log', async () => {
    const { api, organisationId } = await organisationWithSso();
    const token = (await api.mutation(`mutation ($input: ScimTokenInput!) { createScimToken(input: $input) { token } }`, { organisationId })).token;
    await fetch(`${t.server.url}/scim/v2/Users`, { headers: { authorization: `Bearer ${token}` } });
    await fetch(`${t.server.url}/scim/v2/Users`, { headers: { authorization: 'Bearer scim_a-wrong-guess' } });
    secrets.add(token);
    secrets.add('scim_a-wrong-guess');
    secrets.add(idp.clientSecret);
    secrets.delete('');
    expect(logged.some((line) => line.includes('signed in through single sign-on'))).toBe(true);
    expect(logged.some((line) => line.includes('single sign-on refused'))).toBe(true);
    expect(secrets.size).toBeGreaterThan(20);
    const leaked = [...secrets].filter((secret) => logged.some((line) => line.includes(secret)));
    expect(leaked).toEqual([]);
  });
});
