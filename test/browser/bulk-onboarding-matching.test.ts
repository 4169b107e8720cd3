import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { In } from 'typeorm';
import { MatchingProfileEntity } from '../../server/src/modules/matching/matching.entity';
import { PairEntity } from '../../server/src/modules/pair/pair.entity';
import { MembershipEntity, Role } from '../../server/src/modules/person/membership.entity';
import { toGlobalId } from '../../server/src/common/relay';
import { accessibilityProblems } from '../helpers/axe';
import { launchBrowser, viewports } from '../helpers/browser';
import { cohort, cohortCsv, twoAdjustments } from '../helpers/cohort-csv';
import { factories, PASSWORD } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Issue 13's "done when": a programme manager imports 300 people from a CSV file, runs the matching
 * assistant, adjusts two proposed pairs and confirms; the pairs are then in the programme.
 */
const screenshots = path.resolve(__dirname, '../../test-results');
const TOPICS = ['flexible working', 'shortlisting', 'rota patterns', 'promotion panels'];
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  fs.mkdirSync(screenshots, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('imports 300 people from a CSV, runs the assistant, adjusts two pairs and confirms', async () => {
  const make = factories(server.db);
  const organisation = await make.organisation({ name: 'Harbour Health' });
  const manager = await make.person({ organisation, roles: [Role.PROGRAMME_MANAGER], name: 'Mina Manager' });
  const programme = await make.programme(organisation, { name: 'Mutual mentoring 2027' });
  const people = cohort(300, Date.now().toString(36));

  const page = await (await browser.newContext({ viewport: viewports.laptop, locale: 'en-GB' })).newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Email').fill(manager.person.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.app-header').waitFor();

  // Import: upload the file, check it, import it.
  await page.goto(`${server.url}/members`);
  await page.getByRole('button', { name: 'Import people from a CSV file' }).click();
  expect(await page.getByRole('link', { name: 'Download the template (CSV)' }).getAttribute('href')).toBe('/templates/member-import.csv');
  await page.getByLabel('CSV file').setInputFiles({ name: 'harbour-people.csv', mimeType: 'text/csv', buffer: Buffer.from(cohortCsv(people)) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.getByRole('heading', { name: '300 rows: 300 new, 0 already members' }).waitFor();
  await page.screenshot({ path: path.join(screenshots, 'import-checked.png') });
  expect(await accessibilityProblems(page)).toEqual([]);
  const importStarted = Date.now();
  await page.getByRole('button', { name: 'Import 300 people' }).click();
  await page.getByText('Imported 300 people: 300 invited by email, 0 updated.').waitFor();
  expect(Date.now() - importStarted).toBeLessThan(10_000);

  // The imported people opt in (they would, after accepting their invitations).
  const memberships = await server.db.getRepository(MembershipEntity).find({ where: { organisationId: organisation.id, roles: In([[Role.CO_LEARNER]]) }, relations: { person: true } });
  expect(memberships).toHaveLength(300);
  await server.db.getRepository(MatchingProfileEntity).insert(
    memberships.map((m, i) => ({
      programmeId: programme.id,
      organisationId: organisation.id,
      personId: m.personId,
      topics: [TOPICS[i % 4], TOPICS[(i * 3) % 4]],
      availability: i % 2 ? ['ONLINE' as never] : ['WEEKDAY_MORNINGS' as never],
      hopes: '',
    })),
  );

  // Run the assistant from the programme page.
  await page.goto(`${server.url}/programmes/${encodeURIComponent(toGlobalId('Programme', programme.id))}`);
  await page.getByRole('link', { name: 'Matching assistant' }).click();
  await page.getByRole('heading', { name: 'Matching assistant' }).waitFor();
  await page.getByRole('button', { name: 'Run the assistant' }).click();
  await page.getByRole('button', { name: /^Confirm \d+ pairs…$/ }).waitFor();
  const rows = page.locator('table tbody tr');
  const couples = await rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.firstChild!.textContent!.trim(), tr.querySelector('td')!.firstChild!.textContent!.trim()]));
  expect(couples.length).toBeGreaterThan(100);

  // Adjust two proposals: give a senior the junior of another proposal, where the rules allow it.
  const adjustments = twoAdjustments(couples as [string, string][], people);
  expect(adjustments).toHaveLength(2);
  for (const [senior, junior] of adjustments) {
    await page.getByRole('button', { name: `Adjust ${senior}'s proposal` }).click();
    const form = page.getByRole('form', { name: `Adjust ${senior}'s proposal` });
    const select = form.getByLabel(`Pair ${senior} with`);
    const value = await select.locator('option', { hasText: `${junior} (` }).getAttribute('value');
    await select.selectOption(value!);
    await form.getByRole('button', { name: 'Fix this couple' }).click();
    await form.waitFor({ state: 'detached' });
  }
  await page.screenshot({ path: path.join(screenshots, 'matching-adjusted.png') });
  expect(await accessibilityProblems(page)).toEqual([]);
  expect(await page.locator('table tbody .tag', { hasText: 'Fixed' }).count()).toBe(2);

  // Re-run for the people the adjustments left without a partner, then confirm.
  await page.getByRole('button', { name: 'Re-run for the rest' }).click();
  await page.getByText(/Not in a proposal|Proposed couples/).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('button[disabled].button--primary'));
  const proposed = Number((await page.getByRole('button', { name: /^Confirm \d+ pairs…$/ }).textContent())!.match(/\d+/)![0]);
  expect(proposed).toBe(couples.length);
  await page.getByRole('button', { name: /^Confirm \d+ pairs…$/ }).click();
  await page.getByRole('button', { name: 'Yes, pair them' }).click();
  await page.getByText(`${proposed} pairs are matched`).waitFor();
  await page.screenshot({ path: path.join(screenshots, 'matching-confirmed.png') });

  const pairs = await server.db.getRepository(PairEntity).find({ where: { programmeId: programme.id }, relations: { senior: true, junior: true } });
  expect(pairs).toHaveLength(proposed);
  const paired = new Set(pairs.map((p) => `${p.senior!.displayName}+${p.junior!.displayName}`));
  for (const [senior, junior] of adjustments) expect(paired.has(`${senior}+${junior}`)).toBe(true);
}, 120_000);

test('a co-learner opts in to matching with a profile, and chooses whether volunteered characteristics are used', async () => {
  const make = factories(server.db);
  const organisation = await make.organisation({ name: 'Harbour Health' });
  const programme = await make.programme(organisation, { name: 'Coach-led cohort 2027' });
  const jo = await make.person({ organisation, roles: [Role.CO_LEARNER], name: 'Jo Learner' });
  const page = await (await browser.newContext({ viewport: viewports.phone, locale: 'en-GB' })).newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Email').fill(jo.person.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.app-header').waitFor();
  await page.goto(`${server.url}/programmes/${encodeURIComponent(toGlobalId('Programme', programme.id))}`);
  const form = page.getByRole('form', { name: 'Matching profile' });
  await form.getByLabel(/Topics you want to explore/).fill('flexible working, shortlisting');
  await form.getByLabel('Online').check();
  await form.getByLabel(/What you hope to learn/).fill('How rotas are decided.');
  await form.getByLabel('Disability').check();
  expect(await accessibilityProblems(page)).toEqual([]);
  await form.getByRole('button', { name: 'Opt in to matching' }).click();
  await page.getByText('Your matching profile is saved.').waitFor();
  await page.getByText('Your grade, division and reporting line; nothing about protected characteristics (what you shared, Disability, is kept but not used)').waitFor();
  const profile = await server.db.getRepository(MatchingProfileEntity).findOneByOrFail({ programmeId: programme.id, personId: jo.person.id });
  expect(profile).toMatchObject({ topics: ['flexible working', 'shortlisting'], availability: ['ONLINE'], volunteeredCharacteristics: ['DISABILITY'], useCharacteristics: false });
  await page.screenshot({ path: path.join(screenshots, 'matching-profile.png'), fullPage: true });
});
