import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/database/seeds/demo.seed';
import { errorCode, GraphQLClient, loggedIn } from '../setup/graphql-client';
import { pageText, useConsoleInChromium } from '../setup/browser';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }';

/** The user menu's account actions, as a referent uses them at 1366×768. */
describe('own account in the console (Chromium)', () => {
  const session = useConsoleInChromium();

  it('changes the password (policy and wrong current password in French), then signs out everywhere', async () => {
    const email = 'dept-92@demo.snu.test';
    const elsewhere = await loggedIn(session.app.url, email);
    const context = await session.browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await session.login(page, email);

    // react-admin's user menu button (its label is « Profil », it shows the user's name).
    const openMenu = () => page.getByRole('button', { name: 'Profil' }).click();
    await openMenu();
    await page.getByRole('menuitem', { name: 'Changer mon mot de passe' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mot de passe actuel').fill(DEMO_PASSWORD);
    await dialog.getByLabel('Nouveau mot de passe', { exact: false }).first().fill('courtcourt');
    await dialog.getByLabel('Nouveau mot de passe (à nouveau)').fill('courtcourt');
    await dialog.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect.poll(() => dialog.innerText(), { timeout: 10_000 }).toMatch(/il manque une majuscule, un chiffre, un symbole/);

    await dialog.getByLabel('Mot de passe actuel').fill('Pas-Le-Bon-2026!');
    await dialog.getByLabel('Nouveau mot de passe', { exact: false }).first().fill('Un-Nouveau-Secret-2026');
    await dialog.getByLabel('Nouveau mot de passe (à nouveau)').fill('Un-Nouveau-Secret-2026');
    await dialog.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect.poll(() => dialog.innerText(), { timeout: 10_000 }).toMatch(/Le mot de passe actuel est incorrect/);

    await dialog.getByLabel('Mot de passe actuel').fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect.poll(() => pageText(page), { timeout: 10_000 }).toMatch(/Mot de passe changé\u00a0: vos autres sessions ont été fermées/);
    // The other session has ended; the old password no longer signs in, the new one does.
    expect(errorCode(await elsewhere.request('{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await new GraphQLClient(session.app.url).request(LOGIN, { e: email, p: DEMO_PASSWORD }))).toBe('BAD_USER_INPUT');
    const other = new GraphQLClient(session.app.url);
    await other.request(LOGIN, { e: email, p: 'Un-Nouveau-Secret-2026' });
    expect(errorCode(await other.request('{ me { id } }'))).toBeUndefined();

    // « Me déconnecter partout »: confirmed, every session ends and the console is back to the login page.
    await openMenu();
    await page.getByRole('menuitem', { name: 'Me déconnecter partout' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Fermer toutes mes sessions' }).click();
    await expect.poll(() => page.locator('input[name="username"]').count(), { timeout: 10_000 }).toBe(1);
    expect(errorCode(await other.request('{ me { id } }'))).toBe('UNAUTHENTICATED');
    await context.close();
  }, 120_000);
});
