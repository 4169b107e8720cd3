import type { Locator, Page } from 'playwright-core';
import { accessibilityProblems } from '../helpers/axe';
import { demoBrowserSuite } from '../helpers/browser';

/**
 * Designing programmes through the browser: Pat plans one programme from each template, sees its
 * plan, curriculum, training and guide, edits a month and records a colleague's training; Kit
 * records his own training on the programme page.
 */

const PAT = 'pat.manager@northshore.example';
const KIT = 'kit.junior@northshore.example';

const suite = demoBrowserSuite();
const { signedIn, shot } = suite;

const main = (page: Page) => page.getByRole('main');
const section = (page: Page, heading: RegExp | string): Locator => page.locator('section', { has: page.getByRole('heading', { name: heading }) });

function nextYear(monthDay: string): string {
  return `${new Date().getUTCFullYear() + 1}-${monthDay}`;
}

const TEMPLATES = [
  { option: /Mutual mentoring, 12 months/, name: 'Browser mutual pilot', starts: nextYear('05-01'), sides: ['Mentor', 'Mentee'], months: 12, firstTopic: 'Getting to know each other' },
  { option: /Board-led reverse mentoring, 6 months/, name: 'Browser board programme', starts: nextYear('06-01'), sides: ['Board member', 'Reverse mentor'], months: 6, firstTopic: 'Lived experience' },
  { option: /Reciprocal mentoring/, name: 'Browser reciprocal cohort', starts: nextYear('07-01'), sides: ['Senior co-learner', 'Junior co-learner'], months: 12, firstTopic: 'Building the relationship' },
];

test('a programme manager creates a programme from each template and records training', async () => {
  const page = await signedIn(PAT, undefined, '/programmes');
  await page.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor();

  for (const template of TEMPLATES) {
    await page.goto(`${suite.server.url}/programmes`);
    await page.getByRole('radio', { name: template.option }).check();
    const form = page.getByRole('form', { name: /New programme from/ });
    await form.getByText('prefills').waitFor();
    await form.getByLabel('Name').fill(template.name);
    await form.getByLabel('First day').fill(template.starts);
    await form.getByRole('button', { name: 'Create programme' }).click();
    await page.getByRole('heading', { level: 1, name: template.name }).waitFor();

    // The plan, in the programme's own words, and its sections.
    await section(page, 'Plan').getByText(`${template.sides[0]} and ${template.sides[1]}`).waitFor();
    expect(await page.getByRole('list', { name: 'Curriculum months' }).locator(':scope > li').count()).toBe(template.months);
    await section(page, /^Curriculum/).getByRole('heading', { name: `Month 1: ${template.firstTopic}` }).waitFor();
    await section(page, /^Training/).getByRole('table', { name: 'Training modules' }).waitFor();
    await section(page, /Programme manager’s guide/).getByRole('table', { name: 'Guide' }).getByRole('rowheader', { name: /^Recruit participants/ }).waitFor();
    await main(page).getByLabel(template.sides[0], { exact: true }).waitFor();
  }
  await shot(page, 'programme-design-laptop');
  expect(await accessibilityProblems(page)).toEqual([]);

  // The reciprocal programme: edit a month, record Kit's foundations, tick a step by hand.
  const curriculum = section(page, /^Curriculum/);
  await curriculum.getByRole('button', { name: 'Edit month 2' }).click();
  const monthForm = page.getByRole('form', { name: 'Curriculum month 2' });
  await monthForm.getByLabel('Topic', { exact: true }).fill('Power, privilege and rotas');
  await monthForm.getByLabel('Reflection prompts').fill('Who chooses the night shifts?');
  await monthForm.getByRole('button', { name: 'Save month' }).click();
  await curriculum.getByRole('heading', { name: 'Month 2: Power, privilege and rotas' }).waitFor();
  await curriculum.getByText('Who chooses the night shifts?').waitFor();

  const training = page.getByRole('form', { name: 'Record training' });
  await training.getByLabel('Person').selectOption({ label: 'Kit Junior, Porter' });
  await training.getByLabel('Module').selectOption({ label: 'Reciprocal mentoring foundations (Both sides)' });
  await training.getByRole('button', { name: 'Record completion' }).click();
  await training.getByText('Kit Junior completed “Reciprocal mentoring foundations”: recorded.').waitFor();
  await page.getByRole('list', { name: 'Record of completions' }).getByText('recorded by Pat Manager').waitFor();
  await page.getByRole('table', { name: 'Training progress' }).getByText('Kit Junior').waitFor();

  const guide = section(page, /Programme manager’s guide/);
  await guide.getByRole('checkbox', { name: 'Ticked by hand: Celebrate' }).click();
  await guide.getByRole('row', { name: /^Celebrate/ }).getByText('Done', { exact: true }).waitFor();
  expect(await guide.getByRole('checkbox', { name: 'Ticked by hand: Celebrate' }).isChecked()).toBe(true);
  const programmeUrl = page.url();
  await page.context().close();

  // Kit records his own side's module on the same programme page.
  const kit = await signedIn(KIT, undefined, new URL(programmeUrl).pathname);
  await kit.getByRole('heading', { level: 1, name: 'Browser reciprocal cohort' }).waitFor();
  const modules = kit.getByRole('table', { name: 'Training modules' });
  await modules.getByText(/^Completed /).first().waitFor();
  await shot(kit, 'programme-training-co-learner-laptop');
  await modules.getByRole('button', { name: /I have completed this.*Junior co-learner: speaking up safely/ }).click();
  await modules.getByRole('row', { name: /Junior co-learner: speaking up safely/ }).getByText(/^Completed /).waitFor();
  expect(await kit.getByRole('table', { name: 'Guide' }).count()).toBe(0);
  expect(await kit.getByRole('button', { name: 'Edit wording and rules' }).count()).toBe(0);
  expect(await accessibilityProblems(kit)).toEqual([]);
  await kit.context().close();
}, 120_000);

test('a pair sees this month’s curriculum beside its contract topics', async () => {
  const page = await signedIn('jo.junior@northshore.example');
  const prompts = section(page, 'For your next session');
  await prompts.getByRole('list', { name: 'Focus topics' }).waitFor();
  await prompts.getByRole('heading', { name: /This month in the programme: / }).waitFor();
  await prompts.getByText('To reflect on').waitFor();
  await shot(page, 'pair-home-curriculum-laptop');
  await page.context().close();
});
