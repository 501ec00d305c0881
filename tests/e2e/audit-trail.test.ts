import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listTotal, pageText, useConsoleInChromium } from '../setup/browser';

/** « Historique » in the console (Chromium, 1366×768): each reader sees the events of its territory only. */
describe('the audit trail in the console (Chromium)', () => {
  const session = useConsoleInChromium();
  const text = pageText;

  const newPage = (email?: string) => session.newPage(email);


  it('region 11 sees the events of its departments only, in French, old → new; a head of centre has no « Historique »', async () => {
    const app = session.app;
    const page = await newPage('region-11@demo.snu.test');
    await page.getByRole('menuitem', { name: 'Historique' }).click();
    const [{ n }] = await app.sql<{ n: number }>(
      `select count(*)::int as n from audit_event e join department d on d.id = e.department_id join region r on r.id = d.region_id where r.code = '11'`,
    );
    await expect.poll(() => listTotal(page), { timeout: 15_000 }).toBe(n);
    const [{ all }] = await app.sql<{ all: number }>('select count(*)::int as "all" from audit_event');
    expect(n).toBeLessThan(all);
    await expect.poll(() => text(page), { timeout: 10_000 }).toMatch(/a validé le dossier[\s\S]*Statut : En attente de validation → Validé/);
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    // Filtered to one record type, as on screen.
    await page.getByRole('combobox', { name: 'Élément' }).click();
    await page.getByRole('option', { name: 'Volontaire', exact: true }).click();
    const [{ files }] = await app.sql<{ files: number }>(
      `select count(*)::int as files from audit_event e join department d on d.id = e.department_id join region r on r.id = d.region_id where r.code = '11' and e.record_type = 'Volunteer'`,
    );
    expect(files).toBeGreaterThan(0);
    await expect.poll(() => listTotal(page), { timeout: 10_000 }).toBe(files);

    // « Exporter » → Excel: the same rows as on screen, in a workbook.
    await page.getByRole('button', { name: 'Exporter' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Excel (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^historique-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    expect(workbook.worksheets[0]!.rowCount - 1).toBe(files);
    await page.context().close();

    const head = await newPage('head-center@demo.snu.test');
    expect(await head.getByRole('menuitem', { name: 'Historique' }).count()).toBe(0);
    await head.context().close();
  }, 120_000);
});
