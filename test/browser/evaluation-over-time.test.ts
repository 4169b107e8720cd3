import { AffectedGroup, BarrierCategory } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { Api } from '../helpers/api';
import { accessibilityProblems } from '../helpers/axe';
import { demoBrowserSuite } from '../helpers/browser';
import { coLearning } from '../helpers/co-learning';
import { answerAndClose, cohort, openPhase, split } from '../helpers/evaluation';
import { factories, PASSWORD } from '../helpers/factories';
import { libraryFixtures } from '../helpers/library';

/**
 * A manager compares a programme's baseline and closing questionnaires, adds a question to the bank
 * and opens the mid-point questionnaire with it; a community member sees how widely a library
 * case's barrier is reported across organisations.
 */
const suite = demoBrowserSuite();

const letters = 'bcdfghjklmnpqrstvwxz';
const word = () => Array.from({ length: 8 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');

async function signInAs(email: string, password: string) {
  const page = await suite.newPage();
  await page.goto(suite.server.url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.locator('.app-header').waitFor();
  return page;
}

test('a manager compares the baseline with the closing questionnaire, and opens the mid-point one with a question of their own', async () => {
  const t = { api: new Api(suite.server.url), make: factories(suite.server.db), co: coLearning(suite.server.db) };
  const c = await cohort(t, 5);
  const baseline = await openPhase(t, c, 'BASELINE');
  const closing = await openPhase(t, c, 'CLOSING');
  await answerAndClose(t, c, baseline, [...split(c.seniors, 1), ...split(c.juniors.slice(0, 4), 4)]);
  await answerAndClose(t, c, closing, [...split(c.seniors, 4), ...split(c.juniors, 5)]);

  const page = await signInAs(c.manager.person.email, PASSWORD);
  await page.goto(`${suite.server.url}/questionnaires`);
  const compare = page.getByRole('region', { name: 'Compare two questionnaires' });
  await compare.getByRole('table').waitFor();
  await compare.getByLabel('From').locator('option', { hasText: 'Baseline' }).waitFor({ state: 'attached' });
  const row = compare.getByRole('row', { name: /improved my ability and competence/ });
  // seniors: 20% → 80%; juniors had four at baseline: not compared, and the overall figure with them
  await row.getByRole('cell').nth(1).getByText('20% → 80%').waitFor();
  await row.getByText('+60 points').waitFor();
  await expect(row.getByRole('cell').nth(2).textContent()).resolves.toBe('Not compared (2)');
  await compare.getByText(/in the baseline questionnaire, fewer than 5 responses/).waitFor();
  expect(await accessibilityProblems(page)).toEqual([]);
  await suite.shot(page, 'questionnaires-compare');

  // a question of their own, then the mid-point questionnaire with it
  const prompt = `I know who to go to when I see a barrier (${word()})`;
  await page.getByText('Add a question to the question bank').click();
  await page.getByLabel('Question', { exact: true }).fill(prompt);
  await page.getByRole('button', { name: 'Add to the bank' }).click();
  await page.getByRole('status').getByText(`Added “${prompt}”`).waitFor();
  const open = page.locator('form', { has: page.getByRole('heading', { name: 'Open a questionnaire' }) });
  await open.getByLabel('Programme', { exact: true }).selectOption({ label: c.programme.name });
  await expect(open.getByLabel('When', { exact: true }).inputValue()).resolves.toBe('MID_POINT');
  await open.getByLabel(prompt).check();
  await open.getByLabel('What should the programme do differently next time?').uncheck();
  await open.getByRole('button', { name: 'Open questionnaire' }).click();
  const mid = page.locator('section.card', { has: page.getByRole('heading', { name: `${c.programme.name}: mid-point questionnaire` }) });
  await mid.getByText(/Mid-point · /).waitFor();
  const [row2] = await suite.server.db.query(`SELECT items FROM questionnaire WHERE programme_id = $1 AND phase = 'MID_POINT'`, [c.programme.id]);
  expect(row2.items.map((i: { prompt: string }) => i.prompt)).toContain(prompt);
  expect(row2.items.map((i: { prompt: string }) => i.prompt)).not.toContain('What should the programme do differently next time?');
});

test('Casey sees that a case’s barrier is reported in five organisations, without which', async () => {
  const fx = libraryFixtures(suite.server.db);
  const api = new Api(suite.server.url);
  const title = [word(), word(), word(), word()];
  const origin = await fx.team();
  const { barrier } = await fx.barrier(origin, { title: `${title.join(' ')} rota`, description: `${word()} ${word()} ${word()} ${word()}`, category: BarrierCategory.CULTURE, affectedGroups: [AffectedGroup.DISABILITY] });
  const sharedCase = await fx.publishCase(api, origin, barrier);
  for (let i = 0; i < 4; i++) {
    const team = await fx.team();
    await fx.barrier(team, { title: `${title.join(' ')} shifts`, description: `${word()} ${word()}`, category: BarrierCategory.CULTURE, affectedGroups: [AffectedGroup.DISABILITY], changes: [{ status: i < 2 ? ChangeStatus.ADOPTED : ChangeStatus.SUBMITTED }] });
  }
  const page = await signInAs('casey.member@riverside.example', 'commonground');
  await page.goto(`${suite.server.url}/library/cases/${encodeURIComponent(sharedCase.id)}`);
  const reach = page.getByRole('region', { name: 'Across organisations' });
  await reach.getByText('This barrier is reported in 5 organisations; 3 adopted a change; 0 still in force at 12 months.').waitFor();
  await reach.getByText(/which ones is never shown/).waitFor();
  expect(await reach.textContent()).not.toContain(origin.organisation.name);
  expect(await accessibilityProblems(page)).toEqual([]);
  await suite.shot(page, 'library-case-across-organisations');
});
