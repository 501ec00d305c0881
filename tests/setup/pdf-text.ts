import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

const require = createRequire(import.meta.url);
// pdfjs reads its standard font metrics from files when a PDF uses Helvetica without embedding it.
const STANDARD_FONTS = `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** A PDF's pages and text (lines joined by spaces), as Mozilla's parser reads it. */
export async function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: STANDARD_FONTS, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const parts: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const items = (await (await doc.getPage(i)).getTextContent()).items.filter((item): item is TextItem => 'str' in item);
      parts.push(items.map((item) => item.str).join(' '));
    }
    return { pages: doc.numPages, text: parts.join(' ').replace(/\s+/g, ' ') };
  } finally {
    await doc.destroy();
  }
}
