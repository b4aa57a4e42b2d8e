/**
 * Statements about the document itself, read from the narrative: template text published as it
 * was (XXXXXXXX, 增加（减少）, （如持平作持平表述）), and the years its sentences date themselves by
 * (截至2023年12月31日; 比2025年预算, 与2022年度相比).
 */
import type { Cell } from '../types.js';
import { add, exactFigure, type Reading } from './reading.js';
import { locate, RATE_LEAD, RATE_WORDS, sectionAt, TEMPLATE_NOTE } from './phrases.js';

export interface Found {
  /** the words as printed (spaces removed) */
  words: string;
  at: number;
  /** the year stated, for dated statements */
  year?: string;
}

// a placeholder run of X (not part of a Latin word); a change word with its opposite left in brackets;
// the template's instructions to its writer: how to say it (（如持平作持平表述）), what to fill in from
// which table (（按“部门预算公开06表…”中实际发生经济分类支出事项填写）); a reason or a use the template
// asks for, left empty (主要原因是。, 主要用于；); an amount left blank before its unit (政府性基金支出预算
// 支出 万元。). Not the template's description of a table that departments keep on purpose, their
// own name filled in (本表反映…。填列数应与《省委办公厅部门收支预算总表》收入数一致。)
const TEMPLATE_RE = new RegExp(
  [
    '(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])',
    '(?:增加|减少|增长|下降|上升|降低)[（(](?:增加|减少|增长|下降|上升|降低)[）)]',
    '[（(]如[^（()）]{1,20}表述[）)]',
    TEMPLATE_NOTE,
    '(?:主要)?(?:原因(?:主要)?(?:是|为)|用于)[:：]?(?=[。；;])',
    // …not the unit a note names (金额单位为万元。)
    '(?<!单位)(?:预算|决算)?(?:支出|收入|预算|决算|总计|合计|拨款|安排|为)万元(?=[。；;，,])',
  ].join('|'),
  'g',
);

// a rate printed without its %: a change in 万元, then a rate's word (the year-on-year reader's) and a
// bare number ending the clause (增加 1193.20 万元，增长 13.95。; 减少 100 万元，减少 9.52，), not a
// thousands' comma (增加2,915.22万元); that reader takes it as the rate it is
const PERCENTLESS_RE = new RegExp(`万元[，,](?:${RATE_LEAD})?(?:${RATE_WORDS})(?:了|为)?\\s*(-?\\d+(?:\\.\\d+)?)(?=[。；;]|[，,](?!\\d))`, 'g');

/** rates printed without their % sign: the number as printed */
export function percentlessRates(text: string): Found[] {
  return [...text.matchAll(PERCENTLESS_RE)].map((m) => ({ words: m[1], at: m.index! + m[0].lastIndexOf(m[1]) }));
}

/** template text left in the published narrative */
export function templateLeftovers(text: string): Found[] {
  return [...text.matchAll(TEMPLATE_RE)].map((m) => ({ words: m[0], at: m.index! }));
}

// the year-end a final account reports on: only 12月31日 names the year unambiguously
const AS_OF_RE = /截至(\d{4})年12月31日/g;
// the year a change or a comparison is measured from: 比2025年预算, 较2022年, 与2022年度相比; a
// budget it names is kept in the words (与2020年度预算相比: a final account's year measured against its own budget)
const SINCE_RE = /(?:比|较|与)(\d{4})年度?(?:年?初)?(预算数?)?(?=预算|决算|相比|同期|增|减|持平|基本持平|[^\d年]{0,12}(?:增加|减少|增长|下降|持平))/g;

// the year of the budget or final account whose scope a unit is in (纳入本部门2019年部门汇总预算编制范围的预算单位):
// the document's own
const SCOPE_RE = /纳入[^，,。；;\d]{0,12}?(\d{4})年度?[^，,。；;\d]{0,10}?(?:预算|决算)(?:编制|汇编)?范围/g;

/** 纳入…YYYY年…预算编制范围 */
export function scopeYears(text: string): Found[] {
  return [...text.matchAll(SCOPE_RE)].map((m) => ({ words: m[0], at: m.index!, year: m[1] }));
}

/** 截至 YYYY年12月31日 */
export function asOfDates(text: string): Found[] {
  return [...text.matchAll(AS_OF_RE)].map((m) => ({ words: m[0], at: m.index!, year: m[1] }));
}

/** 比 YYYY 年…: the year a statement compares with */
export function comparedYears(text: string): Found[] {
  return [...text.matchAll(SINCE_RE)].map((m) => ({ words: m[0], at: m.index!, year: m[1] }));
}

/** the words around text[i, j) within their sentence, at most 20 characters either side (a template's sentences run long) */
function wordsAround(text: string, i: number, j: number): string {
  const before = text.slice(Math.max(0, i - 20), i);
  const after = text.slice(j, j + 20);
  const head = before.slice(before.lastIndexOf('。') + 1);
  const stop = after.indexOf('。');
  const tail = stop < 0 ? after : after.slice(0, stop);
  const cutHead = head.length === 20 && i - 20 > 0;
  const cutTail = stop < 0 && j + 20 < text.length;
  return `${cutHead ? '…' : ''}${head}${text.slice(i, j)}${tail}${cutTail ? '…' : ''}`;
}

/** template text left in (kind template), rates without their % (percentless), and the years the narrative dates its statements by (asof, since, scope) */
export function readDocumentText(r: Reading): void {
  const emit = (kind: 'template' | 'percentless' | 'asof' | 'since' | 'scope', f: Found) => {
    const figures: Record<string, Cell> = {};
    if (f.year) {
      const at = f.at + f.words.indexOf(f.year);
      figures.year = exactFigure(r, f.year, at);
    }
    add(r, { kind, subject: f.words, section: sectionAt(r.heads, f.at), text: wordsAround(r.text, f.at, f.at + f.words.length), figures, parts: [], link: null, whole: null, loc: { ...locate(r.stream, f.at, f.at + f.words.length), file: r.file } });
  };
  for (const f of templateLeftovers(r.text)) emit('template', f);
  for (const f of percentlessRates(r.text)) emit('percentless', f);
  for (const f of asOfDates(r.text)) emit('asof', f);
  for (const f of comparedYears(r.text)) emit('since', f);
  for (const f of scopeYears(r.text)) emit('scope', f);
}
