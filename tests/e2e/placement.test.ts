import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageText, useConsoleInChromium } from '../setup/browser';
import { openCohortId } from '../setup/fixtures';
import { pdfText } from '../setup/pdf-text';

/** A regional manager's placement work in the console (Chromium, 1366×768), and what others see of it. */
describe('placing volunteers in the console (Chromium)', () => {
  const session = useConsoleInChromium();
  const text = pageText;

  const newPage = (email?: string) => session.newPage(email);

  /** A form field by its label, required (« Nom * ») or not. */
  const field = (label: string) => new RegExp(`^${label.replace(/[()]/g, '\\$&')}\\s*\\*?$`);

  /** Types into a react-admin autocomplete and picks the option whose text matches. */
  async function choose(page: Page, field: Locator, typed: string, option: RegExp): Promise<void> {
    await field.click();
    await field.fill(typed);
    await page.getByRole('option', { name: option }).first().click();
  }

  const savedId = async (page: Page, resource: string): Promise<string> => {
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(new RegExp(`#/${resource}/[0-9a-f-]{36}/show`));
    return new RegExp(`${resource}/([0-9a-f-]{36})`).exec(page.url())![1]!;
  };

  const noHorizontalScroll = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

  it('a regional manager creates a meeting point, a centre, a session and a line, assigns a Paris volunteer to it and downloads the convocation; another region finds none of it', async () => {
    const app = session.app;
    const cohortId = await openCohortId(app);
    const [cohort] = await app.sql<{ name: string; start: string }>('select name, start_date::text as start from cohort where id = $1', [cohortId]);
    const page = await newPage('region-11@demo.snu.test');

    // Meeting point in Paris.
    await page.goto(`${app.url}/#/MeetingPoint/create`);
    await page.getByLabel(field('Nom')).fill('Gare de Lyon – parvis (e2e)');
    await page.getByLabel(field('Adresse')).fill('Place Louis-Armand');
    await page.getByLabel(field('Code postal')).fill('75012');
    await page.getByLabel(field('Ville')).fill('Paris');
    await choose(page, page.getByRole('combobox', { name: field('Département') }), '75', /^75 – Paris$/);
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const meetingPointId = await savedId(page, 'MeetingPoint');
    const [point] = await app.sql<{ name: string; code: string }>('select m.name, d.code from meeting_point m join department d on d.id = m.department_id where m.id = $1', [meetingPointId]);
    expect(point).toEqual({ name: 'Gare de Lyon – parvis (e2e)', code: '75' });

    // Centre in Seine-et-Marne; a wrong postcode is caught on the form first.
    await page.goto(`${app.url}/#/CohesionCenter/create`);
    await page.getByLabel(field('Nom')).fill('Centre e2e de Fontainebleau');
    await page.getByLabel(field('Adresse')).fill('1 route de la Forêt');
    await page.getByLabel(field('Code postal')).fill('7730');
    await page.getByLabel(field('Ville')).fill('Fontainebleau');
    await choose(page, page.getByRole('combobox', { name: field('Département') }), '77', /^77 – Seine-et-Marne$/);
    await page.getByLabel(field('Capacité')).fill('40');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => text(page), { timeout: 10_000 }).toContain('Le code postal comporte 5 chiffres.');
    await page.getByLabel(field('Code postal')).fill('77300');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const centerId = await savedId(page, 'CohesionCenter');
    const [center] = await app.sql<{ capacity: number; code: string }>('select c.capacity, d.code from cohesion_center c join department d on d.id = c.department_id where c.id = $1', [centerId]);
    expect(center).toEqual({ capacity: 40, code: '77' });

    // Session of the open cohort in that centre.
    await page.goto(`${app.url}/#/Session/create`);
    await choose(page, page.getByRole('combobox', { name: field('Séjour') }), cohort!.name, new RegExp(`^${cohort!.name}$`));
    await choose(page, page.getByRole('combobox', { name: field('Centre') }), 'Centre e2e', /Centre e2e de Fontainebleau/);
    await page.getByLabel(field('Places')).fill('30');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const sessionId = await savedId(page, 'Session');
    expect(await app.sql('select places_total, places_left from session where id = $1', [sessionId])).toEqual([{ places_total: 30, places_left: 30 }]);

    // The server's refusal shows on the form: a capacity below the session's places.
    await page.goto(`${app.url}/#/CohesionCenter/${centerId}`);
    await expect.poll(() => page.getByLabel(field('Capacité')).inputValue(), { timeout: 10_000 }).toBe('40');
    await page.getByLabel(field('Capacité')).fill('10');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => text(page), { timeout: 10_000 }).toContain('La capacité (10) ne peut pas être inférieure aux places d’une de ses sessions (30).');
    expect(await app.sql('select capacity from cohesion_center where id = $1', [centerId])).toEqual([{ capacity: 40 }]);

    // A line to the session, leaving the new meeting point at 08:30 (Paris time) on the first day.
    await page.goto(`${app.url}/#/TransportLine/create`);
    await choose(page, page.getByRole('combobox', { name: field('Session') }), 'Centre e2e', /Centre e2e de Fontainebleau/);
    await page.getByLabel(field('Code')).fill('E2E-1');
    await page.getByLabel(field('Places')).fill('5');
    await page.getByRole('button', { name: 'Ajouter' }).click();
    await choose(page, page.getByRole('combobox', { name: field('Point de rassemblement') }), 'Gare de Lyon', /Gare de Lyon – parvis \(e2e\)/);
    await page.getByLabel(field('Départ')).fill(`${cohort!.start}T08:30`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const lineId = await savedId(page, 'TransportLine');
    await expect.poll(() => text(page), { timeout: 10_000 }).toContain('Gare de Lyon – parvis (e2e) (Paris)');
    const [stop] = await app.sql<{ at: string; seats: number }>(
      `select to_char(s.departure_at at time zone 'Europe/Paris', 'YYYY-MM-DD HH24:MI') as at, l.seats_left as seats
       from transport_line l join transport_line_stop s on s.line_id = l.id where l.id = $1`,
      [lineId],
    );
    expect(stop).toEqual({ at: `${cohort!.start} 08:30`, seats: 5 });

    // Assign a validated Paris volunteer awaiting assignment, from its page.
    const [volunteer] = await app.sql<{ id: string; last_name: string }>(
      `select v.id, v.last_name from volunteer v join department d on d.id = v.department_id
       where d.code = '75' and v.cohort_id = $1 and v.status = 'VALIDATED' and v.phase1_status = 'WAITING_ASSIGNMENT' order by v.id limit 1`,
      [cohortId],
    );
    await page.goto(`${app.url}/#/Volunteer/${volunteer!.id}/show/sejour`);
    await page.getByRole('button', { name: 'Affecter' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, dialog.getByRole('combobox', { name: field('Session (centre)') }), 'Centre e2e', /Centre e2e de Fontainebleau/);
    await expect.poll(() => dialog.innerText(), { timeout: 10_000 }).toMatch(/Gare de Lyon – parvis \(e2e\) \(Paris\) — ligne E2E-1, départ .*08:30 \(5 sièges libres\)/);
    await dialog.getByRole('button', { name: 'Affecter' }).click();
    await expect.poll(async () => (await app.sql<{ s: string | null }>('select session_id as s from volunteer where id = $1', [volunteer!.id]))[0]!.s, { timeout: 10_000 }).toBe(sessionId);
    expect(await app.sql('select meeting_point_id, transport_line_id, phase1_status from volunteer where id = $1', [volunteer!.id])).toEqual([
      { meeting_point_id: meetingPointId, transport_line_id: lineId, phase1_status: 'ASSIGNED' },
    ]);
    expect(await app.sql('select places_left from session where id = $1', [sessionId])).toEqual([{ places_left: 29 }]);
    expect(await app.sql('select seats_left from transport_line where id = $1', [lineId])).toEqual([{ seats_left: 4 }]);
    await expect.poll(() => text(page), { timeout: 10_000 }).toContain('E2E-1');

    // The convocation downloads from the page as a PDF naming the centre and the meeting point.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger la convocation (PDF)' }).click()]);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text: convocation } = await pdfText(pdf);
    expect(convocation).toContain('Centre e2e de Fontainebleau');
    expect(convocation).toContain('Gare de Lyon – parvis (e2e)');
    expect(convocation).toContain('à 8 h 30');
    await page.context().close();

    // Another region's manager finds neither the centre nor the volunteer; a department referent may not create centres.
    const other = await newPage('region-84@demo.snu.test');
    for (const path of [`CohesionCenter/${centerId}/show`, `Volunteer/${volunteer!.id}/show`, `TransportLine/${lineId}/show`]) {
      await other.goto(`${app.url}/#/${path}`);
      await expect.poll(() => text(other), { timeout: 15_000 }).toMatch(/introuvable|n’existe pas|n'existe pas/);
      expect(await text(other)).not.toContain('Centre e2e de Fontainebleau');
    }
    await other.context().close();
    const referent = await newPage('dept-75@demo.snu.test');
    await referent.goto(`${app.url}/#/CohesionCenter`);
    await expect.poll(() => referent.locator('table tbody tr.RaDatagrid-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await referent.getByRole('link', { name: 'Créer' }).count()).toBe(0);
    await referent.goto(`${app.url}/#/Volunteer/${volunteer!.id}/show/sejour`);
    await expect.poll(() => text(referent), { timeout: 15_000 }).toContain('Centre e2e de Fontainebleau');
    expect(await referent.getByRole('button', { name: 'Affecter' }).count()).toBe(0);
    await referent.context().close();
    // Many pages and three sign-ins: a loaded CI machine took more than the default minute.
  }, 180_000);
});
