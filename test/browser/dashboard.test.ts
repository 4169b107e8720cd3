import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, viewports } from '../helpers/browser';
import { ensureDemoData } from '../helpers/demo';
import { seedDemoInsight } from '../../server/src/modules/evaluation/evaluation.seed';
import { startTestServer, type TestServer } from '../helpers/server';

const clientIndex = path.resolve(__dirname, '../../client/dist/index.html');
const screenshots = path.resolve(__dirname, '../../test-results');

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(clientIndex)) throw new Error('client/dist is missing: run `npm run build:client` first.');
  fs.mkdirSync(screenshots, { recursive: true });
  server = await startTestServer();
  await ensureDemoData(server.db);
  await seedDemoInsight(server.db);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signInAsPat(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${server.url}/insight`);
  await page.getByLabel('Email').fill('pat.manager@northshore.example');
  await page.getByLabel('Password').fill('commonground');
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

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

  await page.getByRole('link', { name: 'Download changes (CSV)' }).waitFor();
  await page.waitForTimeout(300); // let the charts settle before the screenshot
  await page.screenshot({ path: path.join(screenshots, 'dashboard-laptop.png'), fullPage: true });

  // one programme, then its board report
  const programme = page.getByLabel('Programme');
  const options = await programme.locator('option').allTextContents();
  expect(options.length).toBeGreaterThan(1);
  await programme.selectOption({ label: options[options.length - 1] }); // the oldest programme: the one with a story
  await page.getByRole('heading', { name: 'Time to adoption' }).waitFor();
  await page.getByRole('link', { name: 'Board report' }).click();
  await page.getByRole('heading', { name: /report to the board/ }).waitFor();
  await page.getByRole('heading', { name: 'Adopted changes and their evidence' }).waitFor();
  // the evaluation: Northshore's demo has fewer than five respondents per group, so no figure is shown
  await page.getByText(/co-learners responded/).waitFor();
  expect(await page.getByText(/Fewer than 5 responses/).count()).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(screenshots, 'board-report-laptop.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
  await page.pdf?.({ path: path.join(screenshots, 'board-report.pdf'), format: 'A4' }).catch(() => undefined);
  await page.context().close();
});

test('on a phone the dashboard stacks its charts and never scrolls sideways', async () => {
  const page = await signInAsPat(viewports.phone);
  await page.locator('.recharts-surface').first().waitFor();
  await page.waitForTimeout(300);
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewports.phone.width);
  await page.screenshot({ path: path.join(screenshots, 'dashboard-phone.png'), fullPage: true });
  await page.context().close();
});
