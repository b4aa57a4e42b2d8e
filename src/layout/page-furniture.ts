/**
 * Page numbers printed at the top or bottom of a page (`17`, `- 17 -`, `第 17 页`, `共 30 页 第 17 页`, `17/30`) are
 * not part of what the page says: left in, a bare 17 under a table's last row reads as one of
 * its figures, and a 3 at the foot of a page glues onto a rate continued overleaf (增长 3|17.31%).
 * Nor is a running header or footer (页眉, 页脚: the document's name over every page): left in,
 * it joins a sentence continued overleaf, or stands for a table's title.
 */
import type { SourceLine } from '../ingest/text.js';
import { isFigure } from './page-cut.js';
import { DATE_OR_TIME_RE } from './tokenize.js';

/** a word of a date and time as a stamp or a browser's print header gives it (12/6/26, 4:19 AM): no figure, and no cell of a row */
const isDateOrTime = (word: string) => {
  const bare = word.replace(/[,，]$/, '');
  return DATE_OR_TIME_RE.exec(bare)?.[0] === bare || /^(?:AM|PM|上午|下午)$/i.test(bare);
};

/**
 * A page number: alone or between dashes (hyphen, en and em dash, and as Word and WPS set them,
 * box-drawing lines (─ 7 ─), bars, fullwidth hyphens), 第 N 页 (共 M 页), or N/M.
 */
const PAGE_NUMBER_RE =
  /^\s*(?:[-—–─━―‒－﹣]\s*)?\d{1,4}(?:\s*[-—–─━―‒－﹣])?\s*$|^\s*第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?\s*$|^\s*共\s*\d{1,4}\s*页\s*[,，/]?\s*第\s*\d{1,4}\s*页\s*$|^\s*\d{1,4}\s*\/\s*\d{1,4}\s*$/;

/** how far apart (points) two figures' edges may stand and still be one column's */
const SAME_EDGE = 1;

/**
 * Whether a bare number at a page's top or foot is one of a column of figures: the line next to
 * it on the page holds nothing but figures, one of them aligned with it. A sheet's last column
 * printed on a page of its own (Gnumeric, Excel: across, then down) is such a page; a page number
 * stands apart from a table's rows, whose lines hold their names.
 */
function inColumn(line: SourceLine, next: SourceLine | undefined): boolean {
  const [own] = line.pieces ?? [];
  if (!own || line.pieces!.length !== 1 || !next?.pieces?.length || next.page !== line.page) return false;
  return next.pieces.every(isFigure) && next.pieces.some((p) => Math.abs(p.x0 - own.x0) <= SAME_EDGE || Math.abs(p.x1 - own.x1) <= SAME_EDGE);
}

/**
 * Whether a bare number stands as close to the line beside it as one row's lines do: a piece of
 * that row wrapped in its cell (a code broken 3990 / 9 in a narrow column at the page's foot), not
 * a page number, which stands apart from the text above or below it.
 */
function wrappedWith(line: SourceLine, beside: SourceLine | undefined): boolean {
  if (line.y === undefined || beside?.y === undefined || beside.page !== line.page) return false;
  return Math.abs(line.y - beside.y) < WRAPPED_EMS * (line.size ?? beside.size ?? 10);
}
const WRAPPED_EMS = 1.2;

/**
 * Whether a bare number at a page's top goes on with two digits alone on the very next line: a
 * row's code set a cell to a line (MuPDF's text: 302 / 05 / 水费 / figures), its 类 and its 款, not
 * a page number, which a title or the text goes on under.
 */
const codeParts = (line: SourceLine, next: SourceLine | undefined) => next !== undefined && next.page === line.page && /^\s*\d{2}\s*$/.test(next.text) && /^\s*\d{3}\s*$/.test(line.text);

/** how many lines at each edge of a page may be its running header or footer */
const EDGE_LINES = 2;
/** a running header or footer is printed on this many pages at least, and on this share of them */
const RUNNING_PAGES = 3;
const RUNNING_SHARE = 0.4;

/** a line's text with its figures blanked: a running footer may carry the page's number or a date */
const shapeOf = (text: string) => text.replace(/\s+/g, '').replace(/\d+/g, '#');

/**
 * Whether a line could be furniture rather than what a page repeats of a table or form it
 * continues: no figure standing alone (总分 100 97 ends each self-assessment form), no labelled
 * field (单位：万元, 部门：…, which tables repeat page by page), not a table's number, title or 续,
 * and not a row of many cells (a header row repeated).
 */
function furnitureLike(l: SourceLine): boolean {
  // a year set apart from its 年 (2024 年度) is no figure standing alone
  const text = l.text.trim().replace(/(\d)\s+(?=年)/g, '$1');
  const cells = l.pieces?.map((p) => p.text.trim()) ?? text.split(/\s+/);
  if (cells.filter((c) => !c.split(/\s+/).every(isDateOrTime)).length > 3 || shapeOf(text).length < 2) return false;
  // a date is no figure: a portal's stamp (2025-06-30 已公开) runs over every page
  return !text.split(/\s+/).some((w) => /^[-\d,.，%]+$/.test(w) && !isDateOrTime(w)) && !/单位|部门[：:]|万元|续|表$|表\s*[\d一二三四五六七八九十]|\d\s*表/.test(text);
}

/**
 * The lines at one edge of a page, outermost first, that could be its furniture: those before the
 * first that could not. A header stands above all that a page says, a footer below it: under a
 * form's title, the 项目名称 that each page of forms prints (alone on its line in text read cell by
 * cell) is the form's. A page number may stand outside a header or footer.
 */
function outermost(edge: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const l of edge) {
    if (furnitureLike(l)) out.push(l);
    else if (!PAGE_NUMBER_RE.test(l.text)) break;
  }
  return out;
}

/** how far apart (points) a running header's lines may stand from page to page */
const SAME_PLACE = 2;

/**
 * The lines at a page's head or foot (EDGE_LINES each) whose text, figures aside, stands at the
 * same edge of RUNNING_PAGES pages or more, and of RUNNING_SHARE of the pages that print anything.
 * At the head, where lines have places, only those at the place most of them share: a cover's
 * title under the running header that repeats it is no header.
 */
function runningLines(lines: SourceLine[]): Set<SourceLine> {
  const byPage = new Map<number, SourceLine[]>();
  for (const l of lines) {
    if (l.page === undefined || !l.text.trim()) continue;
    const own = byPage.get(l.page);
    if (own) own.push(l);
    else byPage.set(l.page, [l]);
  }
  const alike = new Map<string, SourceLine[]>();
  for (const own of byPage.values()) {
    // a page of few lines: each line at one edge only, the head first
    const edges: Array<[string, SourceLine[]]> = [['head', own.slice(0, EDGE_LINES)], ['foot', own.slice(Math.max(EDGE_LINES, own.length - EDGE_LINES)).reverse()]];
    for (const [edge, at] of edges) {
      for (const l of outermost(at)) {
        const key = `${edge}|${shapeOf(l.text)}`;
        const group = alike.get(key);
        if (group) group.push(l);
        else alike.set(key, [l]);
      }
    }
  }
  const running = new Set<SourceLine>();
  for (const [key, group] of alike) {
    const placed = key.startsWith('head') ? atCommonPlace(group) : group;
    const pages = new Set(placed.map((l) => l.page)).size;
    if (pages >= RUNNING_PAGES && pages >= RUNNING_SHARE * byPage.size) for (const l of placed) running.add(l);
  }
  return running;
}

/** the lines standing within SAME_PLACE of the height most of them share (all, where lines have no heights) */
function atCommonPlace(group: SourceLine[]): SourceLine[] {
  if (group.some((l) => l.y === undefined)) return group;
  const near = (y: number) => group.filter((l) => Math.abs(l.y! - y) <= SAME_PLACE);
  let best: SourceLine[] = [];
  for (const l of group) {
    const here = near(l.y!);
    if (here.length > best.length) best = here;
  }
  return best;
}

/**
 * Lines without the pages' furniture: running headers and footers, then page numbers, as many
 * times as each takes away a line (a page number over a footer is the page's last line once the
 * footer is gone).
 */
export function withoutPageFurniture(lines: SourceLine[]): SourceLine[] {
  let out = lines;
  for (let round = 0; round < 3; round++) {
    const running = runningLines(out);
    const next = withoutPageNumbers(running.size ? out.filter((l) => !running.has(l)) : out);
    if (next.length === out.length) break;
    out = next;
  }
  return out;
}

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
  // a bare number at a page's top or foot, unless it stands with the lines beside it
  const alone = lines.map((l, i) => {
    if (!PAGE_NUMBER_RE.test(l.text)) return false;
    const top = first.get(l.page) === i;
    const foot = last.get(l.page) === i;
    if (!(top || foot)) return false;
    return !((top && (inColumn(l, lines[i + 1]) || wrappedWith(l, lines[i + 1]) || codeParts(l, lines[i + 1]))) || (foot && (inColumn(l, lines[i - 1]) || wrappedWith(l, lines[i - 1]))));
  });
  const counting = countingWithPages(lines.filter((_, i) => alone[i]));
  return lines.filter((l, i) => !alone[i] || !counting(l));
}

const BARE_NUMBER = /^\s*\d{1,4}\s*$/;

/** the page a page number states: 17 of `- 17 -`, `第 17 页 共 30 页`, `共 30 页 第 17 页`, `17/30` */
function statedPage(text: string): number {
  const nth = /第\s*(\d+)\s*页/.exec(text);
  return Number(nth ? nth[1] : /\d+/.exec(text)![0]);
}

/**
 * Whether a page number at a page's edge is one: one that says so (第 12 页, - 12 -, 12/30) is; a bare
 * number counts with the pages, as a page number does: the pages'
 * numbers run with them (page 5 of the file prints 3 where two pages go unnumbered before it), so
 * other pages' numbers stand as far from their pages as this one: three pages at least, or half
 * the pages that end or begin with a bare number. A figure a table or form ends a page with,
 * standing alone on its line (text that sets a cell to a line: a form's 总分 100 / 96), is the
 * page's by chance, and two such may happen to stand alike. With a single such number in the file
 * there is nothing to count with: it is taken as a page number.
 */
function countingWithPages(edges: SourceLine[]): (l: SourceLine) => boolean {
  const pagesAt = new Map<number, Set<number | undefined>>();
  for (const l of edges) {
    const offset = (l.page ?? 0) - statedPage(l.text);
    pagesAt.set(offset, (pagesAt.get(offset) ?? new Set()).add(l.page));
  }
  const pages = new Set(edges.map((l) => l.page)).size;
  if (pages < 2) return () => true;
  return (l) => {
    // 第 12 页, - 12 -, 12/30 say they are page numbers; a bare 12 may be a figure
    if (!BARE_NUMBER.test(l.text)) return true;
    const alike = pagesAt.get((l.page ?? 0) - statedPage(l.text))!.size;
    return alike >= 2 && (alike >= 3 || 2 * alike >= pages);
  };
}
