/**
 * Page numbers printed at the top or bottom of a page (`17`, `- 17 -`, `第 17 页`, `17/30`) are
 * not part of what the page says: left in, a bare 17 under a table's last row reads as one of
 * its figures, and a 3 at the foot of a page glues onto a rate continued overleaf (增长 3|17.31%).
 */
import type { SourceLine } from '../ingest/text.js';

const PAGE_NUMBER_RE = /^\s*(?:[-—–]\s*)?\d{1,4}(?:\s*[-—–])?\s*$|^\s*第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?\s*$|^\s*\d{1,4}\s*\/\s*\d{1,4}\s*$/;

export function withoutPageNumbers(lines: SourceLine[]): SourceLine[] {
  if (!lines.some((l) => l.page !== undefined)) return lines;
  // each page's first and last lines that print anything: text pages (form feeds) keep blank lines around the number
  const first = new Map<number | undefined, number>();
  const last = new Map<number | undefined, number>();
  lines.forEach((l, i) => {
    if (!l.text.trim()) return;
    if (!first.has(l.page)) first.set(l.page, i);
    last.set(l.page, i);
  });
  return lines.filter((l, i) => !PAGE_NUMBER_RE.test(l.text) || (first.get(l.page) !== i && last.get(l.page) !== i));
}
