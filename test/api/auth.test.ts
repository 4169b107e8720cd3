import { apiSuite } from '../helpers/suite';
import { Api } from '../helpers/api';
import { PASSWORD } from '../helpers/factories';
import { Role } from '../../server/src/modules/person/membership.entity';
import { LoginAttemptEntity } from '../../server/src/modules/auth/login-attempt.entity';

const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) { token viewer { email roles organisation { name } } userErrors { field message code } }
}`;
const VIEWER = `{ viewer { email isPlatformAdmin person { displayName } roles organisation { name } memberships { roles } } }`;
const LOGOUT = `mutation Logout($input: LogoutInput!) { logout(input: $input) { signedOut userErrors { code } } }`;

const t = apiSuite();

describe('login', () => {
  it('returns a bearer token and an httpOnly session cookie, and the viewer', async () => {
    const org = await t.make.organisation({ name: 'Login Trust' });
    const { person } = await t.make.person({ organisation: org, roles: [Role.CO_LEARNER, Role.OWNER], name: 'Lee Login' });
    const response = await t.api.request(LOGIN, { input: { email: person.email.toUpperCase(), password: PASSWORD } });
    const payload = response.data.login;
    expect(payload.userErrors).toEqual([]);
    expect(payload.viewer).toEqual({ email: person.email, roles: [Role.CO_LEARNER, Role.OWNER], organisation: { name: 'Login Trust' } });
    expect(payload.token).toMatch(/^[\w-]{40,}$/);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cg_session=[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const byToken = await t.api.as(payload.token).ok(VIEWER);
    expect(byToken.viewer.person.displayName).toBe('Lee Login');
    const byCookie = await t.api.request(VIEWER, {}, { cookie: cookie.split(';')[0] });
    expect(byCookie.data.viewer.email).toBe(person.email);
  });

  it('refuses a wrong password and an unknown email with the same coded error', async () => {
    const { person } = await t.make.person();
    for (const input of [
      { email: person.email, password: 'not the password' },
      { email: 'nobody-at-all@test.example', password: PASSWORD },
    ]) {
      const response = await t.api.request(LOGIN, { input });
      expect(response.errors).toBeUndefined();
      expect(response.data.login).toEqual({
        token: null,
        viewer: null,
        userErrors: [{ field: null, code: 'INVALID_CREDENTIALS', message: 'That email and password do not match an account.' }],
      });
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  it('rejects malformed input as a userError on the field, without touching the database', async () => {
    const before = await t.server.db.getRepository(LoginAttemptEntity).count();
    const payload = await t.api.mutation(LOGIN, { email: 'not-an-email', password: 'x' });
    expect(payload.userErrors).toEqual([{ field: ['input', 'email'], code: 'INVALID_INPUT', message: 'Enter a valid email address.' }]);
    expect(await t.server.db.getRepository(LoginAttemptEntity).count()).toBe(before);
  });

  it('rate-limits failed attempts per email, even when the right password follows', async () => {
    const { person } = await t.make.person();
    for (let i = 0; i < 5; i++) {
      const payload = await t.api.mutation(LOGIN, { email: person.email, password: `wrong-${i}` });
      expect(payload.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    }
    const blocked = await t.api.mutation(LOGIN, { email: person.email, password: PASSWORD });
    expect(blocked.token).toBeNull();
    expect(blocked.userErrors[0].code).toBe('TOO_MANY_ATTEMPTS');
  });
});

describe('viewer and logout', () => {
  it('is null when signed out, and protected fields say UNAUTHENTICATED', async () => {
    expect((await t.api.ok(`{ viewer { email } }`)).viewer).toBeNull();
    const response = await t.api.request(`{ organisations { totalCount } }`);
    expect(Api.codes(response)).toEqual(['UNAUTHENTICATED']);
    const bogus = await t.api.as('made-up-token').request(`{ organisations { totalCount } }`);
    expect(Api.codes(bogus)).toEqual(['UNAUTHENTICATED']);
  });

  it('ends the session on the server: the token stops working and the cookie is cleared', async () => {
    const { person } = await t.make.person();
    const { token } = await t.api.mutation(LOGIN, { email: person.email, password: PASSWORD });
    const me = t.api.as(token);
    expect((await me.ok(VIEWER)).viewer.email).toBe(person.email);
    const response = await me.request(LOGOUT, { input: {} });
    expect(response.data.logout).toEqual({ signedOut: true, userErrors: [] });
    expect(response.headers.get('set-cookie')).toMatch(/cg_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await me.ok(VIEWER)).viewer).toBeNull();
  });

  it('can end every session of the person at once', async () => {
    const { person, token: first } = await t.make.person();
    const second = await t.make.signIn(person);
    await t.api.as(first).mutation(LOGOUT, { everywhere: true });
    expect((await t.api.as(second).ok(VIEWER)).viewer).toBeNull();
  });
});

describe('changePassword', () => {
  const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { changed otherSessionsEnded userErrors { field message code } } }`;

  it('needs the current password, then signs out every other session but this one', async () => {
    const member = await t.make.person();
    const elsewhere = await t.make.signIn(member.person);
    const wrong = await t.api.as(member.token).mutation(CHANGE, { currentPassword: 'not my password', newPassword: 'a brand new password' });
    expect(wrong).toEqual({ changed: false, otherSessionsEnded: 0, userErrors: [{ field: ['input', 'currentPassword'], code: 'INVALID_CREDENTIALS', message: 'That is not your current password.' }] });
    const same = await t.api.as(member.token).mutation(CHANGE, { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.userErrors).toMatchObject([{ field: ['input', 'newPassword'], code: 'INVALID_INPUT' }]);
    const short = await t.api.as(member.token).mutation(CHANGE, { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.userErrors).toMatchObject([{ field: ['input', 'newPassword'], code: 'INVALID_INPUT' }]);
    expect((await t.api.as(elsewhere).ok(VIEWER)).viewer).not.toBeNull();

    const changed = await t.api.as(member.token).mutation(CHANGE, { currentPassword: PASSWORD, newPassword: 'a brand new password' });
    expect(changed).toEqual({ changed: true, otherSessionsEnded: 1, userErrors: [] });
    expect((await t.api.as(member.token).ok(VIEWER)).viewer).not.toBeNull();
    expect((await t.api.as(elsewhere).ok(VIEWER)).viewer).toBeNull();
    const login = async (password: string) => (await t.api.mutation(LOGIN, { email: member.person.email, password })).userErrors.map((e: { code: string }) => e.code);
    expect(await login(PASSWORD)).toEqual(['INVALID_CREDENTIALS']);
    expect(await login('a brand new password')).toEqual([]);
  });

  it('counts wrong current passwords against the sign-in limit', async () => {
    const member = await t.make.person();
    try {
      for (let i = 0; i < 5; i++) await t.api.as(member.token).mutation(CHANGE, { currentPassword: `guess ${i}`, newPassword: 'a brand new password' });
      const blocked = await t.api.as(member.token).mutation(CHANGE, { currentPassword: PASSWORD, newPassword: 'a brand new password' });
      expect(blocked).toMatchObject({ changed: false, userErrors: [{ code: 'TOO_MANY_ATTEMPTS' }] });
    } finally {
      await t.server.db.getRepository(LoginAttemptEntity).delete({ email: member.person.email });
    }
  });

  it('is for signed-in people only', async () => {
    const response = await t.api.request(CHANGE, { input: { currentPassword: 'x', newPassword: 'a brand new password' } });
    expect(Api.codes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('recovery codes', () => {
  const CREATE = `mutation ($input: CreateRecoveryCodeInput!) { createRecoveryCode(input: $input) { recoveryCode userErrors { field code } } }`;
  const RECOVER = `mutation ($input: RecoverAccountInput!) { recoverAccount(input: $input) { token viewer { email hasRecoveryCode } userErrors { field code message } } }`;

  it('let a person who forgot their password set a new one, once, signing out every other session', async () => {
    const member = await t.make.person();
    expect((await t.api.as(member.token).ok(`{ viewer { hasRecoveryCode } }`)).viewer.hasRecoveryCode).toBe(false);
    const refused = await t.api.as(member.token).mutation(CREATE, { currentPassword: 'not my password' });
    expect(refused).toEqual({ recoveryCode: null, userErrors: [{ field: ['input', 'currentPassword'], code: 'INVALID_CREDENTIALS' }] });
    const created = await t.api.as(member.token).mutation(CREATE, { currentPassword: PASSWORD });
    expect(created.recoveryCode).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);
    expect((await t.api.as(member.token).ok(`{ viewer { hasRecoveryCode } }`)).viewer.hasRecoveryCode).toBe(true);

    const wrong = await t.api.mutation(RECOVER, { email: member.person.email, recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD', newPassword: 'a fresh long password' });
    expect(wrong).toMatchObject({ token: null, viewer: null, userErrors: [{ code: 'INVALID_CREDENTIALS', field: ['input', 'recoveryCode'] }] });
    const unknown = await t.api.mutation(RECOVER, { email: 'nobody@nowhere.example', recoveryCode: created.recoveryCode, newPassword: 'a fresh long password' });
    expect(unknown.userErrors).toEqual(wrong.userErrors);

    // Typed by hand: lower case, spaces instead of dashes.
    const typed = created.recoveryCode.toLowerCase().replace(/-/g, ' ');
    const recovered = await t.api.mutation(RECOVER, { email: member.person.email.toUpperCase(), recoveryCode: typed, newPassword: 'a fresh long password' });
    expect(recovered).toMatchObject({ viewer: { email: member.person.email, hasRecoveryCode: false }, userErrors: [] });
    expect(typeof recovered.token).toBe('string');
    expect((await t.api.as(member.token).ok(VIEWER)).viewer).toBeNull();
    expect((await t.api.as(recovered.token).ok(VIEWER)).viewer).not.toBeNull();
    expect((await t.api.mutation(LOGIN, { email: member.person.email, password: 'a fresh long password' })).userErrors).toEqual([]);

    const again = await t.api.mutation(RECOVER, { email: member.person.email, recoveryCode: created.recoveryCode, newPassword: 'yet another password' });
    expect(again.userErrors).toMatchObject([{ code: 'INVALID_CREDENTIALS' }]);
    await t.server.db.getRepository(LoginAttemptEntity).delete({ email: member.person.email });
    await t.server.db.getRepository(LoginAttemptEntity).delete({ email: 'nobody@nowhere.example' });
  });

  it('count wrong codes against the sign-in limit', async () => {
    const member = await t.make.person();
    const { recoveryCode } = await t.api.as(member.token).mutation(CREATE, { currentPassword: PASSWORD });
    try {
      for (let i = 0; i < 5; i++) await t.api.mutation(RECOVER, { email: member.person.email, recoveryCode: `WRONG-CODE-${i}AAAA-BBBBB`, newPassword: 'a fresh long password' });
      const blocked = await t.api.mutation(RECOVER, { email: member.person.email, recoveryCode, newPassword: 'a fresh long password' });
      expect(blocked.userErrors).toMatchObject([{ code: 'TOO_MANY_ATTEMPTS' }]);
    } finally {
      await t.server.db.getRepository(LoginAttemptEntity).delete({ email: member.person.email });
    }
  });
});
