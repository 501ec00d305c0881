import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useConsoleInChromium } from '../setup/browser';
import { openCohortId } from '../setup/fixtures';

/** The console as a person uses it: Debian's Chromium against the built console and the real API. */
describe('console in Chromium', () => {
  const session = useConsoleInChromium();
  const login = (page: Page, email: string) => session.login(page, email);

  it('a Paris referent sees only Paris volunteers, opens one; a 92 referent cannot reach it by URL', async () => {
    const context75 = await session.browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
    const page = await context75.newPage();
    await login(page, 'dept-75@demo.snu.test');
    await page.goto(`${session.app.url}/#/Volunteer`);
    // The list's own rows (the dashboard it leaves has tables too).
    const rows = page.locator('table tbody tr.RaDatagrid-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // Every department cell in the list shows Paris.
    const departmentCells = await page.locator('table tbody td.column-departmentId, table tbody td.column-department').allInnerTexts();
    expect(departmentCells.length).toBeGreaterThan(0);
    expect(departmentCells.every((text) => /75|Paris/.test(text))).toBe(true);

    // « Exporter » → CSV downloads every waiting Paris file (not only this page), nothing else.
    await page.getByRole('button', { name: 'Exporter' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^CSV/ }).click()]);
    const exported = parse(fs.readFileSync((await download.path())!, 'utf8'), { delimiter: ';', bom: true }) as string[][];
    const [{ n }] = await session.app.sql<{ n: number }>(
      `select count(*)::int as n from volunteer v join department d on d.id = v.department_id where d.code = '75' and v.status = 'WAITING_VALIDATION'`,
    );
    expect(exported[0]).toContain('Département');
    expect(exported.length - 1).toBe(n);
    expect(exported.slice(1).every((r) => r[exported[0].indexOf('Département')].startsWith('75'))).toBe(true);

    await rows.first().click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/#\/Volunteer\/[0-9a-f-]{36}\/show/);
    const volunteerUrl = page.url().replace(session.app.url, '');
    const volunteerId = /Volunteer\/([0-9a-f-]{36})/.exec(volunteerUrl)![1];
    const [row] = await session.app.sql<{ last_name: string; email: string }>('select last_name, email from volunteer where id = $1', [volunteerId]);
    await expect.poll(() => page.locator('main, #main-content, body').first().innerText(), { timeout: 10_000 }).toContain(row.email);
    await context75.close();

    const context92 = await session.browser.newContext({ locale: 'fr-FR' });
    const page92 = await context92.newPage();
    await login(page92, 'dept-92@demo.snu.test');
    await page92.goto(`${session.app.url}/${volunteerUrl.replace(/^\//, '')}`);
    await expect.poll(() => page92.locator('body').innerText(), { timeout: 15_000 }).toMatch(/introuvable|n’existe pas|n'existe pas|Élément non trouvé/i);
    // Its e-mail is unique: a namesake in 92 may legitimately appear in the list it falls back to.
    expect(await page92.locator('body').innerText()).not.toContain(row.email);
    await context92.close();
  });

  it('a visitor sees its region’s counts on the dashboard, without any link to personal data', async () => {
    const context = await session.browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await login(page, 'visitor-11@demo.snu.test');
    await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toContain('Chiffres agrégés de votre région');
    const cohortId = await openCohortId(session.app);
    const [{ n }] = await session.app.sql<{ n: number }>(
      `select count(*)::int as n from volunteer v join department d on d.id = v.department_id
       where d.code = '75' and v.cohort_id = $1 and v.status = 'WAITING_VALIDATION'`,
      [cohortId],
    );
    expect(n).toBeGreaterThan(0);
    // The status table: one row per department of the region; Paris's « En attente de validation » cell.
    const table = page.getByRole('table', { name: 'Volontaires par statut' });
    await expect.poll(() => table.innerText(), { timeout: 15_000 }).toContain('75 – Paris');
    const column = (await table.locator('thead th').allInnerTexts()).indexOf('En attente de validation');
    expect(column).toBeGreaterThan(0);
    const paris = table.getByRole('row', { name: /^75 – Paris/ });
    expect(await paris.locator('th, td').nth(column).innerText()).toBe(n.toLocaleString('fr-FR'));
    expect(await table.getByRole('row', { name: /^69 – Rhône/ }).count()).toBe(0);
    expect(await page.locator('a[href*="Volunteer"]').count()).toBe(0);
    expect(await page.locator('[role="alert"]').filter({ hasText: /erreur|rôle/i }).count()).toBe(0);
    await context.close();
  });
});
