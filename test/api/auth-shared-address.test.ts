import { Like } from 'typeorm';
import { apiSuite } from '../helpers/suite';
import { PASSWORD } from '../helpers/factories';
import { LOGIN_LIMITS } from '../../server/src/modules/auth/auth.service';
import { LoginAttemptEntity } from '../../server/src/modules/auth/login-attempt.entity';

/**
 * Issue 9: the sign-in limit blocks guessing, not the people who have the right password. Staff of
 * one NHS trust share one address; a browser that has signed in to an account before carries a
 * device cookie for it, and failures from it count against that browser alone.
 */
const t = apiSuite();

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;
const ATTACKER = '@guessing.example';

async function login(email: string, password: string, device?: string) {
  const response = await t.api.request(LOGIN, { input: { email, password } }, device ? { cookie: `cg_device=${device}` } : {});
  const deviceCookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('cg_device='))
    ?.split(';')[0]
    .slice('cg_device='.length);
  const payload = response.data.login as { token: string | null; userErrors: { code: string }[] };
  return { ...payload, code: payload.userErrors[0]?.code ?? 'OK', deviceCookie };
}

/** Fills the address's budget of failures, as one person guessing at many accounts from it would. */
async function exhaustAddress() {
  const rows = Array.from({ length: LOGIN_LIMITS.perAddress + 1 }, (_, i) => ({ email: `victim${i}${ATTACKER}`, ip: '127.0.0.1', device: null }));
  await t.server.db.getRepository(LoginAttemptEntity).insert(rows);
}

afterEach(async () => {
  await t.server.db.getRepository(LoginAttemptEntity).delete({ email: Like(`%${ATTACKER}`) });
});

describe('sign-in behind a shared address', () => {
  it('lets a person whose browser signed in before in with the right password, while guesses from the address are blocked', async () => {
    const colleague = await t.make.person();
    const { deviceCookie, code } = await login(colleague.person.email, PASSWORD);
    expect(code).toBe('OK');
    expect(deviceCookie).toBeTruthy();

    await exhaustAddress();
    expect((await login(`someone${ATTACKER}`, 'guess')).code).toBe('TOO_MANY_ATTEMPTS'); // the guessing stops
    expect((await login(colleague.person.email, PASSWORD)).code).toBe('TOO_MANY_ATTEMPTS'); // a browser never seen before is held too
    const back = await login(colleague.person.email, PASSWORD, deviceCookie);
    expect(back.code).toBe('OK');
    expect(back.token).toBeTruthy();
    await t.server.db.getRepository(LoginAttemptEntity).delete({ email: colleague.person.email });
  });

  it("does not let a stranger's guesses at one account lock out its owner's own browser", async () => {
    const owner = await t.make.person();
    const { deviceCookie } = await login(owner.person.email, PASSWORD);
    for (let i = 0; i < LOGIN_LIMITS.perEmail; i++) expect((await login(owner.person.email, `guess ${i}`)).code).toBe('INVALID_CREDENTIALS');
    expect((await login(owner.person.email, PASSWORD)).code).toBe('TOO_MANY_ATTEMPTS');
    expect((await login(owner.person.email, PASSWORD, deviceCookie)).code).toBe('OK');
    await t.server.db.getRepository(LoginAttemptEntity).delete({ email: owner.person.email });
  });

  it('holds a trusted browser to its own limit, and trusts a device cookie only for the account it was issued for', async () => {
    const first = await t.make.person();
    const second = await t.make.person();
    const { deviceCookie } = await login(first.person.email, PASSWORD);
    await exhaustAddress();
    expect((await login(second.person.email, PASSWORD, deviceCookie)).code).toBe('TOO_MANY_ATTEMPTS'); // not second's device
    const [id] = deviceCookie!.split('.');
    expect((await login(first.person.email, PASSWORD, `${id}.forged`)).code).toBe('TOO_MANY_ATTEMPTS');

    for (let i = 0; i < LOGIN_LIMITS.perDevice; i++) expect((await login(first.person.email, `typo ${i}`, deviceCookie)).code).toBe('INVALID_CREDENTIALS');
    expect((await login(first.person.email, PASSWORD, deviceCookie)).code).toBe('TOO_MANY_ATTEMPTS');
    await t.server.db.getRepository(LoginAttemptEntity).delete({ email: first.person.email });
  });

  it('answers repeated failures on one account ever more slowly', async () => {
    const { person } = await t.make.person();
    const times: number[] = [];
    for (let i = 0; i < LOGIN_LIMITS.perEmail; i++) {
      const started = Date.now();
      expect((await login(person.email, `guess ${i}`)).code).toBe('INVALID_CREDENTIALS');
      times.push(Date.now() - started);
    }
    expect(times[4] - times[0]).toBeGreaterThanOrEqual(600);
    await t.server.db.getRepository(LoginAttemptEntity).delete({ email: person.email });
  });
});
