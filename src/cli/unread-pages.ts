/**
 * What the pages not read are said as: a PDF's page the engines could not read (pdf/unreadable-page,
 * one a page, with its reason), and in text with pages a run of pages holding no text
 * (text/empty-page, one a run: a scan's pages come many together).
 */
import { pageProblems, unreadPages, type PdfPageProblem, type PdfText, type SourceText } from '../ingest/index.js';
import type { Diagnostic } from '../rules/index.js';

/** where the source's pages not read are said, in brackets: a text's runs without text, or each page of a PDF */
export function unreadPagesSaid(source: SourceText): string {
  return pageProblems(source).some((p) => p.reason === 'no-text') ? '（见 text/empty-page）' : '（见各页的 pdf/unreadable-page）';
}

/** a page that draws text we cannot read, or a text's page holding none, is never a silent pass */
export function unreadPageDiagnostics(source: SourceText): Diagnostic[] {
  const problems = pageProblems(source);
  const pdf = problems.filter((p) => p.reason !== 'no-text').map((p) => ({ ruleId: 'pdf/unreadable-page', severity: 2 as const, message: p.message, ...pageStart(source, p.page) }));
  return [...pdf, ...runsOf(problems.filter((p) => p.reason === 'no-text')).map((run) => emptyPages(source, run))];
}

/**
 * how many pages were not read, or read in part: a page read in part (some runs without a Unicode
 * map) gave some text, so the rest of the document is not only the pages not named
 */
export function unreadSaid(source: SourceText): string {
  const pages = (source as Partial<PdfText>).pages ?? source.lines[source.lines.length - 1]?.page;
  const unread = unreadPages(source).length;
  return unread === pages ? `全部 ${pages} 页都未能完整读取` : `有 ${unread} 页未能完整读取`;
}

function emptyPages(source: SourceText, run: number[]): Diagnostic {
  const [first, last] = [run[0], run[run.length - 1]];
  const pages = run.length === 1 ? `第 ${first} 页` : `第 ${first}–${last} 页（${run.length} 页）`;
  const these = run.length === 1 ? '这一页' : '这些页';
  const message = `${pages}没有文字：原件${these}若印有内容（如扫描的图片，没有文本层），都未能检查；可能印在${these}上的表与章节不算缺，续到${these}的表不核对；请核对原件，或从 PDF 重新提取文本`;
  return { ruleId: 'text/empty-page', severity: 1, message, ...pageStart(source, first) };
}

/** consecutive pages together: 9, 10, 11, 14 → [9, 10, 11], [14] */
function runsOf(problems: PdfPageProblem[]): number[][] {
  const runs: number[][] = [];
  for (const { page } of problems) {
    const last = runs[runs.length - 1];
    if (last && page === last[last.length - 1] + 1) last.push(page);
    else runs.push([page]);
  }
  return runs;
}

/**
 * line 1 of a PDF's page; in text, the line of the form feed that opens the page (pages without
 * text in a row are opened on one line, `\f\f`, which starts the page after them)
 */
function pageStart(source: SourceText, page: number): Pick<Diagnostic, 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'page'> {
  const line = (source as Partial<PdfText>).pages !== undefined ? 1 : (source.lines.find((l) => (l.page ?? 0) >= page)?.line ?? 1);
  return { file: source.file, line, column: 1, endLine: line, endColumn: 2, page };
}
