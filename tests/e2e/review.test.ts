import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageText, useConsoleInChromium } from '../setup/browser';

/** A department referent's review session in the console, and what another department sees of it. */
describe('reviewing files in the console (Chromium)', () => {
  const session = useConsoleInChromium();
  const login = (page: Page, email: string) => session.login(page, email);

  const text = pageText;
  const statusOf = async (id: string) => (await session.app.sql<{ status: string }>('select status from volunteer where id = $1', [id]))[0].status;

  async function openRow(page: Page, index: number): Promise<string> {
    await page.goto(`${session.app.url}/#/Volunteer`);
    const rows = page.locator('table tbody tr.RaDatagrid-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(index);
    await rows.nth(index).locator('td.column-lastName').click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/#\/Volunteer\/[0-9a-f-]{36}\/show/);
    return /Volunteer\/([0-9a-f-]{36})/.exec(page.url())![1];
  }

  it('validates two in bulk, refuses one, requests a correction on another; each shows in its history; 92 sees none of it', async () => {
    const context = await session.browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await login(page, 'dept-75@demo.snu.test');

    // The list opens on the files waiting for validation.
    await page.goto(`${session.app.url}/#/Volunteer`);
    const rows = page.locator('table tbody tr.RaDatagrid-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(4);
    const chips = await page.locator('table tbody td.column-status').allInnerTexts();
    expect(chips.every((c) => c.includes('En attente de validation'))).toBe(true);

    // Bulk validation of the first two rows.
    const firstTwo = [0, 1];
    const names = await Promise.all(firstTwo.map((i) => rows.nth(i).locator('td.column-lastName').innerText()));
    for (const i of firstTwo) await rows.nth(i).locator('input[type="checkbox"]').check();
    await page.getByRole('button', { name: 'Valider la sélection' }).click();
    // Nothing happens before the confirmation, which says how many files.
    const confirm = page.getByRole('dialog', { name: /Valider 2 dossiers/ });
    await expect.poll(() => confirm.innerText(), { timeout: 10_000 }).toMatch(/e-mails seront envoyés/);
    expect(await session.app.sql(`select 1 from audit_event where action = 'VOLUNTEER_VALIDATE' and created_at > now() - interval '10 minutes'`)).toHaveLength(0);
    await confirm.getByRole('button', { name: 'Valider 2 dossiers' }).click();
    const result = page.getByRole('dialog', { name: 'Résultat de la validation groupée' });
    await expect.poll(() => result.innerText(), { timeout: 15_000 }).toMatch(/2 dossiers validés\./);
    await result.getByRole('button', { name: 'Fermer' }).click();
    const validated = await session.app.sql<{ id: string; last_name: string }>(
      `select v.id, v.last_name from audit_event e join volunteer v on v.id = e.record_id
       where e.action = 'VOLUNTEER_VALIDATE' and e.created_at > now() - interval '10 minutes'`,
    );
    expect(validated.map((v) => v.last_name).sort()).toEqual([...names].sort());

    // Refuse one with a reason and a message.
    const refusedId = await openRow(page, 0);
    await page.getByRole('button', { name: 'Refuser' }).click();
    await page.locator('textarea[name="message"]').fill('Les conditions d’âge ne sont pas remplies.');
    await page.getByRole('dialog').getByRole('button', { name: 'Refuser' }).click();
    await expect.poll(() => statusOf(refusedId), { timeout: 10_000 }).toBe('REFUSED');
    await page.getByRole('tab', { name: 'Historique' }).click();
    await expect.poll(() => text(page), { timeout: 10_000 }).toMatch(/Julien Parisien a refusé le dossier/);
    expect(await text(page)).toMatch(/En attente de validation → Refusé/);

    // Request a correction on another.
    const correctedId = await openRow(page, 0);
    expect(correctedId).not.toBe(refusedId);
    await page.getByRole('button', { name: 'Demander une correction' }).click();
    await page.getByRole('dialog').getByRole('combobox').first().click();
    await page.getByRole('option', { name: 'Pièce d’identité' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').locator('textarea[name="message"]').fill('La photo de la pièce est illisible.');
    await page.getByRole('dialog').getByRole('button', { name: 'Demander une correction' }).click();
    await expect.poll(() => statusOf(correctedId), { timeout: 10_000 }).toBe('WAITING_CORRECTION');
    await page.getByRole('tab', { name: 'Historique' }).click();
    await expect.poll(() => text(page), { timeout: 10_000 }).toMatch(/a demandé des corrections/);
    await page.getByRole('tab', { name: 'Corrections' }).click();
    // The field by its French name (no internal key), and the message the referent wrote.
    await expect.poll(() => text(page), { timeout: 10_000 }).toMatch(/Pièce d’identité/);
    expect(await text(page)).toContain('La photo de la pièce est illisible.');
    expect(await page.locator('td.column-field, td').allInnerTexts()).not.toContain('identityDocument');

    // The validated ones show their decision in their history too.
    await page.goto(`${session.app.url}/#/Volunteer/${validated[0].id}/show/historique`);
    await expect.poll(() => text(page), { timeout: 10_000 }).toMatch(/a validé le dossier/);
    await context.close();

    // Another department sees none of these files or their history.
    const other = await session.browser.newContext({ locale: 'fr-FR' });
    const page92 = await other.newPage();
    await login(page92, 'dept-92@demo.snu.test');
    for (const id of [refusedId, correctedId, validated[0].id]) {
      await page92.goto(`${session.app.url}/#/Volunteer/${id}/show/historique`);
      await expect.poll(() => text(page92), { timeout: 15_000 }).toMatch(/n'existe pas|n’existe pas|introuvable/i);
      expect(await text(page92)).not.toMatch(/a refusé le dossier|a demandé des corrections|a validé le dossier/);
    }
    await other.close();
  });
});
