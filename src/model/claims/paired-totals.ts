/**
 * Two totals said in one clause, each list's first figure the income's and its second the
 * spending's (四川's template where the two differ): 收、支总计各是 A，B 万元。与上年相比，收、支总计各减少
 * X，Y 万元，各下降 P%、Q%. Read as two year-on-year changes, 收入总计 and 支出总计, each with its own
 * change and rate, and its own amount where the levels are said so just before. The template's
 * one-figure form (收、支总计各 A 万元 … 各增加 X 万元，增长 P%) is an ordinary change (claims.ts).
 */
import { locate, NUM, sectionAt } from './phrases.js';
import { add, addYoy, fig, markUsed, type Reading } from './reading.js';

/** the second figure of a list: NUM refuses to begin after a comma (it could be mid-number), this one follows its list's comma */
export const SECOND = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
export const LIST = '[,，、和及]';
const BOTH = '收入?、支出?总计各';
const LEVELS = new RegExp(`${BOTH}(?:是|为)?${NUM}(?:万元)?${LIST}${SECOND}万元`, 'dg');
const CHANGES = new RegExp(`${BOTH}(增加|减少)了?${NUM}(?:万元)?${LIST}${SECOND}万元[,，]各?(增长|下降)了?${NUM}%${LIST}${SECOND}%`, 'dg');
/** how far back the levels may be said: the sentence before the change's */
const LEVELS_REACH = 160;

/**
 * the two totals said apart in one sentence: 收入总计 A 万元，支出总计 B 万元; a clause between
 * (财政拨款收入总计 A 万元，与2019年相比增加 X 万元，增长 P%；财政拨款支出总计 B 万元, 四川 大邑 2020);
 * the 财政拨款 总表's two as well, whose totals balance as the 总表's do
 */
const BETWEEN = '[,，；;](?:[^。；;]{0,60}?[,，；;])?';
const APART = new RegExp(`(?<!财政拨款)收入总计(?:为|是)?${NUM}万元${BETWEEN}支出总计(?:为|是)?${NUM}万元`, 'dg');
const FUNDS_APART = new RegExp(`财政拨款收入总计(?:为|是)?${NUM}万元${BETWEEN}财政拨款支出总计(?:为|是)?${NUM}万元`, 'dg');

/** a match's group as a printed figure, where the match found it */
const figureOf = (r: Reading, match: RegExpMatchArray, group: number, percent = false) => fig(r, percent ? `${match[group]}%` : match[group], match.indices![group][0], percent);

export function readPairedTotals(r: Reading): void {
  // both forms give the income's level first, the spending's second (收入总计 A 万元，支出总计 B 万元，与上年相比，
  // 收入、支出总计各增加 X 万元、Y 万元: 西藏's), in the order they are said
  const levels = [...r.text.matchAll(LEVELS), ...r.text.matchAll(APART)].sort((a, b) => a.index! - b.index!);
  // the two totals of a 总表 balance: said together, they are one figure twice
  for (const [subject, found] of [['收支总计', levels], ['财政拨款收支总计', [...r.text.matchAll(FUNDS_APART)]]] as const) {
    for (const m of found) {
      const figures = { income: figureOf(r, m, 1), spending: figureOf(r, m, 2) };
      add(r, { kind: 'balance', subject, section: sectionAt(r.heads, m.index!), text: m[0], figures, parts: [], link: null, whole: null, loc: { ...locate(r.stream, m.index!, m.index! + m[0].length), file: r.file } });
    }
  }
  for (const m of r.text.matchAll(CHANGES)) {
    const at = m.index!;
    const said = levels.filter((l) => l.index! < at && at - l.index! <= LEVELS_REACH).pop();
    const direction = m[1] as '增加' | '减少';
    const rateDirection = m[4] as '增长' | '下降';
    for (const [subject, change, rate, level] of [['收入总计', 2, 5, 1], ['支出总计', 3, 6, 2]] as const) {
      const figures = { change: figureOf(r, m, change), rate: figureOf(r, m, rate, true), ...(said ? { current: figureOf(r, said, level) } : {}) };
      addYoy(r, at, m[0], { subject, direction, rateDirection, figures });
    }
    if (said) markUsed(r, said.index!, said[0].length);
  }
}
