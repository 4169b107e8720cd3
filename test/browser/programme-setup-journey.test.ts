import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { In } from 'typeorm';
import { MatchingProfileEntity } from '../../server/src/modules/matching/matching.entity';
import { PairEntity, PairStatus } from '../../server/src/modules/pair/pair.entity';
import { MembershipEntity, Role } from '../../server/src/modules/person/membership.entity';
import { PersonEntity } from '../../server/src/modules/person/person.entity';
import { toGlobalId } from '../../server/src/common/relay';
import { Api } from '../helpers/api';
import { launchBrowser, viewports } from '../helpers/browser';
import { cohort, cohortCsv, twoAdjustments } from '../helpers/cohort-csv';
import { factories, PASSWORD } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Issue 13's "done when", as one programme manager's afternoon: a programme from each template,
 * 300 people imported from a CSV, the matching assistant run on the reciprocal programme (in its own
 * words), two pairs adjusted and confirmed, and training recorded: the reciprocal template's rule
 * lets the fully trained pair start and names what the other still has to complete.
 */
const screenshots = path.resolve(__dirname, '../../test-results');
const TOPICS = ['flexible working', 'shortlisting', 'rota patterns', 'promotion panels'];
const PROPOSE = `mutation ($input: ProposeContractInput!) { proposeContract(input: $input) { pair { id } userErrors { code message } } }`;
const AGREE = `mutation ($input: AgreeContractInput!) { agreeContract(input: $input) { pair { id status } userErrors { code message } } }`;
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

const nextYear = (monthDay: string) => `${new Date().getUTCFullYear() + 1}-${monthDay}`;
const TEMPLATES = [
  { option: /Mutual mentoring, 12 months/, name: 'Mutual mentoring pilot', starts: nextYear('03-01'), sides: ['Mentor', 'Mentee'] },
  { option: /Board-led reverse mentoring, 6 months/, name: 'Board reverse mentoring', starts: nextYear('04-01'), sides: ['Board member', 'Reverse mentor'] },
  { option: /Reciprocal mentoring/, name: 'Reciprocal cohort', starts: nextYear('05-01'), sides: ['Senior co-learner', 'Junior co-learner'] },
];

async function recordTraining(page: Page, person: string, module: string) {
  const form = page.getByRole('form', { name: 'Record training' });
  await form.getByLabel('Person').selectOption({ label: person });
  await form.getByLabel('Module').selectOption({ label: module });
  await form.getByRole('button', { name: 'Record completion' }).click();
  await form.getByText(`${person.split(',')[0]} completed “${module.replace(/ \((Both sides|Senior co-learner|Junior co-learner)\)$/, '')}”: recorded.`).waitFor();
}

test('a manager sets up a programme from each template, imports 300 people, matches them, and training decides which pairs start', async () => {
  const make = factories(server.db);
  const organisation = await make.organisation({ name: 'Lakeside Care' });
  const manager = await make.person({ organisation, roles: [Role.PROGRAMME_MANAGER], name: 'Lee Manager' });
  const people = cohort(300, Date.now().toString(36));
  const byName = new Map(people.map((p) => [p.name, p]));

  const page = await (await browser.newContext({ viewport: viewports.laptop, locale: 'en-GB' })).newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Email').fill(manager.person.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.app-header').waitFor();

  // One programme from each template, each in its own words.
  const urls: string[] = [];
  for (const template of TEMPLATES) {
    await page.goto(`${server.url}/programmes`);
    await page.getByRole('radio', { name: template.option }).check();
    const form = page.getByRole('form', { name: /New programme from/ });
    await form.getByText('prefills').waitFor();
    await form.getByLabel('Name').fill(template.name);
    await form.getByLabel('First day').fill(template.starts);
    await form.getByRole('button', { name: 'Create programme' }).click();
    await page.getByRole('heading', { level: 1, name: template.name }).waitFor();
    await page.locator('section', { has: page.getByRole('heading', { name: 'Plan' }) }).getByText(`${template.sides[0]} and ${template.sides[1]}`).waitFor();
    urls.push(page.url());
  }

  // 300 people from the HR export, checked first, then imported.
  await page.goto(`${server.url}/members`);
  await page.getByRole('button', { name: 'Import people from a CSV file' }).click();
  await page.getByLabel('CSV file').setInputFiles({ name: 'lakeside-people.csv', mimeType: 'text/csv', buffer: Buffer.from(cohortCsv(people)) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.getByRole('heading', { name: '300 rows: 300 new, 0 already members' }).waitFor();
  await page.getByRole('button', { name: 'Import 300 people' }).click();
  await page.getByText('Imported 300 people: 300 invited by email, 0 updated.').waitFor();

  // The reciprocal programme (training required before a pair starts): the imported people opt in,
  // as they would after accepting their invitations.
  const reciprocalUrl = urls[2];
  const reciprocalId = decodeURIComponent(new URL(reciprocalUrl).pathname.split('/').pop()!);
  const memberships = await server.db.getRepository(MembershipEntity).find({ where: { organisationId: organisation.id, roles: In([[Role.CO_LEARNER]]) } });
  expect(memberships).toHaveLength(300);
  const reciprocalDbId = Buffer.from(reciprocalId, 'base64').toString().split(':')[1];
  await server.db.getRepository(MatchingProfileEntity).insert(
    memberships.map((m, i) => ({ programmeId: reciprocalDbId, organisationId: organisation.id, personId: m.personId, topics: [TOPICS[i % 4], TOPICS[(i * 3) % 4]], hopes: '' })),
  );

  // The assistant speaks the programme's words for its sides.
  await page.goto(reciprocalUrl);
  await page.getByRole('link', { name: 'Matching assistant' }).click();
  await page.getByRole('heading', { name: 'Matching assistant' }).waitFor();
  await page.getByLabel('Senior co-learners from grade').waitFor();
  await page.getByRole('button', { name: 'Run the assistant' }).click();
  await page.getByRole('button', { name: /^Confirm \d+ pairs…$/ }).waitFor();
  await page.getByRole('columnheader', { name: 'Senior co-learner' }).waitFor();
  await page.getByRole('columnheader', { name: 'Junior co-learner' }).waitFor();
  const couples = await page
    .locator('table tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.firstChild!.textContent!.trim(), tr.querySelector('td')!.firstChild!.textContent!.trim()]));
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
  expect(await page.locator('table tbody .tag', { hasText: 'Fixed' }).count()).toBe(2);
  // Nobody is trained yet: each couple says what it needs before it may start.
  const [adjustedSenior, adjustedJunior] = adjustments[0];
  await page
    .getByRole('row', { name: new RegExp(`^${adjustedSenior} `) })
    .getByText(`Starts once trained: ${adjustedSenior}: Reciprocal mentoring foundations, Senior co-learner: listening and acting; ${adjustedJunior}: Reciprocal mentoring foundations, Junior co-learner: speaking up safely`)
    .waitFor();
  await page.getByRole('button', { name: 'Re-run for the rest' }).click();
  await page.waitForFunction(() => !document.querySelector('button[disabled].button--primary'));
  await page.getByRole('button', { name: /^Confirm \d+ pairs…$/ }).click();
  await page.getByText('This programme starts a pair only when both have completed their training').waitFor();
  await page.getByRole('button', { name: 'Yes, pair them' }).click();
  await page.getByText(/\d+ pairs are matched/).waitFor();
  await page.screenshot({ path: path.join(screenshots, 'setup-journey-matched.png') });

  const pairs = await server.db.getRepository(PairEntity).find({ where: { programmeId: reciprocalDbId }, relations: { senior: true, junior: true } });
  const pairOf = (senior: string, junior: string) => pairs.find((p) => p.senior!.displayName === senior && p.junior!.displayName === junior)!;
  for (const [senior, junior] of adjustments) expect(pairOf(senior, junior)).toBeDefined();

  // Training, recorded by the manager on the programme page: all of it for the first adjusted
  // couple, only the foundations for the second couple's senior. Anyone imported can be chosen.
  const [[firstSenior, firstJunior], [secondSenior, secondJunior]] = adjustments;
  const label = (name: string) => `${name}, Officer, ${byName.get(name)!.division}`;
  await page.goto(reciprocalUrl);
  await page.getByRole('heading', { level: 1, name: 'Reciprocal cohort' }).waitFor();
  await recordTraining(page, label(firstSenior), 'Reciprocal mentoring foundations (Both sides)');
  await recordTraining(page, label(firstSenior), 'Senior co-learner: listening and acting (Senior co-learner)');
  await recordTraining(page, label(firstJunior), 'Reciprocal mentoring foundations (Both sides)');
  await recordTraining(page, label(firstJunior), 'Junior co-learner: speaking up safely (Junior co-learner)');
  await recordTraining(page, label(secondSenior), 'Reciprocal mentoring foundations (Both sides)');

  // Who is missing what, for the pairs the assistant made.
  const progress = page.getByRole('table', { name: 'Training progress' });
  for (const name of [firstSenior, firstJunior]) await progress.getByRole('row', { name: new RegExp(`^${name} `) }).getByText('All done').waitFor();
  await progress.getByRole('row', { name: new RegExp(`^${secondSenior} `) }).getByText('Senior co-learner: listening and acting').waitFor();
  await progress.getByRole('row', { name: new RegExp(`^${secondJunior} `) }).getByText('Reciprocal mentoring foundations, Junior co-learner: speaking up safely').waitFor();
  await page.screenshot({ path: path.join(screenshots, 'setup-journey-training.png'), fullPage: true });

  // The manager starts the programme; each pair agrees its contract. The trained pair starts, the other is told what is missing.
  await page.getByRole('button', { name: 'Start programme' }).click();
  await page.getByRole('button', { name: 'Yes, start it' }).click();
  await page.getByRole('button', { name: 'Start programme' }).waitFor({ state: 'detached' });
  const api = new Api(server.url);
  const person = (name: string) => server.db.getRepository(PersonEntity).findOneByOrFail({ displayName: name });
  const agree = async (senior: string, junior: string) => {
    const pairId = toGlobalId('Pair', pairOf(senior, junior).id);
    const proposed = await api.as(await make.signIn(await person(senior))).mutation(PROPOSE, { pairId, focusTopics: ['Rotas'], cadence: 'MONTHLY', groundRules: 'We listen first.', confidentiality: 'Stays with us.' });
    expect(proposed.userErrors).toEqual([]);
    return api.as(await make.signIn(await person(junior))).mutation(AGREE, { pairId, version: 1 });
  };
  expect(await agree(firstSenior, firstJunior)).toMatchObject({ pair: { status: 'ACTIVE' }, userErrors: [] });
  const refused = await agree(secondSenior, secondJunior);
  expect(refused.userErrors).toMatchObject([{ code: 'TRAINING_INCOMPLETE' }]);
  expect(refused.userErrors[0].message).toContain(`${secondSenior} still has to complete “Senior co-learner: listening and acting”`);
  expect(refused.userErrors[0].message).toContain(`${secondJunior} still has to complete “Reciprocal mentoring foundations”, “Junior co-learner: speaking up safely”`);
  const statuses = await server.db.getRepository(PairEntity).findBy({ id: In([pairOf(firstSenior, firstJunior).id, pairOf(secondSenior, secondJunior).id]) });
  expect(statuses.map((p) => p.status).sort()).toEqual([PairStatus.ACTIVE, PairStatus.PROPOSED]);
}, 240_000);
