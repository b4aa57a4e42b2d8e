/** The ingest stage's public surface: a user's file → lines of text with locations. */
import { readPdfBytes, readPdfFile, type PdfText } from './pdf.js';
import { readInputFile, textFromBytes, type SourceText } from './text.js';

export { InputError, decodeText, splitLines, type SourceLine, type SourceText } from './text.js';

export { readPdfBytes, readPdfFile, type PdfText, type PdfPageProblem } from './pdf.js';

/** A PDF by its name or its first bytes; anything else is extracted text. */
export async function readDocument(file: string): Promise<SourceText | PdfText> {
  if (/\.pdf$/i.test(file)) return readPdfFile(file);
  const bytes = await readInputFile(file);
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) return readPdfBytes(file, bytes);
  return textFromBytes(file, bytes);
}

export { walkFolder } from './walk.js';
