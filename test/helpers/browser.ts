import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureDemoData } from './demo';
import { startTestServer, type TestServer } from './server';

type Viewport = { width: number; height: number };

/** Where the system Chromium lives; CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A headless Chromium for browser tests: no sandbox (containers), no background network chatter. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const viewports = {
  laptop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

export const DEMO_PASSWORD = 'commonground';
const clientIndex = path.resolve(__dirname, '../../client/dist/index.html');
const screenshots = path.resolve(__dirname, '../../test-results');

/**
 * The shared set-up of a browser suite: the real server on the demo data (library and
 * questionnaire included) and one headless Chromium; each person gets their own context.
 */
export function demoBrowserSuite() {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!fs.existsSync(clientIndex)) throw new Error('client/dist is missing: run `npm run build:client` first.');
    fs.mkdirSync(screenshots, { recursive: true });
    server = await startTestServer();
    await ensureDemoData(server.db);
    browser = await launchBrowser();
  }, 60_000);

  // What the browser refused under the server's Content-Security-Policy: each one is a broken feature.
  const cspViolations: string[] = [];

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(cspViolations).toEqual([]);
  });

  const suite = {
    cspViolations,
    get server(): TestServer {
      return server;
    },
    async newPage(viewport: Viewport = viewports.laptop): Promise<Page> {
      const context = await browser.newContext({ viewport, locale: 'en-GB' });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('Content Security Policy')) cspViolations.push(`${page.url()}: ${message.text()}`);
      });
      return page;
    },
    /** A page signed in as `email` (a demo account), opened at `start`. */
    async signedIn(email: string, viewport: Viewport = viewports.laptop, start = '/'): Promise<Page> {
      const page = await suite.newPage(viewport);
      await page.goto(`${server.url}${start}`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      await page.locator('.app-header').waitFor();
      return page;
    },
    /** A full-page screenshot in test-results/, to look at. */
    async shot(page: Page, name: string): Promise<void> {
      await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
    },
  };
  return suite;
}
