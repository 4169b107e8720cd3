import type { Locator, Page } from 'playwright-core';
import { accessibilityProblems } from '../helpers/axe';
import { demoBrowserSuite } from '../helpers/browser';

/**
 * Issue 14 through the browser: Sam offers times, Jo accepts one, both download the same
 * invitation, Jo moves it (same event, next sequence), Sam logs it against the booking; Pat runs
 * a group session for the cohort and records who came and what the set learned.
 */
const SAM = 'sam.senior@northshore.example';
const JO = 'jo.junior@northshore.example';
const PAT = 'pat.manager@northshore.example';

const suite = demoBrowserSuite();
const { signedIn, shot } = suite;

const section = (page: Page, heading: string): Locator => page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });
/** Downloads a file with the page's own session, as the "Download the invitation" link does. */
const download = (page: Page, href: string) => page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).text(), href);
const line = (ics: string, name: string) => ics.split('\r\n').find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);

// A year ahead, so the times are always in the future.
const year = new Date().getUTCFullYear() + 1;

test('a session is booked, accepted, downloaded by both, rescheduled and logged', async () => {
  const sam = await signedIn(SAM);
  const next = section(sam, 'Next sessions');
  await next.getByRole('button', { name: 'Propose times' }).click();
  const form = sam.getByRole('form', { name: 'Propose times' });
  await form.getByLabel('Time 1').fill(`${year}-05-11T09:00`);
  await form.getByLabel('Time 2').fill(`${year}-05-12T14:30`);
  await form.getByLabel('Place').fill('Library meeting room');
  await form.getByRole('button', { name: 'Offer these times' }).click();
  await next.getByRole('status').getByText('Times offered').waitFor();
  await next.getByText('Waiting for your co-learner to choose a time.').waitFor();

  const jo = await signedIn(JO);
  const joNext = section(jo, 'Next sessions');
  await joNext.getByRole('button', { name: /^Accept .* 14:30$/ }).click();
  await joNext.getByRole('status').getByText('Session booked').waitFor();
  await shot(jo, 'scheduling-booked');
  const link = joNext.getByRole('link', { name: 'Download the invitation (.ics)' });
  const href = (await link.getAttribute('href'))!;
  await sam.reload();
  const samLink = section(sam, 'Next sessions').getByRole('link', { name: 'Download the invitation (.ics)' });
  expect(await samLink.getAttribute('href')).toBe(href);

  const forJo = await download(jo, href);
  const forSam = await download(sam, href);
  expect(forSam).toBe(forJo);
  expect(line(forJo, 'SUMMARY')).toBe('Co-learning session');
  expect(line(forJo, 'SEQUENCE')).toBe('0');
  expect(line(forJo, 'LOCATION')).toBe('Library meeting room');
  expect(forJo).not.toContain('Sam');
  expect(forJo).not.toContain('Jo Junior');
  const uid = line(forJo, 'UID');

  // Jo moves it a week on: the same event, the next sequence, for both.
  await joNext.getByRole('button', { name: 'Reschedule' }).click();
  const move = jo.getByRole('form', { name: 'Reschedule' });
  await move.getByLabel('New time').fill(`${year}-05-19T14:30`);
  await move.getByRole('button', { name: 'Move the session' }).click();
  await joNext.getByRole('status').getByText('Session moved').waitFor();
  const moved = await download(sam, href);
  expect(line(moved, 'UID')).toBe(uid);
  expect(line(moved, 'SEQUENCE')).toBe('1');
  expect(moved).toBe(await download(jo, href));

  // Sam logs it afterwards, against the booking.
  await sam.reload();
  await sam.getByRole('button', { name: 'Log a session' }).click();
  const log = sam.getByRole('form', { name: 'Log a session' });
  // The booked session is chosen already.
  expect(await log.getByLabel('Booked session').inputValue()).not.toBe('');
  await log.getByLabel('Booked session').getByRole('option', { name: new RegExp(`19 May ${year}, 14:30`) }).waitFor({ state: 'attached' });
  await log.getByLabel('Topics').fill('Rota patterns');
  await log.getByRole('button', { name: 'Log session' }).click();
  await sam.getByRole('status').getByText('Session logged.').waitFor();
  await section(sam, 'Next sessions').getByText('No session booked yet.').waitFor();
  await shot(sam, 'scheduling-logged');
});

test('a manager runs a group session for the cohort, with attendance and shared learning', async () => {
  const pat = await signedIn(PAT, undefined, '/group-sessions');
  await pat.getByRole('heading', { level: 1, name: 'Group sessions' }).waitFor();
  const form = pat.getByRole('form', { name: 'Schedule a group session' });
  await form.getByLabel('Programme').selectOption({ label: '2026 Reciprocal Mentoring Cohort' });
  await form.getByLabel('Title').fill('Action-learning set: rotas');
  await form.getByLabel('Kind').selectOption('ACTION_LEARNING_SET');
  await form.getByLabel('Starts').fill(`${year}-04-06T13:00`);
  await form.getByLabel('Place').fill('Education centre');
  await form.getByLabel('Facilitator').selectOption({ label: 'Dee Owner' });
  await form.getByRole('button', { name: 'Schedule and invite' }).click();
  await pat.getByRole('status').getByText('Group session scheduled').waitFor();

  // Time passes: the session has started.
  await suite.server.db.query(`UPDATE group_session SET starts_at = now() - interval '1 hour' WHERE title = 'Action-learning set: rotas'`);
  await pat.reload();
  const card = pat.getByRole('region', { name: 'Action-learning set: rotas' });
  await card.getByText('Facilitated by Dee Owner').waitFor();
  const attendance = card.getByRole('form', { name: 'Attendance' });
  await attendance.getByLabel('Sam Senior').check();
  await attendance.getByLabel('Jo Junior').check();
  await attendance.getByRole('button', { name: 'Record attendance' }).click();
  await attendance.getByRole('status').getByText('Attendance recorded.').waitFor();
  const learning = card.getByRole('form', { name: 'Shared learning' });
  await learning.getByLabel('What the group learned').fill('Rota swaps go faster when the whole month is visible.');
  await learning.getByRole('button', { name: 'Add to shared learning' }).click();
  await card.getByText('Rota swaps go faster when the whole month is visible.').waitFor();
  await shot(pat, 'group-session');

  // Jo, invited, sees the session and the learning, but no attendance form and no author.
  const jo = await signedIn(JO, undefined, '/group-sessions');
  const joCard = jo.getByRole('region', { name: 'Action-learning set: rotas' });
  await joCard.getByText('Rota swaps go faster when the whole month is visible.').waitFor();
  expect(await joCard.getByRole('form', { name: 'Attendance' }).count()).toBe(0);
});

test('goals are rated privately unless shared; the journal is written and kept; the new pages pass axe', async () => {
  const jo = await signedIn(JO);
  const goals = section(jo, 'Your goals');
  const form = goals.getByRole('form', { name: 'Rate your goals' });
  await form.getByLabel('When').selectOption('END');
  await form.getByLabel('How far you have reached them (1 to 5)').selectOption('4');
  await form.getByLabel('What you hope to learn').fill('Speak first in the ward meeting; understand promotion panels.');
  await form.getByRole('button', { name: 'Save my rating' }).click();
  await goals.getByRole('status').getByText('Rating saved.').waitFor();
  await goals.getByText('At the end · 4 of 5 · only you see this').waitFor();
  // Not shared: Sam sees Jo's shared start rating (demo) but not this one.
  const sam = await signedIn(SAM);
  const samGoals = section(sam, 'Your goals');
  await samGoals.getByText('Jo Junior · At the start').waitFor();
  expect(await samGoals.getByText('Jo Junior · At the end').count()).toBe(0);

  await jo.goto(`${suite.server.url}/journal`);
  await jo.getByRole('heading', { level: 1, name: 'Your journal' }).waitFor();
  await jo.getByLabel('Reflection').fill('I spoke first today. It was easier than I feared.');
  await jo.getByRole('button', { name: 'Keep this entry' }).click();
  await jo.getByText('I spoke first today. It was easier than I feared.').waitFor();
  expect(await accessibilityProblems(jo)).toEqual([]);
  await jo.goto(`${suite.server.url}/group-sessions`);
  await jo.getByRole('heading', { level: 1, name: 'Group sessions' }).waitFor();
  await jo.getByRole('region', { name: 'Joint closing session with the board' }).waitFor();
  expect(await accessibilityProblems(jo)).toEqual([]);
  await sam.goto(`${suite.server.url}/journal`);
  await sam.getByText('No entries yet.').waitFor();
  const pat = await signedIn(PAT, undefined, '/group-sessions');
  await pat.getByRole('heading', { level: 1, name: 'Group sessions' }).waitFor();
  expect(await accessibilityProblems(pat)).toEqual([]);
});
