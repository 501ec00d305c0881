import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestApp, type TestApp } from './test-app';
// @ts-expect-error: plain ES module shared with `npm start`
import { root } from '../../scripts/build-if-needed.mjs';

/** The test app serving the built console (built once by the global setup). */
export function startConsoleApp(): Promise<TestApp> {
  return startTestApp({ config: { adminDir: path.join(root as string, 'dist', 'admin') } });
}

/**
 * Debian's Chromium, headless; playwright gives each launch a fresh, temporary profile. It never
 * inherits a preloaded library: the suite is also run under `faketime` (the product on another
 * date), and Chromium's zygote crashes under libfaketime.
 */
export function launchChromium(): Promise<Browser> {
  const { LD_PRELOAD: _preloaded, ...env } = process.env;
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    env: env as Record<string, string>,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Signs in through the French login page and waits for the home page's greeting. */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill('Demo-Snu-2026!');
  await page.locator('button[type="submit"]').click();
  await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toContain('Bienvenue');
}

export const pageText = (page: Page) => page.locator('body').innerText();

export interface ConsoleSession {
  readonly app: TestApp;
  readonly browser: Browser;
  login(page: Page, email: string): Promise<void>;
  /** A fresh browser context as a French user on a 1366×768 laptop (downloads kept), signed in as `email` when given. */
  newPage(email?: string): Promise<Page>;
}

/** « 1-25 sur N »: a list's total, as the page says it. */
export async function listTotal(page: Page): Promise<number> {
  return Number(/sur ([\d\u202f\u00a0]+)/.exec(await pageText(page))?.[1]?.replace(/\D/g, '') ?? NaN);
}

/** Registers the suite's set-up: the console app and a browser, closed after the suite. */
export function useConsoleInChromium(): ConsoleSession {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startConsoleApp();
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    get app() {
      if (!app) throw new Error('console app not started');
      return app;
    },
    get browser() {
      if (!browser) throw new Error('browser not started');
      return browser;
    },
    login: (page, email) => signIn(page, app!.url, email),
    async newPage(email) {
      const context = await browser!.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1366, height: 768 }, acceptDownloads: true });
      const page = await context.newPage();
      if (email) await signIn(page, app!.url, email);
      return page;
    },
  };
}
