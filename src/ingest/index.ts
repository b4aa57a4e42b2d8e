/** The ingest stage's public surface: a user's file → lines of text with locations. */
import { looksLikePdf } from './pdf-common.js';
import { readPdfBytes, readPdfFile, type PdfEngine, type PdfText } from './pdf.js';
import { readInputFile, textFromBytes, type SourceText } from './text.js';
import type { Deadline } from './limits.js';

export { InputError, decodeText, splitLines, type SourceLine, type SourceText } from './text.js';

export { readPdfBytes, readPdfFile, warmUpPdfEngine, DEFAULT_PDF_ENGINE, PDF_ENGINES, type PdfEngine, type PdfOptions, type PdfText, type PdfPageProblem, type PageProblemReason } from './pdf.js';

export interface ReadOptions {
  /** which engine reads PDF input (default: DEFAULT_PDF_ENGINE) */
  pdfEngine?: PdfEngine;
  /** a PDF with more pages is not read (default DEFAULT_MAX_PAGES) */
  maxPages?: number;
  /** checked between pages */
  deadline?: Deadline;
  /** the content, when it does not come from the file (standard input); file then only names it */
  bytes?: Uint8Array;
}

/** A PDF by its name or its first bytes; anything else is extracted text. */
export async function readDocument(file: string, options: ReadOptions = {}): Promise<SourceText | PdfText> {
  const pdf = { engine: options.pdfEngine, maxPages: options.maxPages, deadline: options.deadline };
  if (!options.bytes && /\.pdf$/i.test(file)) return readPdfFile(file, pdf);
  const bytes = options.bytes ?? (await readInputFile(file));
  if (looksLikePdf(bytes)) return readPdfBytes(file, bytes, pdf);
  return textFromBytes(file, bytes);
}

export { pageProblems, unreadPages } from './pdf-common.js';
export { Deadline, TimeoutError, DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT_SECONDS } from './limits.js';
export { walkFolder } from './walk.js';
