import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, pageText, signIn } from '../setup/browser';
import { openCohortId } from '../setup/fixtures';
import { startTestApp, type TestApp } from '../setup/test-app';
// @ts-expect-error: plain ES module shared with `npm start`
import { root } from '../../scripts/build-if-needed.mjs';

const VIEWPORT = { width: 1366, height: 768 };

/** The « Affectation » page in Chromium: a regional manager simulates, reads the report and applies it. */
describe('automatic assignment in the console', () => {
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // The simulation is computed by the job queue: this app runs its workers (the shared console set-up does not).
    app = await startTestApp({ config: { adminDir: path.join(root as string, 'dist', 'admin') }, jobs: {} });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
  });

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: VIEWPORT, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, app.url, email);
    return page;
  }

  // A string: the tests are compiled without the DOM library.
  const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

  const assignedInRegion = async (regionCode: string, cohortId: string) =>
    (
      await app.sql<{ n: number }>(
        `select count(*)::int as n from volunteer v join department d on d.id = v.department_id join region r on r.id = d.region_id
         where r.code = $1 and v.cohort_id = $2 and v.phase1_status = 'ASSIGNED'`,
        [regionCode, cohortId],
      )
    )[0].n;

  const convocationsSent = async () =>
    (await app.sql<{ n: number }>(`select count(*)::int as n from email_message where template = 'VOLUNTEER_ASSIGNED' and recipient_kind = 'VOLUNTEER'`))[0].n;

  let simulationId = '';

  it('region 11: opens « Affectation » from the menu, simulates the open cohort for 75 and 92, reads the report and its charts, applies it; the gauges move', async () => {
    const cohortId = await openCohortId(app);
    const [cohort] = await app.sql<{ name: string }>('select name from cohort where id = $1', [cohortId]);
    const assignedBefore = await assignedInRegion('11', cohortId);
    const mailedBefore = await convocationsSent();
    const page = await signedIn('region-11@demo.snu.test');

    await page.getByRole('menuitem', { name: 'Affectation' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/affectation/);
    await page.getByRole('heading', { level: 1, name: 'Affectation automatique' }).waitFor({ timeout: 15_000 });
    // The open cohort is chosen by default, the region is the manager's own.
    const form = page.locator('.MuiCardContent-root').first();
    await expect.poll(() => form.innerText(), { timeout: 10_000 }).toContain(cohort.name);
    expect(await form.innerText()).toContain('Île-de-France');
    expect(await form.innerText()).toContain('Tous les départements de la région');

    // For Paris and Hauts-de-Seine only.
    await page.getByRole('combobox', { name: 'Départements' }).click();
    for (const name of ['75 – Paris', '92 – Hauts-de-Seine']) await page.getByRole('option', { name }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => form.innerText()).toContain('75 – Paris, 92 – Hauts-de-Seine');

    await page.getByRole('button', { name: 'Lancer la simulation' }).click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/simulation=[0-9a-f-]{36}/);
    simulationId = /simulation=([0-9a-f-]{36})/.exec(page.url())![1];
    const [{ codes }] = await app.sql<{ codes: string[] }>(
      `select array(select d.code from department d where d.id = any(s.department_ids) order by d.code) as codes from assignment_simulation s where s.id = $1`,
      [simulationId],
    );
    expect(codes).toEqual(['75', '92']);

    // The report, once the job is done (the page polls every second).
    const placedCell = page.locator('tr[data-measure="placed"] td[data-method="proposal"]');
    await placedCell.waitFor({ timeout: 120_000 });
    const [simulation] = await app.sql<{ status: string; placed: number; region_code: string; cohort_id: string }>(
      `select s.status, s.placed, r.code as region_code, s.cohort_id from assignment_simulation s join region r on r.id = s.region_id where s.id = $1`,
      [simulationId],
    );
    expect(simulation).toMatchObject({ status: 'READY', region_code: '11', cohort_id: cohortId });
    expect(simulation.placed).toBeGreaterThan(0);
    expect(await placedCell.innerText()).toBe(simulation.placed.toLocaleString('fr-FR'));
    const text = await pageText(page);
    expect(text).toContain('Comparaison des méthodes');
    expect(text).toContain('Recherche aléatoire (ancienne plateforme)');
    expect(text).toContain('Télécharger le rapport (XLSX)');
    // The report downloads as a workbook whose summary gives the same figure.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le rapport (XLSX)' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const placedRow = workbook.getWorksheet('Synthèse')!.getRows(1, 10)!.find((r) => r.getCell(1).value === 'Placés')!;
    expect(placedRow.getCell(2).value).toBe(simulation.placed);
    // The charts: fill per session beside the former random search, and the shares per centre.
    for (const name of ['Remplissage des sessions', 'Équilibre entre centres']) {
      const chart = page.getByRole('region', { name });
      await chart.locator('svg').first().waitFor({ timeout: 15_000 });
      expect(await chart.innerText()).toContain('Lycée');
    }
    expect(await page.getByRole('region', { name: 'Remplissage des sessions' }).innerText()).toContain('Recherche aléatoire (ancienne plateforme)');
    // The session the proposal fills most, and its gauge before « Appliquer ».
    const [busiest] = await app.sql<{ id: string; placed: number }>(
      `select (x->>'sessionId')::uuid as id, (x->>'placed')::int as placed from assignment_simulation s, jsonb_array_elements(s.report->'sessions') x
       where s.id = $1 order by 2 desc limit 1`,
      [simulationId],
    );
    const gauge = async () => {
      const [row] = await app.sql<{ total: number; left: number }>('select places_total as total, places_left as left from session where id = $1', [busiest.id]);
      return `${Math.round((100 * (row.total - row.left)) / row.total)} %`;
    };
    const gaugeBefore = await gauge();
    // Listed among the region's recent simulations, as ready.
    await expect.poll(() => page.locator(`tr[data-simulation="${simulationId}"]`).innerText(), { timeout: 10_000 }).toContain('Prête');
    expect(await pageWidth(page)).toBeLessThanOrEqual(VIEWPORT.width);

    // Meanwhile one proposed volunteer withdraws: applying skips it and says why.
    const [{ id: withdrawn }] = await app.sql<{ id: string }>(
      `select (a->>'volunteerId')::uuid as id from assignment_simulation s, jsonb_array_elements(s.report->'assignments') a where s.id = $1 order by 1 limit 1`,
      [simulationId],
    );
    await app.sql(`update volunteer set status = 'WITHDRAWN', version = version + 1 where id = $1`, [withdrawn]);

    // « Appliquer »: the dialog says how many files and e-mails, then the proposal is written.
    await page.getByRole('button', { name: 'Appliquer' }).click();
    const dialog = page.getByRole('dialog');
    const count = simulation.placed.toLocaleString('fr-FR');
    await expect.poll(() => dialog.innerText(), { timeout: 5_000 }).toContain(`Affecter ${count} volontaire`);
    expect(await dialog.innerText()).toContain(`${count} convocation`);
    await dialog.getByRole('button', { name: 'Affecter' }).click();

    const result = page.getByTestId('applied-result');
    await result.waitFor({ timeout: 60_000 });
    const [done] = await app.sql<{ status: string; applied: number; skipped: number }>('select status, applied, skipped from assignment_simulation where id = $1', [simulationId]);
    expect(done.status).toBe('APPLIED');
    expect(done.applied + done.skipped).toBe(simulation.placed);
    expect(done.skipped).toBe(1);
    const skippedLink = `a[href="#/Volunteer/${withdrawn}/show"]`;
    await result.locator(skippedLink).waitFor({ timeout: 5_000 });
    expect(await result.locator('tr', { has: page.locator(skippedLink) }).innerText()).toContain('Seuls les dossiers validés peuvent être affectés');
    expect(await assignedInRegion('11', cohortId)).toBe(assignedBefore + simulation.placed - done.skipped);
    expect(await result.innerText()).toContain(`${done.applied.toLocaleString('fr-FR')} volontaire`);
    // Each assigned volunteer got its convocation e-mail, as the dialog said.
    expect(await convocationsSent()).toBe(mailedBefore + done.applied);
    // The busiest session's gauge moved, as its page shows.
    const gaugeAfter = await gauge();
    expect(gaugeAfter).not.toBe(gaugeBefore);
    await page.goto(`${app.url}/#/Session/${busiest.id}/show`);
    await expect.poll(() => page.locator('[role="progressbar"]').first().getAttribute('aria-label'), { timeout: 15_000 }).toBe(gaugeAfter);
    await page.goto(`${app.url}/#/affectation?simulation=${simulationId}`);
    await placedCell.waitFor({ timeout: 15_000 });
    // Applied: no second « Appliquer ».
    expect(await page.getByRole('button', { name: 'Appliquer' }).count()).toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(VIEWPORT.width);
  });

  it('region 84 sees its own region and not region 11’s simulation; a department referent has no « Affectation »', async () => {
    expect(simulationId).not.toBe('');
    const page84 = await signedIn('region-84@demo.snu.test');
    await page84.goto(`${app.url}/#/affectation`);
    await page84.getByRole('heading', { level: 1, name: 'Affectation automatique' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => page84.locator('.MuiCardContent-root').first().innerText(), { timeout: 10_000 }).toContain('Auvergne-Rhône-Alpes');
    // The list is loaded (a table or « Aucune simulation »), and region 11's simulation is not in it.
    const recent = page84.getByRole('region', { name: 'Simulations récentes de la région' });
    await expect.poll(() => recent.innerText(), { timeout: 10_000 }).toMatch(/Aucune simulation|Date/);
    expect(await page84.locator(`[data-simulation="${simulationId}"]`).count()).toBe(0);
    // Nor by its address.
    await page84.goto(`${app.url}/#/affectation?simulation=${simulationId}`);
    await expect.poll(() => pageText(page84), { timeout: 10_000 }).toContain('Cette simulation est introuvable');
    expect(await page84.locator('tr[data-measure]').count()).toBe(0);
    expect(await pageWidth(page84)).toBeLessThanOrEqual(VIEWPORT.width);

    const page75 = await signedIn('dept-75@demo.snu.test');
    await page75.getByRole('menuitem', { name: 'Volontaires' }).waitFor({ timeout: 10_000 });
    expect(await page75.getByRole('menuitem', { name: 'Affectation' }).count()).toBe(0);
    await page75.goto(`${app.url}/#/affectation`);
    await expect.poll(() => pageText(page75), { timeout: 10_000 }).toContain('réservée aux référents régionaux');
  });
});
