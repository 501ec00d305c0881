import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { frenchCalendarDate, frenchNumericDate, frenchParisDate, frenchParisTime, frenchStayDates } from '../../server/modules/assignment/convocation.dates';
import { renderConvocationPdf, type ConvocationData } from '../../server/modules/assignment/convocation.pdf';
import { convocationLines, convocationText, type ConvocationText } from '../../server/modules/assignment/convocation.text';
import { toWinAnsi } from '../../server/modules/assignment/win-ansi';

const NBSP = '\u00a0';
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56.69;

// pdfjs reads its standard font metrics from files when a PDF uses Helvetica without embedding it.
const require = createRequire(import.meta.url);
const STANDARD_FONTS = `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

interface ReadBack {
  pages: number;
  view: number[];
  creationDate: unknown;
  items: TextItem[];
  /** The page's text in drawing order, a line break where pdfjs sees one. */
  text: string;
  /** The same with line breaks as spaces: what a wrapped paragraph said before wrapping. */
  flat: string;
}

/** The PDF as a reader sees it: Mozilla's parser, not pdfkit's own view of what it wrote. */
async function readPdf(pdf: Buffer): Promise<ReadBack> {
  const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: STANDARD_FONTS, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(1);
    // Without this pdfjs applies NFKC, which turns the no-break spaces under test into plain ones.
    const items = (await page.getTextContent({ disableNormalization: true })).items.filter((item): item is TextItem => 'str' in item);
    const { info } = await doc.getMetadata();
    const text = items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join('');
    return {
      pages: doc.numPages,
      view: page.view,
      creationDate: (info as Record<string, unknown>).CreationDate,
      items,
      text,
      flat: text.replace(/ *\n+ */g, ' '),
    };
  } finally {
    await doc.destroy();
  }
}

/**
 * What the page's text operators draw, byte for byte (as Latin-1). A reader cannot tell a
 * no-break space from a space: WinAnsi's 0xA0 is the glyph "space", which pdfjs, like every
 * text extractor, gives back as U+0020. The bytes show that 0xA0 was written, neither "/" nor 0x20.
 */
function drawnBytes(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let drawn = '';
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const content = inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
    if (!content.includes('BT')) continue;
    for (const hex of content.matchAll(/<([0-9a-fA-F]*)>/g)) drawn += Buffer.from(hex[1] ?? '', 'hex').toString('latin1');
  }
  return drawn;
}

/** The text as a reader gets it back: no-break spaces read as spaces (see drawnBytes). */
const asRead = (text: string): string => text.replaceAll(NBSP, ' ');

/** Every string that the document shows, as the text module words it. */
function allStrings(text: ConvocationText): string[] {
  const sections = [text.volunteer, text.center, text.journey, text.toBring, text.contact, text.guardian];
  return [text.title, text.stay, text.intro, ...sections.flatMap((s) => [s.title, ...s.lines, ...(s.details ?? [])]), text.signatureLabel, ...text.issued];
}

const WITH_BUS: ConvocationData = {
  volunteer: { firstName: 'Léa-Maëlle', lastName: 'N’Diaye', birthDate: '2011-05-03' },
  cohort: { name: 'Février 2027', startDate: '2027-02-15', endDate: '2027-02-27' },
  center: { name: 'Centre SNU de Carcès', address: '4 chemin de l’Étang', zip: '83570', city: 'Carcès' },
  meetingPoint: { name: 'Gare routière Saint-Charles', address: '2 place Victor-Hugo', zip: '13003', city: 'Marseille' },
  // 07:30 UTC is 8:30 in Paris in February (UTC+1).
  departure: { at: new Date('2027-02-15T07:30:00Z'), lineCode: '013-A12' },
  issuedAt: new Date('2026-12-01T09:00:00Z'),
};

const ON_THEIR_OWN: ConvocationData = { ...WITH_BUS, meetingPoint: null, departure: null };

function expectInsideThePage(read: ReadBack): void {
  expect(read.pages).toBe(1);
  const outside = read.items
    .filter((item) => item.str.trim() !== '')
    .filter((item) => {
      const [x = 0, y = 0] = [item.transform[4], item.transform[5]];
      return x < MARGIN - 0.5 || x + item.width > A4.width - MARGIN + 0.5 || y < MARGIN - 0.5 || y + item.height > A4.height;
    })
    .map((item) => item.str);
  expect(outside).toEqual([]);
}

describe('renderConvocationPdf', () => {
  it('says who, when, where and how, with accents and French punctuation, on one A4 page', async () => {
    const pdf = await renderConvocationPdf(WITH_BUS);
    const read = await readPdf(pdf);
    expect(read.pages).toBe(1);
    expect(read.view).toEqual([0, 0, A4.width, A4.height]);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);

    for (const expected of [
      'SERVICE NATIONAL UNIVERSEL',
      'Convocation au séjour de cohésion',
      `Séjour «${NBSP}Février 2027${NBSP}», du 15${NBSP}février au 27${NBSP}février 2027`,
      `Prénom et nom${NBSP}: Léa-Maëlle N’Diaye`,
      `Date de naissance${NBSP}: 03/05/2011`,
      'Centre SNU de Carcès\n4 chemin de l’Étang\n83570 Carcès',
      'Gare routière Saint-Charles\n2 place Victor-Hugo\n13003 Marseille',
      `Départ${NBSP}: le lundi 15${NBSP}février 2027 à 8${NBSP}h${NBSP}30`,
      `Ligne de transport${NBSP}: 013-A12`,
      `• une pièce d’identité en cours de validité (carte nationale d’identité ou passeport)${NBSP};`,
      `Date et signature, précédées de la mention «${NBSP}Lu et approuvé${NBSP}»`,
      `Fait le 1er${NBSP}décembre 2026\nL’équipe du Service National Universel`,
    ]) {
      expect(read.text).toContain(asRead(expected));
    }
    for (const line of allStrings(convocationText(WITH_BUS))) expect(read.flat).toContain(asRead(line));
    // French spacing is written as no-break spaces (0xA0), so « : » never starts a line.
    const drawn = drawnBytes(pdf);
    for (const expected of ['naissance\xa0: 03/05/2011', '\xab\xa0F\xe9vrier 2027\xa0\xbb', 'transport\xa0: 013-A12', '8\xa0h\xa030', 'approuv\xe9\xa0\xbb']) {
      expect(drawn).toContain(expected);
    }
    expect(read.text).not.toContain('par vos propres moyens');
    // The only slashes are the birth date's: no narrow no-break space printed as "/".
    expect(drawn.split('/').length - 1).toBe(2);
    expectInsideThePage(read);
  });

  it('sends a volunteer without a meeting point to the centre on its own', async () => {
    const read = await readPdf(await renderConvocationPdf(ON_THEIR_OWN));
    expect(read.flat).toContain('Vous rejoignez le centre par vos propres moyens. Arrivée au centre le lundi 15 février 2027.');
    expect(read.text).toContain('Centre SNU de Carcès');
    expect(read.text).not.toContain('Point de rassemblement');
    expect(read.text).not.toContain('Ligne de transport');
    for (const line of allStrings(convocationText(ON_THEIR_OWN))) expect(read.flat).toContain(asRead(line));
    expectInsideThePage(read);
  });

  it('gives the meeting point before the bus is known, and refuses a bus without a meeting point', async () => {
    const read = await readPdf(await renderConvocationPdf({ ...WITH_BUS, departure: null }));
    expect(read.text).toContain('Gare routière Saint-Charles');
    expect(read.flat).toContain('L’horaire de départ vous sera communiqué prochainement.');
    await expect(renderConvocationPdf({ ...WITH_BUS, meetingPoint: null })).rejects.toThrow('A convocation departure needs a meeting point');
  });

  it('gives the same bytes for the same data, whatever the server’s time zone', async () => {
    const first = await renderConvocationPdf(WITH_BUS);
    const saved = process.env.TZ;
    try {
      // Node reads TZ again when it changes: the same instant must print the same Paris times.
      process.env.TZ = 'Pacific/Kiritimati';
      const east = await renderConvocationPdf(WITH_BUS);
      process.env.TZ = 'America/Los_Angeles';
      const west = await renderConvocationPdf(WITH_BUS);
      expect(east.equals(first)).toBe(true);
      expect(west.equals(first)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    const read = await readPdf(first);
    expect(read.creationDate).toBe('D:20261201090000Z');
    const later = await renderConvocationPdf({ ...WITH_BUS, issuedAt: new Date('2026-12-02T09:00:00Z') });
    expect(later.equals(first)).toBe(false);
  });

  it('wraps a long centre name and address inside the centre’s box', async () => {
    const name = 'Centre de séjour du lycée professionnel agricole et horticole Jean-Baptiste de La Quintinie, internat et gymnase';
    const word = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch';
    const address = `Établissement public local d’enseignement agricole, bâtiment C, lieu-dit ${word}`;
    const read = await readPdf(await renderConvocationPdf({ ...WITH_BUS, center: { name, address, zip: '78100', city: 'Saint-Germain-en-Laye' } }));
    expect(read.flat).toContain(name);
    // A word wider than the box is cut, not pushed past the border.
    expect(read.text.replace(/\n/g, '')).toContain(word);
    const centreItems = read.items.filter((item) => item.str !== '' && (name.includes(item.str) || address.includes(item.str)));
    expect(centreItems.length).toBeGreaterThan(4);
    for (const item of centreItems) expect(item.transform[4] + item.width).toBeLessThanOrEqual(A4.width / 2);
    expectInsideThePage(read);
  });

  it('shrinks rather than spilling onto a second page when everything is very long', async () => {
    const long = (label: string): string => `${label} ${'très long intitulé administratif '.repeat(8)}`.trim();
    const place = { name: long('Nom'), address: long('Adresse'), zip: '97400', city: long('Ville') };
    const read = await readPdf(
      await renderConvocationPdf({ ...WITH_BUS, cohort: { ...WITH_BUS.cohort, name: long('Séjour') }, center: place, meetingPoint: place, volunteer: { ...WITH_BUS.volunteer, lastName: long('Nom') } }),
    );
    expect(read.flat).toContain(place.address);
    expectInsideThePage(read);
    // It did shrink: at full size the smallest text (the signature box's label) is 9 pt.
    expect(Math.min(...read.items.filter((item) => item.str.trim() !== '').map((item) => item.height))).toBeLessThan(9);
  });

  it('prints what Helvetica cannot: a narrow no-break space stays a no-break space, a foreign letter keeps its base', async () => {
    const pdf = await renderConvocationPdf({
      ...WITH_BUS,
      volunteer: { ...WITH_BUS.volunteer, lastName: 'Wałęsa-Nguyễn' },
      meetingPoint: { name: 'Gare routière\u202f: quai 3', address: '1 rue de la Gare', zip: '13001', city: 'Marseille' },
    });
    const read = await readPdf(pdf);
    expect(read.text).toContain('Gare routière : quai 3');
    expect(drawnBytes(pdf)).toContain('routi\xe8re\xa0: quai 3');
    expect(read.text).toContain('Léa-Maëlle Walesa-Nguyen');
    expect(read.text).not.toContain('routière/');
  });
});

describe('convocation wording', () => {
  it('writes dates the French way, in Paris time', () => {
    expect(frenchNumericDate('2011-05-03')).toBe('03/05/2011');
    expect(frenchStayDates('2027-02-15', '2027-02-27')).toBe(`du 15${NBSP}février au 27${NBSP}février 2027`);
    expect(frenchStayDates('2026-12-28', '2027-01-08')).toBe(`du 28${NBSP}décembre 2026 au 8${NBSP}janvier 2027`);
    expect(frenchCalendarDate('2027-03-01', { weekday: true })).toBe(`lundi 1er${NBSP}mars 2027`);
    // 23:30 UTC on 14 February is half past midnight on the 15th in Paris.
    const night = new Date('2027-02-14T23:30:00Z');
    expect(`${frenchParisDate(night, { weekday: true })} à ${frenchParisTime(night)}`).toBe(`lundi 15${NBSP}février 2027 à 0${NBSP}h${NBSP}30`);
    // Summer time: UTC+2.
    expect(frenchParisTime(new Date('2027-07-05T06:15:00Z'))).toBe(`8${NBSP}h${NBSP}15`);
    expect(() => frenchNumericDate('2011-02-30')).toThrow(RangeError);
    expect(() => frenchStayDates('15/02/2027', '2027-02-27')).toThrow(RangeError);
  });

  it('gives an e-mail the same wording as plain lines', () => {
    const lines = convocationLines(WITH_BUS);
    expect(lines[0]).toBe('Service National Universel — Convocation au séjour de cohésion');
    expect(lines).toContain(`Départ${NBSP}: le lundi 15${NBSP}février 2027 à 8${NBSP}h${NBSP}30`);
    expect(lines).toContain(`- votre carte Vitale ou une attestation de droits à l’assurance maladie${NBSP};`);
    expect(convocationLines(ON_THEIR_OWN)).toContain('Vous rejoignez le centre par vos propres moyens.');
    for (const line of allStrings(convocationText(WITH_BUS))) expect(lines.join('\n')).toContain(line);
  });

  it('keeps to WinAnsi without losing what it can show', () => {
    expect(toWinAnsi('« Été » – l’œuvre… 12 €')).toBe('« Été » – l’œuvre… 12 €');
    expect(toWinAnsi('Łódź\u202f!')).toBe(`Lódz${NBSP}!`);
    expect(toWinAnsi('e\u0301cole\u200b\tgare')).toBe('école gare');
    expect(toWinAnsi('東京')).toBe('??');
  });
});
