/** The ingest stage's public surface: a user's file → lines of text with locations. */
import { readFile } from 'node:fs/promises';
import { readPdfBytes, readPdfFile, type PdfText } from './pdf.js';
import { InputError, textFromBytes, type SourceText } from './text.js';

export { InputError, decodeText, splitLines, type SourceLine, type SourceText } from './text.js';

export { readPdfBytes, readPdfFile, type PdfText, type PdfPageProblem } from './pdf.js';

/** A PDF by its name or its first bytes; anything else is extracted text. */
export async function readDocument(file: string): Promise<SourceText | PdfText> {
  if (/\.pdf$/i.test(file)) return readPdfFile(file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `找不到文件: ${file}` : `无法读取文件 ${file} (${code ?? String(err)})`);
  }
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) return readPdfBytes(file, bytes);
  return textFromBytes(file, bytes);
}
