import type { Page } from 'playwright-core';
import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { PairStatus } from '../../server/src/modules/pair/pair.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { ProgrammeStatus } from '../../server/src/modules/programme/programme.entity';
import { Api } from '../helpers/api';
import { demoBrowserSuite, viewports } from '../helpers/browser';
import { factories, gid, PASSWORD, type TestPerson } from '../helpers/factories';

/**
 * Issue 8, sections 5 and 6, in the browser: a partner agrees to be named from "Needs your
 * attention", the header count follows an action at once, a change sent back says so with the
 * owner's reason, measure values are read as people write them, and a programme is edited and
 * started with a confirmation. Each test builds its own organisation, leaving the demo alone.
 */

const suite = demoBrowserSuite();
// Each test signs in one or two people on a machine shared with other work.
jest.setTimeout(90_000);
const { shot } = suite;
const main = (page: Page) => page.getByRole('main');
const make = () => factories(suite.server.db);
const api = () => new Api(`${suite.server.url}/graphql`);

async function signIn(person: TestPerson, start = '/'): Promise<Page> {
  const page = await suite.newPage(viewports.laptop);
  await page.goto(`${suite.server.url}${start}`);
  await page.getByLabel('Email').fill(person.person.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.locator('.app-header').waitFor();
  return page;
}

/** What a person reads on the page must not carry enum names such as IN_PROGRESS or BARRIER_RAISED. */
async function expectNoRawCodes(page: Page) {
  const text = await main(page).innerText();
  expect(text.match(/\b[A-Z]{2,}(?:_[A-Z]+)+\b/g) ?? []).toEqual([]);
}

async function pairWithNames() {
  const f = make();
  const organisation = await f.organisation();
  const { pair, senior, junior, id } = await f.pair(organisation);
  return { f, organisation, pair, senior, junior, id };
}

test('the partner is asked from "Needs your attention", agrees to be named, and the header count follows at once', async () => {
  const s = await pairWithNames();
  const raised = await api()
    .as(s.senior.token)
    .mutation(`mutation ($input: RaiseBarrierInput!) { raiseBarrier(input: $input) { barrier { id } userErrors { message } } }`, {
      pairId: s.id,
      title: 'Night shifts fall on carers',
      description: 'Part-time nurses with caring duties are given most of the night shifts on the surgical wards.',
      category: 'CULTURE',
      affectedGroups: ['SEX'],
      attribution: 'NAMED',
    });
  expect(raised.userErrors).toEqual([]);

  const page = await signIn(s.junior);
  const attention = main(page).locator('section', { has: page.getByRole('heading', { name: 'Needs your attention' }) });
  await attention.getByRole('link', { name: 'Your partner asks to name your pair on “Night shifts fall on carers”: agree or keep it anonymous' }).click();
  await page.getByRole('heading', { level: 1, name: 'Night shifts fall on carers' }).waitFor();
  await page.getByRole('heading', { name: 'Your partner asks to name your pair on this barrier' }).waitFor();
  await page.getByRole('link', { name: 'Notifications 1 unread' }).waitFor();
  await expectNoRawCodes(page);
  await shot(page, 'naming-ask-laptop');

  // Meanwhile the senior logs a session: the junior's count goes up as soon as they act, not a minute later.
  const logged = await api()
    .as(s.senior.token)
    .mutation(`mutation ($input: LogSessionInput!) { logSession(input: $input) { session { id } userErrors { message } } }`, {
      pairId: s.id,
      heldOn: new Date().toISOString().slice(0, 10),
      topics: ['Rotas'],
    });
  expect(logged.userErrors).toEqual([]);
  await page.getByRole('button', { name: 'Agree to be named' }).click();
  await main(page).getByText('You both agreed that it names your pair.').waitFor();
  await page.getByRole('link', { name: 'Notifications 2 unread' }).waitFor({ timeout: 5_000 });
  await main(page).getByText('Junior agreed that the barrier names their pair').waitFor();

  // The manager now sees who raised it.
  const manager = await s.f.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
  const managerPage = await signIn(manager, new URL(page.url()).pathname);
  await managerPage.getByRole('heading', { level: 1, name: 'Night shifts fall on carers' }).waitFor();
  await main(managerPage).getByText('Raised by Senior and Junior').waitFor();
  await managerPage.context().close();
  await page.context().close();
});

test('"Needs your attention" lists a contract version awaiting the co-learner', async () => {
  const f = make();
  const organisation = await f.organisation();
  const { senior, junior, id } = await f.pair(organisation, { status: PairStatus.PROPOSED });
  const proposed = await api()
    .as(senior.token)
    .mutation(`mutation ($input: ProposeContractInput!) { proposeContract(input: $input) { pair { id } userErrors { message } } }`, {
      pairId: id,
      focusTopics: ['Shortlisting'],
      cadence: 'MONTHLY',
      groundRules: 'We listen first and speak plainly.',
      confidentiality: 'What we say stays between us unless we agree otherwise.',
    });
  expect(proposed.userErrors).toEqual([]);
  const page = await signIn(junior);
  await main(page).getByRole('link', { name: "Read and agree version 1 of your pair's contract" }).click();
  await page.waitForURL((url) => url.pathname === `/pair/${encodeURIComponent(id)}` || url.pathname === `/pair/${id}`);
  await page.getByRole('button', { name: /Agree/ }).first().waitFor();
  await page.context().close();
});

test('a change sent back shows "Sent back" with the owner\'s reason; measure values are read as people write them', async () => {
  const s = await pairWithNames();
  const owner = await s.f.person({ organisation: s.organisation, roles: [Role.OWNER], name: 'Olu Owner' });
  const barrier = await s.f.barrier(s.pair);
  const change = await s.f.change(barrier, owner.person.id, { status: ChangeStatus.SUBMITTED, title: 'Blind shortlisting for band 6' });
  const decided = await api()
    .as(owner.token)
    .mutation(`mutation ($input: DecideChangeInput!) { decideChange(input: $input) { change { status } userErrors { message } } }`, {
      changeId: gid('Change', change.id),
      expectedVersion: change.version,
      outcome: 'REQUEST_CHANGES',
      rationale: 'Add a measure for how many part-time staff reach interview.',
    });
  expect(decided.userErrors).toEqual([]);

  const page = await signIn(s.junior, `/changes/${encodeURIComponent(gid('Change', change.id))}`);
  await page.getByRole('heading', { level: 1, name: 'Blind shortlisting for band 6' }).waitFor();
  const sentBack = main(page).locator('section', { has: page.getByRole('heading', { name: 'Sent back for changes' }) });
  await sentBack.getByText('Add a measure for how many part-time staff reach interview.').waitFor();
  await main(page).locator('.title-row').getByText('Sent back', { exact: true }).waitFor();
  const steps = await page.getByRole('list', { name: 'Workflow' }).getByRole('listitem').allInnerTexts();
  // It was proposed and submitted: it stands at "Sent back", not back at the first step.
  expect(steps.map((text) => text.replace(/\s+/g, ''))).toEqual(['✓Proposed(done)', '2Sentback(current)', '3Approved', '4Inprogress', '5Putforward', '6Adopted']);
  await expectNoRawCodes(page);
  await shot(page, 'change-sent-back-laptop');

  // Report progress on a change in progress: "3 of 20" for a % measure is 15%; "about half" is refused with the shape wanted.
  const started = await s.f.change(barrier, owner.person.id, {
    status: ChangeStatus.IN_PROGRESS,
    title: 'Evening interview slots',
    successMeasures: [{ metric: 'Carers reaching interview', unit: '%', baseline: 8, target: 20, current: null }],
  });
  await page.goto(`${suite.server.url}/changes/${encodeURIComponent(gid('Change', started.id))}`);
  await page.getByRole('button', { name: 'Report progress' }).click();
  const report = page.getByRole('form', { name: 'Report progress' });
  await report.getByText('A percentage (12 or 12%), or a share such as “3 of 20”, recorded as 15%.', { exact: false }).waitFor();
  await report.getByLabel('Progress (%)').fill('30');
  await report.getByLabel('What has happened').fill('Evening slots offered in two directorates.');
  await report.getByLabel('Carers reaching interview (%)').fill('about half');
  await report.getByRole('button', { name: 'Report progress' }).click();
  await report.locator('[role="alert"]').getByText(/Carers reaching interview: Give a percentage/).first().waitFor();
  await report.getByLabel('Carers reaching interview (%)').fill('3 of 20');
  await report.getByRole('button', { name: 'Report progress' }).click();
  await report.waitFor({ state: 'detached' });
  await main(page).getByRole('table').getByText('15%').waitFor();
  await page.context().close();
});

test('a manager edits a programme and is asked to confirm starting it before its first day', async () => {
  const f = make();
  const organisation = await f.organisation();
  const manager = await f.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
  const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const later = new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10);
  const programme = await f.programme(organisation, { status: ProgrammeStatus.PLANNED, name: 'Cohort 2027', startsOn: future, endsOn: later });

  const page = await signIn(manager, `/programmes/${encodeURIComponent(gid('Programme', programme.id))}`);
  await page.getByRole('heading', { level: 1, name: 'Cohort 2027' }).waitFor();
  await page.getByRole('button', { name: 'Edit programme' }).click();
  const form = main(page).locator('section', { has: page.getByRole('heading', { name: 'Edit the programme' }) });
  await form.getByLabel('Name').fill('Cohort 2027: reciprocal mentoring');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Cohort 2027: reciprocal mentoring' }).waitFor();

  await page.getByRole('button', { name: 'Start programme' }).click();
  const confirm = main(page).locator('[role="alert"]');
  await confirm.getByText('is still ahead').waitFor();
  await expectNoRawCodes(page);
  await shot(page, 'programme-start-confirm-laptop');
  await confirm.getByRole('button', { name: 'Not yet' }).click();
  await page.getByRole('button', { name: 'Start programme' }).click();
  await main(page).getByRole('button', { name: 'Yes, start it' }).click();
  await main(page).locator('.title-row').getByText('Active').waitFor();
  // Still editable while it runs.
  await page.getByRole('button', { name: 'Edit programme' }).waitFor();
  await page.context().close();
});
