/**
 * PDF ingest: positioned characters per page → lines rebuilt by baseline, each line keeping its
 * pieces' x-positions so that table columns can be told apart where the text alone cannot
 * (blank cells). Two engines read the characters (PDFium, unpdf/pdf.js); what they share is in
 * pdf-common.ts. Pages are read one at a time and released.
 */
import { looksLikePdf, pdfErrors, readPages, type PdfText } from './pdf-common.js';
import { readInputFile } from './text.js';
import { damagedPages } from './pdf-streams.js';
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
  // only the engine asked for is loaded: pdf.js and the PDFium wasm each take a while to start
  const doc =
    (options.engine ?? DEFAULT_PDF_ENGINE) === 'unpdf'
      ? await (await import('./pdf-unpdf.js')).openUnpdf(file, bytes)
      : await (await import('./pdf-pdfium.js')).openPdfium(file, bytes);
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (doc.pages > maxPages) {
    await doc.close();
    throw tooManyPages(file, doc.pages, maxPages);
  }
  // scanned now, each page's streams inflated as it is read; a file the scan cannot follow has none found
  return readPages(file, doc, options.deadline, damagedPages(bytes));
}
