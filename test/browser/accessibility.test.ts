import type { Page } from 'playwright-core';
import { accessibilityProblems } from '../helpers/axe';
import { demoBrowserSuite, viewports } from '../helpers/browser';

/**
 * Every page, as the person whose page it is sees it, checked by axe-core against WCAG 2.1 AA:
 * contrast, names of controls and links, landmarks, headings, form labels.
 */
const suite = demoBrowserSuite();

async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' }).catch(() => undefined);
  await page.locator('main h1').first().waitFor();
}

/** Opens the first link in the main content whose address starts with `prefix` (and is not a "new" form). */
async function openFirst(page: Page, prefix: string) {
  await page.locator(`main a[href^="${prefix}"]:not([href$="/new"]):not([href="${prefix}"])`).first().click();
  await settled(page);
}

async function expectAccessible(page: Page, what: string) {
  await settled(page);
  expect({ page: what, problems: await accessibilityProblems(page), cspViolations: suite.cspViolations }).toEqual({ page: what, problems: [], cspViolations: [] });
}

test('the sign-in page', async () => {
  const page = await suite.newPage(viewports.phone);
  await page.goto(suite.server.url);
  await expectAccessible(page, 'sign-in (phone)');
  await page.context().close();
});

test("a co-learner's pages: home (the pair's), barriers, a barrier, raising one, changes, a change, notifications, their account", async () => {
  const page = await suite.signedIn('jo.junior@northshore.example');
  await expectAccessible(page, 'home');
  for (const path of ['/barriers', '/barriers/new', '/changes', '/changes/new', '/notifications', '/account']) {
    await page.goto(`${suite.server.url}${path}`);
    await expectAccessible(page, path);
  }
  await page.goto(`${suite.server.url}/barriers`);
  await openFirst(page, '/barriers/');
  await expectAccessible(page, 'a barrier');
  await page.goto(`${suite.server.url}/changes`);
  await openFirst(page, '/changes/');
  await expectAccessible(page, 'a change');
  await page.context().close();
});

test("an owner's decision queue, on a phone", async () => {
  const page = await suite.signedIn('olu.owner@northshore.example', viewports.phone, '/decisions');
  await expectAccessible(page, 'decisions (phone)');
  await page.context().close();
});

test("a programme manager's pages: members, programmes, a programme, a pair, insight, questionnaires, the board report", async () => {
  const page = await suite.signedIn('pat.manager@northshore.example');
  for (const path of ['/members', '/programmes', '/insight', '/questionnaires', '/library/share']) {
    await page.goto(`${suite.server.url}${path}`);
    await expectAccessible(page, path);
  }
  await page.goto(`${suite.server.url}/members`);
  await page.getByRole('button', { name: 'Edit Olu Owner' }).click();
  await page.getByRole('button', { name: /^Remove Olu Owner from/ }).click();
  await expectAccessible(page, 'editing a member');
  await page.goto(`${suite.server.url}/programmes`);
  await page.getByRole('link', { name: '2026 Reciprocal Mentoring Cohort' }).click();
  await expectAccessible(page, 'a programme');
  await openFirst(page, '/pair/');
  await expectAccessible(page, 'a pair');
  await page.goto(`${suite.server.url}/insight`);
  await settled(page);
  const programme = page.getByLabel('Programme');
  await programme.selectOption({ index: 1 });
  await page.getByRole('link', { name: /board report/i }).click();
  await expectAccessible(page, 'board report');
  await page.context().close();
});

test("a community member's library and a case", async () => {
  const page = await suite.signedIn('casey.member@riverside.example', viewports.laptop, '/library');
  await expectAccessible(page, 'library');
  await openFirst(page, '/library/cases/');
  await expectAccessible(page, 'a case');
  await page.context().close();
});

test("a platform admin's organisations", async () => {
  const page = await suite.signedIn('admin@commonground.example', viewports.laptop, '/admin/organisations');
  await expectAccessible(page, 'organisations');
  await page.context().close();
});
