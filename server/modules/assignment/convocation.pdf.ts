import PDFDocument from 'pdfkit';
import { convocationText, type ConvocationData, type ConvocationSection, type ConvocationText } from './convocation.text';
import { toWinAnsi } from './win-ansi';

export type { ConvocationData } from './convocation.text';

// A4 in points, 2 cm margins.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 56.69;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const BOTTOM = PAGE.height - MARGIN;

const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
const COLOR = { text: '#1e1e1e', heading: '#000091', muted: '#666666', rule: '#929292' } as const;

/**
 * The base sizes fit a usual convocation with room to spare; very long names or addresses
 * shrink the whole page a step at a time rather than spill onto a second sheet.
 */
const SCALES = [1, 0.93, 0.86, 0.8, 0.74, 0.68] as const;

interface Block {
  height: number;
  draw(y: number): void;
}

type Doc = PDFKit.PDFDocument;
type FontName = (typeof FONT)[keyof typeof FONT];

/** Sets the font before measuring: pdfkit measures with the current one. */
function use(doc: Doc, font: FontName, size: number, color: string = COLOR.text): Doc {
  return doc.font(font).fontSize(size).fillColor(color);
}

function measure(doc: Doc, font: FontName, size: number, text: string, width: number): number {
  return use(doc, font, size).heightOfString(text, { width, lineGap: size * 0.2 });
}

function write(doc: Doc, font: FontName, size: number, text: string, x: number, y: number, width: number, options: { color?: string; align?: 'left' | 'right' } = {}): void {
  use(doc, font, size, options.color).text(text, x, y, { width, lineGap: size * 0.2, align: options.align ?? 'left' });
}

/** Every string goes through here: the standard fonts print WinAnsi only. */
function printable(text: ConvocationText): ConvocationText {
  const section = (s: ConvocationSection): ConvocationSection => ({ title: toWinAnsi(s.title), lines: s.lines.map(toWinAnsi), details: s.details?.map(toWinAnsi) });
  return {
    service: toWinAnsi(text.service),
    title: toWinAnsi(text.title),
    stay: toWinAnsi(text.stay),
    intro: toWinAnsi(text.intro),
    volunteer: section(text.volunteer),
    center: section(text.center),
    journey: section(text.journey),
    toBring: section(text.toBring),
    contact: section(text.contact),
    guardian: section(text.guardian),
    signatureLabel: toWinAnsi(text.signatureLabel),
    issued: text.issued.map(toWinAnsi),
  };
}

class Layout {
  private readonly bodySize: number;
  private readonly gap: number;

  constructor(
    private readonly doc: Doc,
    private readonly scale: number,
  ) {
    this.bodySize = 10.5 * scale;
    this.gap = 14 * scale;
  }

  /** Lines of a part, one paragraph each (an address wraps inside its width). */
  private lines(lines: string[], width: number, font: FontName = FONT.regular): { height: number; draw(x: number, y: number): void } {
    const heights = lines.map((line) => measure(this.doc, font, this.bodySize, line, width));
    return {
      height: heights.reduce((sum, h) => sum + h, 0),
      draw: (x, y) => {
        let at = y;
        lines.forEach((line, i) => {
          write(this.doc, font, this.bodySize, line, x, at, width);
          at += heights[i] ?? 0;
        });
      },
    };
  }

  /** A section's lines, then its details in bold after a small gap. */
  private body(section: ConvocationSection, width: number): { height: number; draw(x: number, y: number): void } {
    const lines = this.lines(section.lines, width);
    const details = this.lines(section.details ?? [], width, FONT.bold);
    const gap = section.details?.length ? 6 * this.scale : 0;
    return {
      height: lines.height + gap + details.height,
      draw: (x, y) => {
        lines.draw(x, y);
        details.draw(x, y + lines.height + gap);
      },
    };
  }

  private heading(title: string, width: number): { height: number; draw(x: number, y: number): void } {
    const size = 11.5 * this.scale;
    const height = measure(this.doc, FONT.bold, size, title, width) + 3 * this.scale;
    return { height, draw: (x, y) => write(this.doc, FONT.bold, size, title, x, y, width, { color: COLOR.heading }) };
  }

  header(text: ConvocationText): Block {
    const service = { size: 10 * this.scale, text: text.service.toUpperCase() };
    const title = { size: 19 * this.scale, text: text.title };
    const stay = { size: 11.5 * this.scale, text: text.stay };
    const serviceHeight = measure(this.doc, FONT.bold, service.size, service.text, CONTENT_WIDTH) + 6 * this.scale;
    const titleHeight = measure(this.doc, FONT.bold, title.size, title.text, CONTENT_WIDTH) + 2 * this.scale;
    const stayHeight = measure(this.doc, FONT.regular, stay.size, stay.text, CONTENT_WIDTH) + 8 * this.scale;
    return {
      height: serviceHeight + titleHeight + stayHeight,
      draw: (y) => {
        write(this.doc, FONT.bold, service.size, service.text, MARGIN, y, CONTENT_WIDTH, { color: COLOR.heading });
        write(this.doc, FONT.bold, title.size, title.text, MARGIN, y + serviceHeight, CONTENT_WIDTH);
        write(this.doc, FONT.regular, stay.size, stay.text, MARGIN, y + serviceHeight + titleHeight, CONTENT_WIDTH);
        const ruleY = y + serviceHeight + titleHeight + stayHeight - 2 * this.scale;
        this.doc.moveTo(MARGIN, ruleY).lineTo(MARGIN + CONTENT_WIDTH, ruleY).lineWidth(0.75).strokeColor(COLOR.rule).stroke();
      },
    };
  }

  paragraph(text: string): Block {
    const body = this.lines([text], CONTENT_WIDTH);
    return { height: body.height, draw: (y) => body.draw(MARGIN, y) };
  }

  section(section: ConvocationSection): Block {
    const heading = this.heading(section.title, CONTENT_WIDTH);
    const body = this.body(section, CONTENT_WIDTH);
    return {
      height: heading.height + body.height,
      draw: (y) => {
        heading.draw(MARGIN, y);
        body.draw(MARGIN, y + heading.height);
      },
    };
  }

  /** Two framed parts side by side (the centre, and how the volunteer gets there), as tall as the taller. */
  boxes(left: ConvocationSection, right: ConvocationSection): Block {
    const padding = 9 * this.scale;
    const spacing = 14 * this.scale;
    const boxWidth = (CONTENT_WIDTH - spacing) / 2;
    const inner = boxWidth - 2 * padding;
    const parts = [left, right].map((section) => ({ heading: this.heading(section.title, inner), body: this.body(section, inner) }));
    const height = Math.max(...parts.map((p) => p.heading.height + p.body.height)) + 2 * padding;
    return {
      height,
      draw: (y) => {
        parts.forEach((part, i) => {
          const x = MARGIN + i * (boxWidth + spacing);
          this.doc.rect(x, y, boxWidth, height).lineWidth(0.75).strokeColor(COLOR.rule).stroke();
          part.heading.draw(x + padding, y + padding);
          part.body.draw(x + padding, y + padding + part.heading.height);
        });
      },
    };
  }

  bullets(section: ConvocationSection): Block {
    const heading = this.heading(section.title, CONTENT_WIDTH);
    const indent = 12 * this.scale;
    const items = section.lines.map((line) => this.lines([line], CONTENT_WIDTH - indent));
    return {
      height: heading.height + items.reduce((sum, item) => sum + item.height, 0),
      draw: (y) => {
        heading.draw(MARGIN, y);
        let at = y + heading.height;
        for (const item of items) {
          write(this.doc, FONT.regular, this.bodySize, '•', MARGIN, at, indent);
          item.draw(MARGIN + indent, at);
          at += item.height;
        }
      },
    };
  }

  /** The guardian's attestation and an empty framed space to sign in. */
  signature(section: ConvocationSection, label: string): Block {
    const intro = this.section(section);
    const boxHeight = 78 * this.scale;
    const labelSize = 9 * this.scale;
    const top = intro.height + 6 * this.scale;
    return {
      height: top + boxHeight,
      draw: (y) => {
        intro.draw(y);
        this.doc.rect(MARGIN, y + top, CONTENT_WIDTH, boxHeight).lineWidth(0.75).strokeColor(COLOR.rule).stroke();
        write(this.doc, FONT.italic, labelSize, label, MARGIN + 8 * this.scale, y + top + 6 * this.scale, CONTENT_WIDTH - 16 * this.scale, { color: COLOR.muted });
      },
    };
  }

  issued(lines: string[]): Block {
    const heights = lines.map((line) => measure(this.doc, FONT.regular, this.bodySize, line, CONTENT_WIDTH));
    return {
      height: heights.reduce((sum, h) => sum + h, 0),
      draw: (y) => {
        let at = y;
        lines.forEach((line, i) => {
          write(this.doc, FONT.regular, this.bodySize, line, MARGIN, at, CONTENT_WIDTH, { align: 'right' });
          at += heights[i] ?? 0;
        });
      },
    };
  }

  blocks(text: ConvocationText): Block[] {
    return [
      this.header(text),
      this.paragraph(text.intro),
      this.section(text.volunteer),
      this.boxes(text.center, text.journey),
      this.bullets(text.toBring),
      this.section(text.contact),
      this.signature(text.guardian, text.signatureLabel),
      this.issued(text.issued),
    ];
  }

  height(blocks: Block[]): number {
    return blocks.reduce((sum, block) => sum + block.height, 0) + this.gap * (blocks.length - 1);
  }

  draw(blocks: Block[]): void {
    let y = MARGIN;
    for (const block of blocks) {
      block.draw(y);
      y += block.height + this.gap;
    }
  }
}

/**
 * One volunteer's convocation, one A4 page. The same data gives the same bytes: the creation
 * date is the issue date and pdfkit's file identifier is a hash of the document's info, so
 * stored copies and tests compare exactly.
 */
export async function renderConvocationPdf(data: ConvocationData): Promise<Buffer> {
  const text = printable(convocationText(data));
  const doc = new PDFDocument({
    size: 'A4',
    // pdfkit only breaks pages past the bottom margin; the layout keeps its own 2 cm above it.
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 0 },
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: 'Convocation au séjour de cohésion',
      Author: 'Service National Universel',
      Creator: 'SNU back-office',
      Producer: 'PDFKit',
      CreationDate: data.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // The largest size that fits; at the smallest, an extreme text goes on a second page rather than being cut.
  let layout = new Layout(doc, SCALES[0]);
  let blocks = layout.blocks(text);
  for (const scale of SCALES.slice(1)) {
    if (MARGIN + layout.height(blocks) <= BOTTOM) break;
    layout = new Layout(doc, scale);
    blocks = layout.blocks(text);
  }
  layout.draw(blocks);
  doc.end();
  return done;
}
