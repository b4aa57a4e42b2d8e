/**
 * Statements about the document itself, read from the narrative: template text published as it
 * was (XXXXXXXX, 增加（减少）, （如持平作持平表述）), and the years its sentences date themselves by
 * (截至2023年12月31日; 比2025年预算, 与2022年度相比).
 */

export interface Found {
  /** the words as printed (spaces removed) */
  words: string;
  at: number;
  /** the year stated, for dated statements */
  year?: string;
}

// a placeholder run of X (not part of a Latin word); a change word with its opposite left in brackets;
// the template's instructions to its writer
const TEMPLATE_RE = new RegExp(
  [
    '(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])',
    '(?:增加|减少|增长|下降|上升|降低)[（(](?:增加|减少|增长|下降|上升|降低)[）)]',
    '[（(]如[^（()）]{1,20}表述[）)]',
  ].join('|'),
  'g',
);

/** template text left in the published narrative */
export function templateLeftovers(text: string): Found[] {
  return [...text.matchAll(TEMPLATE_RE)].map((m) => ({ words: m[0], at: m.index! }));
}

// the year-end a final account reports on: only 12月31日 names the year unambiguously
const AS_OF_RE = /截至(\d{4})年12月31日/g;
// the year a change or a comparison is measured from: 比2025年预算, 较2022年, 与2022年度相比
const SINCE_RE = /(?:比|较|与)(\d{4})年度?(?=预算|决算|相比|同期|增|减|持平|基本持平|[^\d年]{0,12}(?:增加|减少|增长|下降|持平))/g;

/** 截至 YYYY年12月31日 */
export function asOfDates(text: string): Found[] {
  return [...text.matchAll(AS_OF_RE)].map((m) => ({ words: m[0], at: m.index!, year: m[1] }));
}

/** 比 YYYY 年…: the year a statement compares with */
export function comparedYears(text: string): Found[] {
  return [...text.matchAll(SINCE_RE)].map((m) => ({ words: m[0], at: m.index!, year: m[1] }));
}
