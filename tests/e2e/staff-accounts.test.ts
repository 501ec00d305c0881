import { describe, expect, it } from 'vitest';
import { listTotal, pageText, useConsoleInChromium } from '../setup/browser';

/** Staff accounts in the console (Chromium, 1366×768): invite, activate from the e-mail's link, disable. */
describe('staff accounts in the console (Chromium)', () => {
  const session = useConsoleInChromium();
  const text = pageText;

  const newPage = (email?: string) => session.newPage(email);

  it('region 11 invites a referent of 92; the invitee activates its account from the link; disabling it signs it out', async () => {
    const app = session.app;
    const page = await newPage('region-11@demo.snu.test');
    await page.getByRole('menuitem', { name: 'Comptes' }).click();
    await expect.poll(() => text(page), { timeout: 15_000 }).toContain('dept-92@demo.snu.test');
    expect(await text(page)).not.toContain('admin@demo.snu.test');
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    const address = `e2e.${Date.now()}@exemple.gouv.fr`;
    await page.goto(`${app.url}/#/User/create`);
    await page.getByLabel(/^E-mail/).fill(address);
    await page.getByLabel(/^Prénom/).fill('Alex');
    await page.getByLabel(/^Nom/).fill('Invitée');
    await page.getByLabel(/^Rôle/).click();
    // A regional manager is offered only what it may grant.
    expect(await page.getByRole('option').allInnerTexts()).toEqual(['Référent départemental', 'Chef de centre', 'Observateur']);
    await page.getByRole('option', { name: 'Référent départemental' }).click();
    const departments = page.getByRole('combobox', { name: 'Départements' });
    await departments.click();
    await departments.fill('92');
    await page.getByRole('option', { name: /^92 – / }).click();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#\/User\/[0-9a-f-]{36}\/show/);
    const [user] = await app.sql<{ status: string; role: string }>('select status, role from staff_user where email = $1', [address]);
    expect(user).toEqual({ status: 'INVITED', role: 'REFERENT_DEPARTMENT' });

    // The link of the e-mail, opened in another browser.
    const [message] = await app.sql<{ body: string }>('select body from email_message where recipient = $1', [address]);
    const token = /token=([A-Za-z0-9_-]+)/.exec(message!.body)![1]!;
    const invitee = await newPage();
    await invitee.goto(`${app.url}/#/login?token=${token}`);
    await invitee.locator('input[name="newPassword"]').fill('trop-simple');
    await invitee.locator('input[name="again"]').fill('trop-simple');
    await invitee.getByRole('button', { name: 'Activer mon compte' }).click();
    await expect.poll(() => text(invitee), { timeout: 10_000 }).toMatch(/Le mot de passe doit comporter au moins 12 caractères/);
    await invitee.locator('input[name="newPassword"]').fill('Un-Secret-Solide-2026');
    await invitee.locator('input[name="again"]').fill('Un-Secret-Solide-2026');
    await invitee.getByRole('button', { name: 'Activer mon compte' }).click();
    await expect.poll(() => text(invitee), { timeout: 15_000 }).toContain('Bienvenue, Alex Invitée');
    expect(await app.sql('select status from staff_user where email = $1', [address])).toEqual([{ status: 'ACTIVE' }]);

    // Disabled by its manager: the invitee's next page is the login page.
    await page.reload();
    await page.getByRole('button', { name: 'Désactiver' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Désactiver' }).click();
    await expect.poll(async () => (await app.sql<{ status: string }>('select status from staff_user where email = $1', [address]))[0]!.status, { timeout: 10_000 }).toBe('DISABLED');
    await invitee.reload();
    await expect.poll(() => invitee.url(), { timeout: 15_000 }).toMatch(/#\/login/);
    await invitee.context().close();
    await page.context().close();
  }, 180_000);

  it('an admin acts as the Paris referent: the banner, the referent’s scope, then « Arrêter »', async () => {
    const app = session.app;
    const page = await newPage('admin@demo.snu.test');
    const [referent] = await app.sql<{ id: string }>(`select id from staff_user where email = 'dept-75@demo.snu.test'`);
    await page.goto(`${app.url}/#/User/${referent!.id}/show`);
    await page.getByRole('button', { name: 'Agir en tant que' }).click();
    await expect.poll(() => text(page), { timeout: 15_000 }).toMatch(/Vous agissez en tant que Julien Parisien \(dept-75@demo\.snu\.test\)/);
    await page.getByRole('menuitem', { name: 'Volontaires' }).click();
    // The referent's list opens on the files waiting for validation, of Paris only.
    const [{ n }] = await app.sql<{ n: number }>(`select count(*)::int as n from volunteer v join department d on d.id = v.department_id where d.code = '75' and v.status = 'WAITING_VALIDATION'`);
    await expect.poll(() => listTotal(page), { timeout: 15_000 }).toBe(n);
    expect(await page.getByRole('menuitem', { name: 'Affectation' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Arrêter' }).click();
    await expect.poll(() => text(page), { timeout: 15_000 }).toContain('Bienvenue, Claire Administratrice');
    expect(await text(page)).not.toContain('Vous agissez en tant que');
    const events = await app.sql<{ action: string }>(`select action from audit_event where record_id = $1 and action like 'IMPERSONATION_%' order by seq`, [referent!.id]);
    expect(events.map((e) => e.action)).toEqual(['IMPERSONATION_STARTED', 'IMPERSONATION_STOPPED']);
    await page.context().close();
  }, 120_000);
});
