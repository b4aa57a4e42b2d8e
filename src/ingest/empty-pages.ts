/**
 * Text with pages (form feeds between them): a page that holds no text at all. pdftotext and the
 * like give nothing for a page printed as a picture (a scan, a table pasted as an image), and the
 * text cannot say whether the page was that or left blank. Either way nothing on it was checked:
 * it is a page not read, as a PDF's picture page is, so that a table running onto it is known to
 * be cut and a table or section not found may stand there.
 */
import type { PdfPageProblem } from './pdf-common.js';
import type { SourceLine } from './text.js';

/** the pages of `lines` with no text; endsWithBreak: the text's last form feed ends it (pdftotext's), opening no page */
export function emptyPages(lines: SourceLine[], endsWithBreak: boolean): PdfPageProblem[] {
  const last = (lines[lines.length - 1]?.page ?? 1) - (endsWithBreak ? 1 : 0);
  const written = new Set(lines.filter((l) => l.text.trim() !== '').map((l) => l.page));
  // a text of one page, or all of whose pages are empty, is no paged document to speak of by page
  if (last < 2 || written.size === 0) return [];
  const problems: PdfPageProblem[] = [];
  for (let page = 1; page <= last; page++) {
    if (!written.has(page)) problems.push({ page, reason: 'no-text', message: `第 ${page} 页没有文字` });
  }
  return problems;
}
