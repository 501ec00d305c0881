import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startTestApp, type TestApp } from './test-app';
// @ts-expect-error: plain ES module shared with `npm start`
import { root } from '../../scripts/build-if-needed.mjs';

/** The test app serving the built console (built once by the global setup). */
export function startConsoleApp(): Promise<TestApp> {
  return startTestApp({ config: { adminDir: path.join(root as string, 'dist', 'admin') } });
}

/** Debian's Chromium, headless; playwright gives each launch a fresh, temporary profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
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
