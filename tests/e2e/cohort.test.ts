import { describe, expect, it } from 'vitest';
import { pageText, useConsoleInChromium } from '../setup/browser';
import { createVolunteer } from '../setup/fixtures';

/** National staff's cohort work in the console (Chromium, 1366×768): create, goals, force past a goal, archive. */
describe('cohorts in the console (Chromium)', () => {
  const session = useConsoleInChromium();
  const text = pageText;

  const newPage = (email?: string) => session.newPage(email);

  it('an admin creates a cohort (dates checked on the form), sets a goal, validates past it, archives it; a referent may do none of it', async () => {
    const app = session.app;
    const day = (offset: number) => new Date(app.seededAt.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const name = `Séjour e2e ${Date.now()}`;
    const page = await newPage('admin@demo.snu.test');

    await page.goto(`${app.url}/#/Cohort/create`);
    await page.getByLabel(/^Nom/).fill(name);
    await page.getByLabel(/^Ouverture des inscriptions/).fill(day(1));
    await page.getByLabel(/^Clôture des inscriptions/).fill(day(30));
    await page.getByLabel(/^Fin de l’instruction/).fill(day(90));
    await page.getByLabel(/^Début/).fill(day(60));
    await page.locator('input[name="endDate"]').fill(day(72));
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => text(page), { timeout: 10_000 }).toContain('La fin de l’instruction doit précéder le début du séjour.');
    await page.getByLabel(/^Fin de l’instruction/).fill(day(40));
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#\/Cohort\/[0-9a-f-]{36}\/show/);
    const [cohort] = await app.sql<{ id: string; status: string; instruction: string }>('select id, status, instruction_end_date::text as instruction from cohort where name = $1', [name]);
    expect(cohort).toMatchObject({ status: 'PUBLISHED', instruction: day(40) });
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    // A goal of 0 for Paris, from the cohort's page.
    await page.getByRole('tab', { name: 'Objectifs' }).click();
    await page.getByLabel('Objectif de 75 – Paris').fill('0');
    await page.getByRole('button', { name: 'Enregistrer les objectifs' }).click();
    await expect.poll(() => text(page), { timeout: 10_000 }).toContain('1 objectif enregistré.');
    expect(await app.sql(`select g.max from inscription_goal g join department d on d.id = g.department_id where g.cohort_id = $1 and d.code = '75'`, [cohort!.id])).toEqual([{ max: 0 }]);

    // The goal is reached: the admin is offered « Valider malgré l’objectif ».
    const volunteer = await createVolunteer(app, '75', 'WAITING_VALIDATION', { cohortId: cohort!.id });
    await page.goto(`${app.url}/#/Volunteer/${volunteer}/show`);
    await page.getByRole('button', { name: 'Valider', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText(), { timeout: 10_000 }).toMatch(/Objectif d’inscription atteint[\s\S]*objectif/);
    await dialog.getByRole('button', { name: 'Valider malgré l’objectif' }).click();
    await expect.poll(async () => (await app.sql<{ status: string }>('select status from volunteer where id = $1', [volunteer]))[0]!.status, { timeout: 10_000 }).toBe('VALIDATED');

    // The dashboard for this cohort, chosen in the picker: national rows by region, then by department.
    await page.goto(`${app.url}/#/`);
    await page.getByRole('combobox', { name: 'Séjour' }).click();
    await page.getByRole('option', { name }).click();
    const status = page.getByRole('table', { name: 'Volontaires par statut' });
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toContain('11 – Île-de-France');
    await page.getByRole('button', { name: 'Par département' }).click();
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toContain('75 – Paris');
    // Its one file, validated past Paris's goal of 0: the only status met, and the goal shown as reached.
    expect(await status.locator('thead th').allInnerTexts()).toEqual(['Territoire', 'Validé', 'Total']);
    expect((await status.getByRole('row', { name: /^75 – Paris/ }).locator('td').allInnerTexts()).map((t) => t.trim())).toEqual(['1', '1']);
    const goals = page.getByRole('region', { name: 'Objectifs d’inscription' });
    await expect.poll(() => goals.innerText(), { timeout: 10_000 }).toMatch(/75 – Paris\s+1 \/ 0 validés \(100,0\s%\) · atteint/);
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    // Archive, after a confirmation.
    await page.goto(`${app.url}/#/Cohort/${cohort!.id}/show`);
    await page.getByRole('button', { name: 'Archiver' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Archiver' }).click();
    await expect.poll(async () => (await app.sql<{ status: string }>('select status from cohort where id = $1', [cohort!.id]))[0]!.status, { timeout: 10_000 }).toBe('ARCHIVED');
    await expect.poll(() => text(page), { timeout: 10_000 }).toContain('Archivé');
    expect(await page.getByRole('button', { name: 'Archiver' }).count()).toBe(0);
    await page.context().close();

    const referent = await newPage('dept-75@demo.snu.test');
    await referent.goto(`${app.url}/#/Cohort/${cohort!.id}/show`);
    await expect.poll(() => text(referent), { timeout: 15_000 }).toContain(name);
    expect(await referent.getByRole('link', { name: 'Éditer' }).count()).toBe(0);
    expect(await referent.getByRole('button', { name: 'Archiver' }).count()).toBe(0);
    await referent.getByRole('tab', { name: 'Objectifs' }).click();
    await expect.poll(() => text(referent), { timeout: 10_000 }).toContain('75 – Paris');
    expect(await referent.getByRole('button', { name: 'Enregistrer les objectifs' }).count()).toBe(0);
    await referent.context().close();
  }, 180_000);
});
