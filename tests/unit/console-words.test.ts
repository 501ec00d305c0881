import { describe, expect, it } from 'vitest';
import { en } from '../../admin/src/i18n/en';
import { fr } from '../../admin/src/i18n/fr';
import { frenchTypography, withFrenchTypography } from '../../admin/src/i18n/typography';

type Catalogue = { [key: string]: unknown };

function leaves(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else if (value && typeof value === 'object') for (const [k, v] of leaves(value as Catalogue, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The console's words: French typography on every French message, none of it in English, and no key missing in either. */
describe('console messages', () => {
  const french = leaves(withFrenchTypography(fr));
  const english = leaves(en);

  it('French: curly apostrophes, no-break spaces inside « » and before : ; ? ! (placeholders untouched)', () => {
    expect(frenchTypography("L'objectif est « atteint » : valider %{count} dossiers ? Oui !")).toBe('L’objectif est «\u00a0atteint\u00a0»\u00a0: valider %{count} dossiers\u202f? Oui\u202f!');
    for (const [key, text] of french) {
      expect(text, key).not.toMatch(/'/);
      expect(text, key).not.toMatch(/ [:;?!»]|« /);
    }
  });

  it('English: no French spacing before punctuation', () => {
    for (const [key, text] of english) expect(text, key).not.toMatch(/[ \u00a0\u202f][:;?!](\s|$)/);
  });

  it('every message of the console exists in both languages', () => {
    const ours = (keys: Iterable<string>) => [...keys].filter((k) => !k.startsWith('ra.')).sort();
    expect(ours(french.keys())).toEqual(ours(english.keys()));
  });
});
