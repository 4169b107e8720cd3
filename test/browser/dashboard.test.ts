import path from 'node:path';
import { demoBrowserSuite, viewports } from '../helpers/browser';

const suite = demoBrowserSuite();
const signInAsPat = (viewport: { width: number; height: number }) => suite.signedIn('pat.manager@northshore.example', viewport, '/insight');

test('Pat opens the dashboard and sees the charts, each with its table', async () => {
  const page = await signInAsPat(viewports.laptop);
  await page.getByRole('heading', { name: 'Insight', level: 1 }).waitFor();
  for (const title of ['From barrier to adopted change', 'Time to adoption', 'Barriers by category', 'Barriers by affected group', 'Pair activity']) {
    await page.getByRole('heading', { name: title }).waitFor();
  }
  await page.locator('.recharts-surface').first().waitFor();
  expect(await page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(5);
  expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(5);

  // every chart's figures are in a table that assistive technology reads, and a button shows it
  const funnel = page.getByRole('figure', { name: 'From barrier to adopted change' });
  expect(await funnel.getByRole('table').count()).toBe(1);
  await funnel.getByRole('button', { name: 'Show table' }).click();
  await funnel.getByRole('rowheader', { name: 'Barriers raised' }).waitFor();
  await funnel.getByRole('button', { name: 'Show chart' }).click();

  // The quiet pairs are listed with a nudge to hand (nudging itself is in the journey suite).
  const quiet = page.getByRole('region', { name: 'Pairs gone quiet' });
  await quiet.getByRole('link', { name: 'Rae Senior and Kit Junior' }).first().waitFor();
  // A nudge button, or when the pair was nudged this week (the journey suite may have done so).
  await quiet.getByRole('listitem').filter({ hasText: 'Rae Senior and Kit Junior' }).first().getByText(/^Nudge/).first().waitFor();

  await page.getByRole('link', { name: 'Download changes (CSV)' }).waitFor();
  await page.waitForTimeout(300); // let the charts settle before the screenshot
  await suite.shot(page, 'dashboard-laptop');

  // one programme, then its board report
  const programme = page.getByLabel('Programme');
  const options = await programme.locator('option').allTextContents();
  expect(options.length).toBeGreaterThan(1);
  // This year's cohort: the one with the story (last year's has only its sustainment reviews).
  await programme.selectOption({ label: options.find((o) => o.startsWith(`${new Date().getUTCFullYear()} Reciprocal Mentoring`))! });
  await page.getByRole('heading', { name: 'Time to adoption' }).waitFor();
  await page.getByRole('link', { name: 'Board report' }).click();
  await page.getByRole('heading', { name: /report to the board/ }).waitFor();
  await page.getByRole('heading', { name: 'Adopted changes and their evidence' }).waitFor();
  // the evaluation: Northshore's questionnaire is still open, so no figure is shown yet
  await page.getByText(/co-learners responded/).waitFor();
  // the reason is said once for the whole table, not in every cell
  expect(await page.getByText(/when the questionnaire closes/).count()).toBe(1);
  // a printed link shows its address once: the link reads as words, and print adds the address after it
  const links = await page.$$eval('.report a[href^="http"]', (as) => as.map((a) => [a.textContent ?? '', a.getAttribute('href') ?? '']));
  expect(links.length).toBeGreaterThan(0);
  for (const [text, href] of links) expect(text).not.toContain(href);
  await suite.shot(page, 'board-report-laptop');
  await page.emulateMedia({ media: 'print' });
  expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
  await page.pdf?.({ path: path.resolve(__dirname, '../../test-results/board-report.pdf'), format: 'A4' }).catch(() => undefined);
  await page.emulateMedia({ media: 'screen' });

  // Opened without a programme (a bookmark, a shared link), the report offers the programmes instead of a dead end.
  await page.goto(`${suite.server.url}/insight/report`);
  await page.getByRole('heading', { name: 'Board report', level: 1 }).waitFor();
  await page.getByRole('main').getByRole('link', { name: options[options.length - 1], exact: true }).click();
  await page.getByRole('heading', { name: /report to the board/ }).waitFor();
  await page.context().close();
}, 90_000); // the dashboard, a programme and its report: three pages

test('on a phone the dashboard stacks its charts and never scrolls sideways', async () => {
  const page = await signInAsPat(viewports.phone);
  await page.locator('.recharts-surface').first().waitFor();
  await page.waitForTimeout(300);
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewports.phone.width);
  await suite.shot(page, 'dashboard-phone');
  await page.context().close();
});
