import crypto from 'node:crypto';
import { MembershipEntity } from '../../server/src/modules/person/membership.entity';
import { PersonEntity } from '../../server/src/modules/person/person.entity';
import { demoBrowserSuite, viewports } from '../helpers/browser';
import { startTestProvider, type TestProvider } from '../helpers/oidc';

const suite = demoBrowserSuite();
const { newPage, shot } = suite;
let idp: TestProvider;

beforeAll(async () => {
  idp = await startTestProvider(`${suite.server.url}/auth/sso/callback`);
});
afterAll(() => idp?.close());

test("a programme manager connects the organisation's provider; a new person signs in through it and lands in the organisation with the join roles", async () => {
  const domain = `sso-${crypto.randomBytes(3).toString('hex')}.example`;

  // The manager sets it up from the Members page: save, test the connection, turn it on.
  const manager = await suite.signedIn('pat.manager@northshore.example', viewports.laptop, '/members');
  await manager.getByRole('link', { name: /Sign-in settings/ }).click();
  await manager.getByRole('heading', { name: 'Single sign-on (OpenID Connect)' }).waitFor();
  await manager.getByLabel('Issuer URL').fill(idp.issuer);
  await manager.getByLabel('Client ID').fill(idp.clientId);
  await manager.getByLabel('Client secret').fill(idp.clientSecret);
  await manager.getByLabel('Email domains').fill(domain);
  await manager.getByLabel('Anyone the provider signs in').check();
  await manager.getByRole('group', { name: 'Roles for people who join' }).getByLabel('Co-learner').check();
  await manager.getByRole('button', { name: 'Save' }).click();
  await manager.getByText('Saved. Test the connection before turning it on.').waitFor();
  await manager.getByRole('button', { name: 'Test the connection' }).click();
  await manager.getByText('The provider answered as it should.').waitFor();
  await manager.getByRole('button', { name: 'Turn single sign-on on' }).click();
  await manager.getByText('Single sign-on is on.').waitFor();
  await manager.getByText('Turned on.').waitFor();
  await shot(manager, 'sign-in-settings-laptop');
  await manager.context().close();

  // A new person: email first, sent to the provider's own login page, and back signed in.
  const email = `nadia.new@${domain}`;
  idp.accounts.set('nadia', { email, email_verified: true, name: 'Nadia New' });
  const page = await newPage(viewports.laptop);
  await page.goto(`${suite.server.url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByText('Northshore Health NHS Trust signs you in with your work account.').waitFor();
  expect(await page.getByLabel('Password').count()).toBe(0);
  await shot(page, 'sign-in-sso-laptop');
  await page.getByRole('button', { name: 'Continue with single sign-on' }).click();
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.locator('input[name="login"]').fill('nadia');
  await page.locator('input[name="password"]').fill('anything at all');
  await page.locator('button[type="submit"]').click();

  await page.waitForURL((url) => url.origin === suite.server.url && url.pathname === '/');
  const header = page.getByRole('banner');
  await header.getByText('Nadia New').waitFor();
  await header.getByText('Northshore Health NHS Trust').waitFor();
  await header.getByRole('list', { name: 'Your roles' }).getByText('Co-learner', { exact: true }).waitFor();
  await shot(page, 'signed-in-through-sso-laptop');
  const person = await suite.server.db.getRepository(PersonEntity).findOneByOrFail({ email });
  expect(await suite.server.db.getRepository(MembershipEntity).findBy({ personId: person.id })).toEqual([expect.objectContaining({ roles: ['CO_LEARNER'] })]);

  // Signing out works as after a password sign-in.
  await header.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.goto(`${suite.server.url}/members`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.context().close();
}, 120_000);

test('a refused single sign-on comes back to the sign-in page with a clear message', async () => {
  const page = await newPage(viewports.phone);
  await page.goto(`${suite.server.url}/auth/sso/callback?code=stolen&state=forged`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  expect(await page.getByRole('alert').textContent()).toContain('was not started in this browser');
  await shot(page, 'sign-in-sso-refused-phone');
  await page.context().close();
});
