/**
 * Text made printable by PDF's standard fonts (Helvetica), which only know Windows-1252
 * ("WinAnsi"): pdfkit silently prints "/" for U+202F, the narrow no-break space typed before
 * » ; : ! in French, and drops letters such as ł. A convocation must not lose a letter of a
 * name, so what the font cannot show is replaced by its closest WinAnsi form.
 */

// The 27 printable characters that Windows-1252 puts in 0x80–0x9F, beyond Latin-1.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

// Letters with no decomposition under NFD, and dashes that WinAnsi lacks.
const CLOSEST: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
};

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

function closest(char: string): string {
  if (isWinAnsi(char)) return char;
  const mapped = CLOSEST[char];
  if (mapped !== undefined) return mapped;
  // "ễ" becomes "e", "ș" becomes "s": the base letter, without the mark the font lacks.
  const base = char.normalize('NFD').replace(/\p{M}/gu, '');
  return base !== '' && [...base].every(isWinAnsi) ? base : '?';
}

/** `text` with only characters that Helvetica can print, no-break spaces kept as no-break. */
export function toWinAnsi(text: string): string {
  const spaced = text
    .normalize('NFC')
    .replace(/[\u202f\u2007]/g, '\u00a0')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\t\n\r\u2000-\u200a\u205f\u3000]/g, ' ');
  let out = '';
  for (const char of spaced) out += closest(char);
  return out;
}
