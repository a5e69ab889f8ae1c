/**
 * What a PDF says, read in Node with PDF.js (the `unpdf` package), so the PDF tests need no poppler:
 * its text line by line, as `pdftotext -layout` shows it, and the fonts it embeds, as `pdffonts` lists them.
 */
import fs from 'node:fs';
import { getDocumentProxy } from 'unpdf';

interface Placed {
  x: number;
  width: number;
  text: string;
}

/**
 * Every page's text, one line per baseline, pieces left to right; a gap between pieces becomes one
 * space. A header or date cut short, or wrapped onto two lines, is therefore not found whole.
 */
export async function pdfText(file: string): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)));
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const { items } = await (await document.getPage(number)).getTextContent();
    const lines = new Map<number, Placed[]>();
    for (const item of items) {
      if (!('str' in item) || item.str === '') continue;
      const baseline = Math.round(item.transform[5] as number);
      const line = lines.get(baseline) ?? [];
      line.push({ x: item.transform[4] as number, width: item.width, text: item.str });
      lines.set(baseline, line);
    }
    const text = [...lines.entries()]
      .sort(([a], [b]) => b - a)
      .map(([, pieces]) => {
        pieces.sort((a, b) => a.x - b.x);
        return pieces.reduce((joined, piece, index) => {
          const previous = pieces[index - 1];
          const gap = previous ? piece.x - (previous.x + previous.width) : 0;
          return joined + (gap > 1 && !joined.endsWith(' ') && !piece.text.startsWith(' ') ? ' ' : '') + piece.text;
        }, '');
      });
    pages.push(text.join('\n'));
  }
  await document.cleanup();
  return pages.join('\f');
}

/** The names of the fonts the PDF uses, each once, without a subset's `ABCDEF+` tag. */
export function embeddedFonts(file: string): string[] {
  // The font dictionaries of PDFKit's files are plain objects (no object streams), so their names can be read as they are.
  const raw = fs.readFileSync(file).toString('latin1');
  // A composite font is listed once, by its Type0 dictionary, not again by its CID descendant.
  const fonts = raw.split('endobj').filter((object) => /\/Type\s*\/Font(?!Descriptor)\b/.test(object) && !/\/Subtype\s*\/CIDFontType/.test(object));
  const names = fonts.flatMap((object) => /\/BaseFont\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]()]+)/.exec(object)?.slice(1, 2) ?? []);
  return [...new Set(names)];
}
