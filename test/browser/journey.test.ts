import type { Locator, Page } from 'playwright-core';
import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { PairEntity, PairStatus } from '../../server/src/modules/pair/pair.entity';
import { PersonEntity } from '../../server/src/modules/person/person.entity';
import { demoBrowserSuite, viewports } from '../helpers/browser';
import { factories, gid } from '../helpers/factories';

/**
 * The whole journey through the browser, one person per browser context: a junior co-learner raises
 * a barrier, the senior proposes a change owned by the Director of People and submits it, the owner
 * approves it from the decision queue, the pair starts it, reports progress and marks it adopted;
 * the history shows each step and the barrier is addressed.
 */

const JO = 'jo.junior@northshore.example';
const SAM = 'sam.senior@northshore.example';
const OLU = 'olu.owner@northshore.example';
const PAT = 'pat.manager@northshore.example';

const BARRIER = 'Interview panels only sit on weekday mornings';
const CHANGE = 'Offer evening and remote interview slots for every band 5–7 post';
const MEASURE = 'Applicants with caring responsibilities who reach interview';

const suite = demoBrowserSuite();
const { signedIn, shot } = suite;
let barrierUrl = '';
let changeUrl = '';

const main = (page: Page) => page.getByRole('main');
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** A YYYY-MM-DD some days from now, for target dates. */
function daysFromNow(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

async function historyItems(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: 'History of this change' }).getByRole('listitem').allInnerTexts();
}

function section(page: Page, heading: string): Locator {
  return page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });
}

test('Jo sees her pair home with the contract, prompts for the next session, sessions and barriers', async () => {
  const page = await signedIn(JO);
  await page.getByRole('heading', { level: 1, name: 'Hello, Jo' }).waitFor();
  // What waits for Jo comes first: in the demo, at least the end-of-programme questionnaire.
  const attention = section(page, 'Needs your attention');
  await attention.getByRole('link').first().waitFor();
  await main(page).getByText('Your co-learner').waitFor();
  await main(page).getByText('Sam Senior', { exact: false }).first().waitFor();
  await page.getByRole('heading', { name: 'For your next session' }).waitFor();
  await page.getByRole('list', { name: 'Focus topics' }).waitFor();
  await section(page, 'Contract').getByText('in effect').waitFor();
  await page.getByRole('button', { name: 'Log a session' }).waitFor();
  // Co-learners are not offered the owners' and managers' sections.
  expect(await nav(page).getByRole('link', { name: 'Decisions' }).count()).toBe(0);
  expect(await nav(page).getByRole('link', { name: 'Programmes' }).count()).toBe(0);
  await shot(page, 'pair-home-laptop');
  await page.context().close();
});

test('Jo raises a barrier with evidence', async () => {
  const page = await signedIn(JO);
  await nav(page).getByRole('link', { name: 'Barriers', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Barriers' }).waitFor();
  await shot(page, 'barriers-laptop');
  await main(page).getByRole('link', { name: 'Raise a barrier' }).click();
  await page.getByRole('heading', { level: 1, name: 'Raise a barrier' }).waitFor();

  // Nothing filled in: the form says what is missing, next to the fields.
  await page.getByRole('button', { name: 'Raise barrier' }).click();
  await main(page).locator('[role="alert"]').getByText('Give the barrier a short title.').waitFor();

  await page.getByLabel('Title').fill(BARRIER);
  await page.getByLabel('What happens').fill('Every interview panel for band 5–7 posts sits between 9am and 12pm on weekdays, so applicants who do the school run or work nights cannot attend.');
  await page.getByLabel('Category').selectOption('RECRUITMENT');
  await page.getByRole('checkbox', { name: 'Sex', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Disability', exact: true }).check();
  await page.getByRole('button', { name: 'Add evidence' }).click();
  const evidence = page.getByRole('group', { name: 'Evidence 1' });
  await evidence.getByLabel('Kind').selectOption('FIGURE');
  await evidence.getByLabel('What the figure shows').fill('Applicants who withdrew because of the interview time');
  await evidence.getByLabel('Value').fill('18');
  await evidence.getByLabel('Unit').fill('%');
  await shot(page, 'raise-barrier-laptop');
  await page.getByRole('button', { name: 'Raise barrier' }).click();

  await page.getByRole('heading', { level: 1, name: BARRIER }).waitFor();
  await page.getByText('Your barrier is on record.').waitFor();
  await main(page).getByText('Raised by Sam Senior and Jo Junior').waitFor();
  await main(page).getByText('18%').waitFor();
  barrierUrl = new URL(page.url()).pathname;
  expect(barrierUrl).toMatch(/^\/barriers\/.+/);
  await shot(page, 'barrier-laptop');
  await page.context().close();
});

test('Sam finds the barrier, proposes a change owned by Olu and submits it', async () => {
  expect(barrierUrl).not.toBe('');
  const page = await signedIn(SAM, viewports.laptop, '/barriers');
  await page.getByRole('heading', { level: 1, name: 'Barriers' }).waitFor();
  await page.getByRole('search', { name: 'Barriers' }).getByLabel('Search').fill('interview panels weekday');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('heading', { name: '1 matching barrier' }).waitFor();
  await main(page).getByRole('link', { name: BARRIER }).click();

  await page.getByRole('heading', { level: 1, name: BARRIER }).waitFor();
  await main(page).getByRole('link', { name: 'Propose a change' }).click();
  await page.getByRole('heading', { level: 1, name: 'Propose a change' }).waitFor();
  await page.getByLabel('Title').fill(CHANGE);
  await page.getByLabel('What changes').fill('Recruiting managers offer at least one evening slot and a remote option for every band 5–7 interview.');
  await page.getByLabel('Expected impact').fill('Carers and night staff can attend interviews without taking leave.');
  await page.getByLabel('Owner').selectOption({ label: 'Olu Owner, Director of People' });
  await page.getByLabel('Target date').fill(daysFromNow(120));
  const measure = page.getByRole('group', { name: 'Measure 1' });
  await measure.getByLabel('Measure').fill(MEASURE);
  await measure.getByLabel('Unit').fill('%');
  await measure.getByLabel('Baseline').fill('41');
  await measure.getByLabel('Target', { exact: true }).fill('70');
  await shot(page, 'propose-change-laptop');
  await page.getByRole('button', { name: 'Save draft' }).click();

  await page.getByRole('heading', { level: 1, name: CHANGE }).waitFor();
  await main(page).getByText('Draft', { exact: true }).first().waitFor();
  changeUrl = new URL(page.url()).pathname;

  // A second tab keeps the draft as it was; acting from it after the first tab moved on is refused.
  const stale = await page.context().newPage();
  await stale.goto(`${suite.server.url}${changeUrl}`);
  await stale.getByRole('button', { name: 'Submit to Olu Owner' }).waitFor();

  await page.getByRole('button', { name: 'Submit to Olu Owner' }).click();
  await page.getByText('Submitted to Olu Owner for a decision.').waitFor();
  await main(page).getByText('Awaiting decision', { exact: true }).first().waitFor();
  expect(await page.getByRole('button', { name: 'Submit to Olu Owner' }).count()).toBe(0);
  await shot(page, 'change-submitted-laptop');

  await stale.getByRole('button', { name: 'Submit to Olu Owner' }).click();
  const conflict = stale.getByRole('main').locator('[role="alert"]');
  // The refusal (CONFLICT) comes with a way to load what changed.
  await conflict.getByRole('button', { name: 'Reload' }).waitFor();
  await shot(stale, 'change-conflict-laptop');
  await conflict.getByRole('button', { name: 'Reload' }).click();
  await stale.getByRole('main').getByText('Awaiting decision', { exact: true }).first().waitFor();
  await conflict.waitFor({ state: 'detached' });
  await page.context().close();
});

test('Olu approves the change from the decision queue, with a rationale', async () => {
  expect(changeUrl).not.toBe('');
  const page = await signedIn(OLU);
  // The header counts unread notifications: the submission is one of them.
  await page.getByRole('link', { name: /Notifications \d+ unread/ }).waitFor();
  await nav(page).getByRole('link', { name: 'Decisions', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Decisions' }).waitFor();
  const item = main(page).locator('article', { has: page.getByRole('heading', { name: CHANGE }) });
  await item.waitFor();
  await item.getByText(/Decision due/).waitFor();
  // Older submissions past their due day are flagged.
  await main(page).getByText('Decision overdue').first().waitFor();
  await shot(page, 'decisions-laptop');

  await item.getByRole('button', { name: `Decide on ${CHANGE}` }).click();
  await item.getByRole('button', { name: 'Record decision' }).click();
  await item.locator('[role="alert"]').getByText('Choose your decision.').waitFor();
  await item.getByRole('radio', { name: /^Approve/ }).check();
  await item.getByLabel('Rationale').fill('Evening slots cost little and the withdrawal figure is hard to argue with. Approved.');
  await shot(page, 'decide-laptop');
  await item.getByRole('button', { name: 'Record decision' }).click();

  await main(page).getByRole('status').getByText('The pair has been told.').waitFor();
  await item.waitFor({ state: 'detached' });

  await page.goto(`${suite.server.url}${changeUrl}`);
  await page.getByRole('heading', { level: 1, name: CHANGE }).waitFor();
  await main(page).getByText('Approved', { exact: true }).first().waitFor();
  await section(page, 'Latest decision').getByText('Evening slots cost little').waitFor();
  await page.context().close();
});

test('the pair starts the change, reports progress and puts it forward; Olu confirms the adoption; the history shows every step', async () => {
  expect(changeUrl).not.toBe('');
  const page = await signedIn(SAM, viewports.laptop, changeUrl);
  await page.getByRole('heading', { level: 1, name: CHANGE }).waitFor();
  // Only the actions Sam may take now are offered: start or withdraw, not decide or adopt.
  await page.getByRole('button', { name: 'Start work' }).waitFor();
  expect(await page.getByRole('button', { name: 'Record decision' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Put forward for adoption' }).count()).toBe(0);
  await page.getByRole('button', { name: 'Start work' }).click();
  await page.getByText('Work has started.').waitFor();

  await page.getByRole('button', { name: 'Report progress' }).click();
  const report = page.getByRole('form', { name: 'Report progress' });
  await report.getByLabel('Progress (%)').fill('60');
  await report.getByLabel('What has happened').fill('Evening slots offered in Surgery and Estates; remote interviews piloted in Nursing.');
  await report.getByLabel(`${MEASURE} (%)`).fill('58');
  await report.getByRole('button', { name: 'Report progress' }).click();
  await page.getByText('Progress reported.').waitFor();
  expect(await page.getByRole('progressbar', { name: 'Progress' }).getAttribute('aria-valuenow')).toBe('60');
  await page.getByRole('table', { name: 'Success measures' }).getByRole('cell', { name: '58%' }).waitFor();
  await shot(page, 'change-in-progress-laptop');

  await page.getByRole('button', { name: 'Put forward for adoption' }).click();
  const adopt = page.getByRole('form', { name: 'Put forward for adoption' });
  await adopt.getByLabel('Policy or process that changed').fill('Recruitment and Selection Policy, section 5.2 (interview scheduling)');
  await adopt.getByLabel('Link to the policy').fill('https://intranet.northshore.example/policies/recruitment-selection');
  await adopt.getByLabel('Summary').fill('Every band 5–7 interview now offers an evening slot and a remote option.');
  await adopt.getByLabel(`${MEASURE} (%)`).fill('66');
  await adopt.getByRole('button', { name: 'Put forward for adoption' }).click();
  await page.getByText('Put forward for adoption: it is adopted once confirmed').waitFor();

  // Olu, the owner, confirms it (he is neither in the pair nor in its division).
  const olu = await signedIn(OLU, viewports.laptop, changeUrl);
  await olu.getByRole('button', { name: 'Confirm adoption' }).click();
  await olu.getByText('Adoption confirmed.').waitFor();
  await olu.context().close();

  await page.reload();
  await page.getByRole('heading', { level: 1, name: CHANGE }).waitFor();
  await main(page).getByText('Adopted', { exact: true }).first().waitFor();
  await section(page, 'Adopted').getByText('Recruitment and Selection Policy, section 5.2').waitFor();

  const history = await historyItems(page);
  const steps = ['Sam Senior proposed the change', 'Sam Senior submitted the change', 'Olu Owner approved the change', 'Sam Senior started work', 'Sam Senior reported progress: 60%', 'Sam Senior asked for the adoption to be confirmed', 'Olu Owner confirmed the adoption'];
  let at = -1;
  for (const step of steps) {
    const index = history.findIndex((item, i) => i > at && item.includes(step));
    expect({ step, found: index > at }).toEqual({ step, found: true });
    at = index;
  }
  expect(history.join('\n')).toContain('Evening slots cost little');
  // Once adopted, nothing is left to do.
  expect(await page.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
  await shot(page, 'change-adopted-laptop');

  // The barrier it addressed shows as addressed.
  await main(page).getByRole('link', { name: BARRIER }).click();
  await page.getByRole('heading', { level: 1, name: BARRIER }).waitFor();
  await page.locator('.page-header').getByText('Addressed', { exact: true }).waitFor();
  expect(await page.getByRole('link', { name: 'Propose a change' }).count()).toBe(0);
  await page.getByRole('list', { name: 'History of this barrier' }).getByText('The barrier is now addressed').waitFor();
  await page.context().close();
});

test('Jo is notified and follows a notification to the change', async () => {
  expect(changeUrl).not.toBe('');
  const page = await signedIn(JO);
  await page.getByRole('link', { name: /Notifications \d+ unread/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
  const approved = main(page).getByRole('link', { name: `Olu Owner approved “${CHANGE}”.` });
  await approved.waitFor();
  await shot(page, 'notifications-laptop');
  await approved.click();
  await page.getByRole('heading', { level: 1, name: CHANGE }).waitFor();
  expect(new URL(page.url()).pathname).toBe(changeUrl);

  await page.goto(`${suite.server.url}/notifications`);
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await page.getByRole('link', { name: /none unread/ }).waitFor();
  await page.getByRole('button', { name: 'Unread' }).click();
  await page.getByText('You have read everything.').waitFor();
  await page.context().close();
});

test('changes can be filtered: overdue, mine, by status', async () => {
  const page = await signedIn(OLU, viewports.laptop, '/changes');
  await page.getByRole('heading', { level: 1, name: 'Changes' }).waitFor();
  await page.getByLabel('Status', { exact: true }).selectOption('ADOPTED');
  await page.getByRole('heading', { name: /matching change/ }).waitFor();
  await main(page).getByRole('link', { name: CHANGE }).waitFor();
  expect(new URL(page.url()).searchParams.get('status')).toBe('ADOPTED');
  await page.getByRole('checkbox', { name: 'Mine' }).check();
  await page.waitForURL((url) => url.searchParams.get('mine') === '1');
  await main(page).getByRole('link', { name: CHANGE }).waitFor();
  await page.getByRole('checkbox', { name: 'Overdue' }).check();
  // The address bar follows the box a moment later, then the list: wait for both, not for the old list.
  await page.waitForURL((url) => url.searchParams.get('overdue') === '1');
  await main(page).getByRole('link', { name: CHANGE }).waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: /matching change/ }).waitFor();
  await shot(page, 'changes-filtered-laptop');

  // Clearing the filters keeps the order chosen.
  await page.getByLabel('Order').selectOption('TARGET_DATE');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForURL((url) => url.search === '?order=TARGET_DATE');
  await main(page).getByRole('link', { name: CHANGE }).waitFor();
  expect(await page.getByRole('checkbox', { name: 'Overdue' }).isChecked()).toBe(false);
  await page.context().close();
});

test('a programme manager plans a programme, matches a pair and starts it', async () => {
  const page = await signedIn(PAT);
  await nav(page).getByRole('link', { name: 'Programmes', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor();
  await page.getByRole('table', { name: 'Programmes' }).getByText('2026 Reciprocal Mentoring Cohort').waitFor();
  await shot(page, 'programmes-laptop');

  await page.getByRole('radio', { name: /A blank programme/ }).check();
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Create programme' }) });
  await form.getByLabel('Name').fill('Journey Test Cohort');
  await form.getByLabel('First day').fill(daysFromNow(30));
  await form.getByLabel('Last day').fill(daysFromNow(300));
  await form.getByRole('button', { name: 'Create programme' }).click();
  await page.getByRole('heading', { level: 1, name: 'Journey Test Cohort' }).waitFor();
  await main(page).getByText('Planned', { exact: true }).first().waitFor();

  await page.getByLabel('Senior co-learner').selectOption({ label: 'Rae Senior, Head of Estates (Estates and Facilities)' });
  // The person chosen as senior is not offered as junior.
  const junior = page.getByLabel('Junior co-learner');
  expect(await junior.locator('option', { hasText: 'Rae Senior' }).isDisabled()).toBe(true);
  await junior.selectOption({ label: 'Kit Junior, Porter (Estates and Facilities)' });
  await page.getByRole('button', { name: 'Create pair' }).click();
  await page.getByText('Rae Senior and Kit Junior are matched.', { exact: false }).waitFor();
  // Both pickers now show who is already paired, and with whom, and neither offers them again.
  for (const picker of ['Senior co-learner', 'Junior co-learner']) {
    const rae = page.getByLabel(picker).locator('option', { hasText: /^Rae Senior/ });
    await rae.filter({ hasText: 'already paired with Kit Junior' }).waitFor({ state: 'attached' });
    expect(await rae.isDisabled()).toBe(true);
  }
  await shot(page, 'programme-pair-pickers');
  await page.getByRole('table', { name: 'Pairs in Journey Test Cohort' }).getByRole('link', { name: 'Rae Senior and Kit Junior' }).waitFor();

  await page.getByRole('button', { name: 'Start programme' }).click();
  // Starting is asked twice, with a word that the first day (a month away) is still ahead.
  await main(page).getByText('Starting the programme makes it active for everyone in it.').waitFor();
  await main(page).getByText('is still ahead').waitFor();
  await main(page).getByRole('button', { name: 'Yes, start it' }).click();
  await main(page).locator('.page-header').getByText('Active', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Close programme' }).waitFor();
  await shot(page, 'programme-laptop');
  await page.context().close();
});

test('on a phone the pages stack into one column', async () => {
  expect(changeUrl).not.toBe('');
  const jo = await signedIn(JO, viewports.phone);
  await jo.getByRole('heading', { level: 1, name: 'Hello, Jo' }).waitFor();
  await jo.getByRole('heading', { name: 'For your next session' }).waitFor();
  await shot(jo, 'pair-home-phone');
  await jo.goto(`${suite.server.url}/barriers`);
  await jo.getByRole('heading', { name: /\d+ barriers?/ }).waitFor();
  await shot(jo, 'barriers-phone');
  await jo.goto(`${suite.server.url}${barrierUrl}`);
  await jo.getByRole('heading', { level: 1, name: BARRIER }).waitFor();
  await shot(jo, 'barrier-phone');
  await jo.goto(`${suite.server.url}/barriers/new`);
  await jo.getByRole('heading', { level: 1, name: 'Raise a barrier' }).waitFor();
  await shot(jo, 'raise-barrier-phone');
  await jo.goto(`${suite.server.url}${changeUrl}`);
  await jo.getByRole('heading', { level: 1, name: CHANGE }).waitFor();
  await shot(jo, 'change-phone');
  await jo.goto(`${suite.server.url}/changes`);
  await jo.getByRole('heading', { name: /\d+ changes?/ }).waitFor();
  await shot(jo, 'changes-phone');
  await jo.goto(`${suite.server.url}/notifications`);
  await jo.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
  await shot(jo, 'notifications-phone');
  // No page is wider than the phone.
  expect(await jo.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewports.phone.width);
  await jo.context().close();

  const olu = await signedIn(OLU, viewports.phone, '/decisions');
  await olu.getByRole('heading', { level: 1, name: 'Decisions' }).waitFor();
  await olu.getByRole('button', { name: /^Decide on/ }).first().click();
  await shot(olu, 'decisions-phone');
  await olu.context().close();

  const pat = await signedIn(PAT, viewports.phone, '/programmes');
  await pat.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor();
  await shot(pat, 'programmes-phone');
  await pat.context().close();
});

test('Olu leaves: Pat hands his submitted change to Dee, who finds it in her decision queue', async () => {
  const db = suite.server.db;
  const sam = await db.getRepository(PersonEntity).findOneByOrFail({ email: SAM });
  const pair = await db.getRepository(PairEntity).findOneByOrFail({ seniorId: sam.id, status: PairStatus.ACTIVE });
  const olu = await db.getRepository(PersonEntity).findOneByOrFail({ email: OLU });
  const make = factories(db);
  const title = `Rotate shortlisting panels ${Date.now().toString(36)}`;
  const change = await make.change(await make.barrier(pair), olu.id, { status: ChangeStatus.SUBMITTED, title });

  const pat = await signedIn(PAT, viewports.laptop, `/changes/${encodeURIComponent(gid('Change', change.id))}`);
  await pat.getByRole('heading', { level: 1, name: title }).waitFor();
  await pat.getByRole('button', { name: 'Hand to another owner' }).click();
  const form = pat.getByRole('form', { name: 'Hand this change to another owner' });
  await form.getByLabel('New owner').selectOption({ label: 'Dee Owner, Chief Nurse' });
  await form.getByLabel('Reason').fill('Olu has left the Trust; Dee leads recruitment now.');
  await form.getByRole('button', { name: 'Hand over' }).click();
  await pat.getByRole('status').getByText('Dee Owner now owns this change; they, Olu Owner and the pair have been told.').waitFor();
  await pat.getByRole('list', { name: 'History of this change' }).getByText('Pat Manager handed the change to Dee Owner').waitFor();
  await shot(pat, 'change-handed-over-laptop');
  await pat.context().close();

  const dee = await signedIn('dee.owner@northshore.example', viewports.laptop, '/decisions');
  await main(dee).getByRole('link', { name: title }).waitFor();
  await dee.context().close();
});

test('Pat nudges Rae and Kit, who have gone quiet; Kit follows the notification to the pair', async () => {
  const pat = await signedIn(PAT, viewports.laptop, '/programmes');
  await pat.getByRole('link', { name: '2026 Reciprocal Mentoring Cohort' }).click();
  const pairs = pat.getByRole('table', { name: 'Pairs in 2026 Reciprocal Mentoring Cohort' });
  await pairs.getByRole('button', { name: 'Nudge Rae Senior and Kit Junior' }).click();
  const form = pat.getByRole('form', { name: 'Nudge Rae Senior and Kit Junior' });
  await form.getByLabel('A word from you').fill('Could you find an hour before the rota changes?');
  await form.getByRole('button', { name: 'Send nudge' }).click();
  await pairs.getByText('Nudged: Rae Senior and Kit Junior have been asked how it is going.').waitFor();
  await pat.context().close();

  const kit = await signedIn('kit.junior@northshore.example', viewports.phone, '/notifications');
  await main(kit).getByRole('link', { name: 'Pat Manager asks how your co-learning is going. “Could you find an hour before the rota changes?”' }).click();
  await kit.waitForURL(/\/pair\//);
  await main(kit).getByText('Rae Senior').first().waitFor();
  await kit.context().close();
});
