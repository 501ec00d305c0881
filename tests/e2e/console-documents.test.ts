import type { Page } from 'playwright-core';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { getSchema } from '../../server/graphql/schema';
import { QUERY_LIMITS, queryLimits } from '../../server/graphql/limits';
import { useConsoleInChromium } from '../setup/browser';

/** Half of each query limit: the console's documents must leave that much room. */
const HALF = Object.fromEntries(Object.entries(QUERY_LIMITS).map(([k, v]) => [k, Math.floor(v / 2)])) as { [K in keyof typeof QUERY_LIMITS]: number };

/**
 * Every GraphQL document the console sends on a tour of its pages (as national staff, who see
 * every page, and as a department referent), recorded from the browser: each is answered without
 * QUERY_TOO_COMPLEX, and each stays under half of every limit (depth, aliases, directives, cost, tokens).
 */
describe('the console’s GraphQL documents and the query limits (Chromium)', () => {
  const session = useConsoleInChromium();

  async function tour(page: Page, email: string, paths: string[], documents: Map<string, string>, refusals: string[]): Promise<void> {
    let pending = 0;
    page.on('requestfinished', () => (pending = Math.max(0, pending - 1)));
    page.on('requestfailed', () => (pending = Math.max(0, pending - 1)));
    page.on('request', (request) => {
      pending += 1;
      if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
      const body = request.postDataJSON() as { query?: string } | null;
      if (body?.query) documents.set(body.query, `${email} ${page.url().split('#')[1] ?? '/'}`);
    });
    page.on('response', async (response) => {
      if (!response.url().endsWith('/graphql')) return;
      const text = await response.text().catch(() => '');
      if (text.includes('QUERY_TOO_COMPLEX')) refusals.push(`${page.url()}: ${text.slice(0, 200)}`);
    });
    // The page has sent what it needs: no request in flight for half a second.
    const settle = async () => {
      let quiet = 0;
      while (quiet < 5) {
        await page.waitForTimeout(100);
        quiet = pending === 0 ? quiet + 1 : 0;
      }
    };
    await session.login(page, email);
    for (const path of paths) {
      await page.goto(`${session.app.url}/#${path}`);
      await page.waitForTimeout(300);
      await settle();
      // A list page: open its first record too (its show page and tabs send their own documents).
      const firstRow = page.locator('table tbody tr.RaDatagrid-row').first();
      if (/^\/[A-Z]\w+$/.test(path) && (await firstRow.count()) > 0) {
        await firstRow.locator('td').nth(1).click();
        await page.waitForTimeout(300);
        await settle();
        for (const tab of await page.getByRole('tab').all()) {
          await tab.click();
          await settle();
        }
      }
    }
  }

  it('all are answered, and all stay under half of every limit', async () => {
    const documents = new Map<string, string>();
    const refusals: string[] = [];
    const resources = ['/Volunteer', '/Cohort', '/CohesionCenter', '/Session', '/MeetingPoint', '/TransportLine', '/Department', '/Region'];
    const tours: Array<[string, string[]]> = [
      ['admin@demo.snu.test', ['/', ...resources, '/CohesionCenter/create', '/Session/create', '/MeetingPoint/create', '/TransportLine/create', '/affectation']],
      ['dept-75@demo.snu.test', ['/', '/Volunteer']],
    ];
    for (const [email, paths] of tours) {
      // A browser of its own per account (cookies).
      const context = await session.browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 768 } });
      await tour(await context.newPage(), email, paths, documents, refusals);
      await context.close();
    }

    expect(refusals).toEqual([]);
    // The tour did reach the console's pages: lists, records, the dashboard, the placement page.
    expect(documents.size).toBeGreaterThan(20);
    const schema = await getSchema();
    const { validationRules } = queryLimits(HALF);
    const overHalf: string[] = [];
    for (const [document, where] of documents) {
      let errors: readonly { message: string }[];
      try {
        errors = validate(schema, parse(document, { maxTokens: HALF.tokens }), validationRules);
      } catch (error) {
        errors = [{ message: String(error) }];
      }
      if (errors.length) overHalf.push(`${where}: ${errors.map((e) => e.message).join('; ')}\n${document.slice(0, 300)}`);
    }
    expect(overHalf).toEqual([]);
  }, 240_000);
});
