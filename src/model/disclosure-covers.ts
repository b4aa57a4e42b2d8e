/**
 * Another disclosure's cover in a file holding several: a page whose first lines hold a cover's
 * title (上海市2025年市级单位预算, 江苏省人大常委会办公厅 / 2017 年度部门预算), or in text without pages
 * a title standing on a line of its own, naming another disclosure than the part's own cover.
 */
import type { SourceLine } from '../ingest/text.js';
import type { SecondDisclosure } from './second-disclosure.js';
import { squeezed } from './tables/header.js';

/**
 * a cover's title: a department's or unit's budget or final account, the title's last words
 * (上海市2025年市级单位预算, 某局2019年度部门预算公开), a short aside in brackets after them
 * (某局2025年部门预算（公开版）)
 */
const COVER_TITLE_RE = /^[^，,。；;：:、（）()]{0,30}(?:(?:部门|单位)(?:预算|决算)(?:公开)?|(?:预算|决算)公开)(?:[（(][^（）()]{1,6}[）)])?$/;
/** lines a page's head spans, blank lines aside, where another disclosure's cover names it */
export const HEAD_LINES = 3;

/** a cover's title parted: whose, which year, and what (部门预算, 单位决算, 预算公开) */
const TITLE_PARTS_RE = /^(.*?)(20\d{2})年度?(.*?)$/;
/** a part's or chapter's heading names a section, never another document */
const SECTION_RE = /^第[一二三四五六七八九十\d]{1,3}(?:部分|章|篇)/;

/** what a cover says of its disclosure: whose (the words before its year), the year, and whether a 预算 or a 决算 */
function coverParts(text: string): { unit: string; year: string | null; kind: string } {
  const m = TITLE_PARTS_RE.exec(text);
  const kind = (t: string) => (/决算/.test(t) ? '决算' : /预算/.test(t) ? '预算' : '');
  return m ? { unit: m[1], year: m[2], kind: kind(m[3]) } : { unit: '', year: null, kind: kind(text) };
}

/**
 * Whether a cover names another disclosure than the part's own cover does: another year, a 决算
 * for a 预算, or a unit the own cover does not name. A title page repeating the cover in other
 * lines (江苏省委办公厅 / 2019年度部门预算 and 江苏省委办公厅2019年度部门预算) is the same, and so is one
 * that says 单位 for the cover's 部门 (形式/部门单位称谓's slip, not another document). byUnit: a
 * unit not named tells too.
 */
function namesAnother(cover: string, own: string, byUnit: boolean): boolean {
  const [a, b] = [coverParts(cover), coverParts(own)];
  if (a.year && b.year && a.year !== b.year) return true;
  if (a.kind && b.kind && a.kind !== b.kind) return true;
  return byUnit && a.unit.length > 1 && b.unit.length > 1 && !b.unit.includes(a.unit) && !a.unit.includes(b.unit);
}

/**
 * Another disclosure that prints no table again (its tables published apart, or none of the
 * first's kinds): after the part's first page and before `before`, a page whose first lines hold
 * a cover's title (the lines down to it read as one: 江苏省人大常委会办公厅 / 2017 年度部门预算) naming
 * another disclosure than the part's own first lines do.
 */
export function anotherCover(lines: SourceLine[], before: number): SecondDisclosure | null {
  const kept = lines.filter((l) => l.line < before);
  if (!kept.some((l) => l.page !== undefined)) return titleAlone(kept);
  const pages = new Map<number, SourceLine[]>();
  for (const l of kept) {
    if (!l.text.trim()) continue;
    const page = pages.get(l.page!);
    if (page) page.push(l);
    else pages.set(l.page!, [l]);
  }
  const [first, ...rest] = [...pages.values()];
  if (!first) return null;
  const own = first.slice(0, HEAD_LINES).map((l) => squeezed(l.text)).join('');
  for (const page of rest) {
    const head = page.slice(0, HEAD_LINES).map((l) => squeezed(l.text));
    const at = head.findIndex(isCoverTitle);
    const title = head.slice(0, at + 1).join('');
    // a unit's name alone tells only on a cover: a page of a few lines, or its 目录 under the title
    const coverLike = page.length <= COVER_PAGE_LINES || head.some((t) => /^目录$/.test(t));
    // from the page's first line in the whole input, blank or not
    if (at >= 0 && namesAnother(title, own, coverLike)) return { from: lines.find((l) => l.page === page[0].page)!.line, line: 1, page: page[0].page, title, cover: true };
  }
  return null;
}

/** non-blank lines a cover page holds at most: its title, the unit's name, a date */
const COVER_PAGE_LINES = 6;

export const isCoverTitle = (t: string) => COVER_TITLE_RE.test(t) && !SECTION_RE.test(t);
/** a unit's name on the line over its cover's year (江苏省人大常委会办公厅 / 2017 年度部门预算) */
const UNIT_LINE_RE = /^[^\d，,。；;：:、（）()]{2,20}$/;

/**
 * Text without pages: a cover's title on a line of its own (a blank line after it), the unit's
 * name on the line over it read with it, naming another year or a 决算 for a 预算 than the text's
 * first lines. A unit's name alone does not tell here: the narrative names its unit otherwise.
 */
function titleAlone(lines: SourceLine[]): SecondDisclosure | null {
  const own = lines.filter((l) => l.text.trim()).slice(0, HEAD_LINES).map((l) => squeezed(l.text)).join('');
  for (const { start, title } of titlesAlone(lines, HEAD_LINES)) {
    if (namesAnother(title, own, false)) return { from: start.line, line: start.line, title, cover: true };
  }
  return null;
}

/**
 * Text without pages: each cover's title standing on a line of its own (a blank line after it),
 * the unit's name on the line over it read with it (江苏省人大常委会办公厅 / 2017 年度部门预算), and
 * the line it starts on; the first `skip` printed lines aside (the text's own cover).
 */
export function* titlesAlone(lines: SourceLine[], skip: number): Generator<{ start: SourceLine; title: string }> {
  let printed = 0;
  let over: SourceLine | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.text.trim()) continue;
    const above = over;
    over = l;
    if (printed++ < skip) continue;
    const line = squeezed(l.text);
    if (!isCoverTitle(line) || lines[i + 1]?.text.trim()) continue;
    const unitOver = above !== undefined && UNIT_LINE_RE.test(squeezed(above.text)) && /^20\d{2}/.test(line);
    yield unitOver ? { start: above, title: squeezed(above.text) + line } : { start: l, title: line };
  }
}

