import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { toGlobalId } from '../../server/src/common/relay';
import { MailPreferenceEntity } from '../../server/src/modules/mail/mail.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { PersonEntity } from '../../server/src/modules/person/person.entity';
import { Api } from '../helpers/api';
import { launchBrowser, viewports } from '../helpers/browser';
import { factories } from '../helpers/factories';
import { eventually, setAsidePendingMail, startMailingServer, TestSmtp } from '../helpers/mail';
import type { TestServer } from '../helpers/server';

const screenshots = path.resolve(__dirname, '../../test-results');
let smtp: TestSmtp;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await setAsidePendingMail();
  smtp = await new TestSmtp().start();
  server = await startMailingServer(smtp);
  browser = await launchBrowser();
  fs.mkdirSync(screenshots, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.stop();
});

test('a new member opens the invitation from the email alone, signs up, and chooses which emails they get', async () => {
  const make = factories(server.db);
  const organisation = await make.organisation({ name: 'Estuary Health' });
  const manager = await make.person({ organisation, roles: [Role.PROGRAMME_MANAGER], name: 'Mo Manager' });
  const email = `robin.${Date.now()}@test.example`;
  const INVITE = `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { userErrors { code } } }`;
  await new Api(server.url).as(manager.token).mutation(INVITE, { organisationId: toGlobalId('Organisation', organisation.id), email, displayName: 'Robin Reed', roles: ['CO_LEARNER'] });
  const [message] = await eventually('the invitation email', () => smtp.to(email).length && smtp.to(email));

  // The received message, as a mail client shows its HTML part.
  const page = await (await browser.newContext({ viewport: viewports.laptop, locale: 'en-GB' })).newPage();
  page.setDefaultTimeout(10_000);
  await page.setContent(String(message.html));
  await page.screenshot({ path: path.join(screenshots, 'invitation-email.png'), fullPage: true });
  await page.getByRole('link', { name: 'Accept your invitation' }).click();

  await page.getByLabel('Choose a password').waitFor();
  expect(await page.getByText('Estuary Health').first().isVisible()).toBe(true);
  await page.getByLabel('Choose a password').fill('a long and private passphrase');
  await page.getByRole('button', { name: 'Accept and sign in' }).click();
  await page.locator('.app-header').waitFor();
  expect(new URL(page.url()).pathname).toBe('/');

  await page.goto(`${server.url}/account/email`);
  await page.getByRole('heading', { name: 'Email preferences' }).waitFor();
  const comments = page.getByRole('group', { name: 'A comment on something you follow' });
  await comments.getByLabel('In a daily summary').check();
  await page.getByText('Saved: A comment on something you follow – in a daily summary.').waitFor();
  await page.screenshot({ path: path.join(screenshots, 'email-preferences.png'), fullPage: true });
  const robin = await server.db.getRepository(PersonEntity).findOneByOrFail({ email });
  expect(await server.db.getRepository(MailPreferenceEntity).findOneBy({ personId: robin.id, kind: 'COMMENT_ADDED' })).toMatchObject({ delivery: 'DAILY_DIGEST' });
  await page.context().close();
}, 60_000);
