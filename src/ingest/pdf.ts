/**
 * PDF ingest: positioned characters per page → lines rebuilt by baseline, each line keeping its
 * pieces' x-positions so that table columns can be told apart where the text alone cannot
 * (blank cells). Two engines read the characters (PDFium, unpdf/pdf.js); what they share is in
 * pdf-common.ts. Pages are read one at a time and released.
 */
import { FontMapUnread, looksLikePdf, pdfErrors, readPages, type PdfText } from './pdf-common.js';
import { readInputFile } from './text.js';
import { damagedPages, fileObjects, fontUnicode } from './pdf-streams.js';
import { DEFAULT_MAX_PAGES, tooManyPages, type Deadline } from './limits.js';

export type { PageProblemReason, PdfPageProblem, PdfText } from './pdf-common.js';

export const PDF_ENGINES = ['pdfium', 'unpdf'] as const;
export type PdfEngine = (typeof PDF_ENGINES)[number];
/** chosen by measurement: see README, "PDF input" */
export const DEFAULT_PDF_ENGINE: PdfEngine = 'pdfium';

export interface PdfOptions {
  engine?: PdfEngine;
  maxPages?: number;
  deadline?: Deadline;
}

/** a PDF will be read with this engine: start loading it (PDFium's wasm compiles in the background) */
export function warmUpPdfEngine(engine: PdfEngine = DEFAULT_PDF_ENGINE): void {
  if (engine === 'pdfium') import('./pdf-pdfium.js').then((m) => m.warmUpPdfium(), () => {});
}

export async function readPdfFile(file: string, options: PdfOptions = {}): Promise<PdfText> {
  return readPdfBytes(file, await readInputFile(file), options);
}

export async function readPdfBytes(file: string, bytes: Uint8Array, options: PdfOptions = {}): Promise<PdfText> {
  if (!looksLikePdf(bytes)) throw pdfErrors.notPdf(file, bytes);
  // scanned now, each page's streams inflated as it is read; a file the scan cannot follow has none found
  const objects = fileObjects(bytes);
  try {
    return await readWith(options.engine ?? DEFAULT_PDF_ENGINE, file, bytes, objects, options);
  } catch (err) {
    // PDFium left a font's ToUnicode map unread: pdf.js reads the map, and so the file
    if (!(err instanceof FontMapUnread)) throw err;
    return readWith('unpdf', file, bytes, objects, options);
  }
}

async function readWith(engine: PdfEngine, file: string, bytes: Uint8Array, objects: ReturnType<typeof fileObjects>, options: PdfOptions): Promise<PdfText> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  // only the engine asked for is loaded: pdf.js and the PDFium wasm each take a while to start
  const doc =
    engine === 'unpdf'
      ? await (await import('./pdf-unpdf.js')).openUnpdf(file, bytes)
      : await (await import('./pdf-pdfium.js')).openPdfium(file, bytes, fontUnicode(objects));
  if (doc.pages > maxPages) {
    await doc.close();
    throw tooManyPages(file, doc.pages, maxPages);
  }
  return readPages(file, doc, options.deadline, damagedPages(objects));
}
