import argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP-compliant memory and time costs). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

// Verified against when the e-mail is unknown, so both failures take the same time.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    decoyHash ??= hashPassword('decoy-password-never-matches');
    await argon2.verify(await decoyHash, password);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** The staff password policy (at least 12 characters with upper and lower case, a digit and a symbol), in French, or null. */
export function passwordProblem(password: string): string | null {
  const missing: string[] = [];
  if (!/[a-z]/.test(password)) missing.push('une minuscule');
  if (!/[A-Z]/.test(password)) missing.push('une majuscule');
  if (!/[0-9]/.test(password)) missing.push('un chiffre');
  if (!/[^A-Za-z0-9]/.test(password)) missing.push('un symbole');
  if (password.length < 12 || missing.length) {
    return `Le mot de passe doit comporter au moins 12 caractères dont une minuscule, une majuscule, un chiffre et un symbole${missing.length ? ` (il manque ${missing.join(', ')})` : ''}.`;
  }
  if (password.length > 200) return 'Le mot de passe ne doit pas dépasser 200 caractères.';
  return null;
}
