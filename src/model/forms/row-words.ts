/**
 * The words of a project form's indicator rows read as text: its header's and its 一级/二级
 * names, and those that close a row (its 指标值 and 实际值, then 分值 and 得分).
 */
import { normalizeLabel, type Token } from '../../layout/tokenize.js';
import { SCORE_NAMES, WEIGHT_NAMES } from './form-vocabulary.js';

/** the words of an indicator block's header, wrapped over lines (年度 实际 / 分值 得分 / 偏差原因分析 …) */
export const INDICATOR_HEADER = new RegExp(`^(年度|实际|${WEIGHT_NAMES}|${SCORE_NAMES}|偏差原因分析|及?改进措施(指标值)?|(年度)?指标值([（(][AB][）)])?|(实际)?完成值([（(][AB][）)])?|未完成原因分析|[一二三]级指标)$`);
/** 二级指标 names, as forms print them before the 三级 name */
export const LEVEL_TWO = /^(数量指标|质量指标|时效指标|(经济|社会|生态(环境)?)?成本指标|(经济|社会|生态)效益指标|可持续影响指标|服务对象满意度指标|满意度指标)/;
/** what may stand before a row's 一级 name: the rest of a vertical 绩/效/指/标 label, a page number */
export const leadingJunkOff = (text: string) => text.replace(/^\d*(绩效)?(指标)?(?=(产出|效益|满意度|成本)指标)/, '');
/** a 一级 or 二级 name anywhere in a row's words */
export const LEVEL_NAME_ANYWHERE = /(产出|效益|满意度|成本)指标|数量指标|质量指标|时效指标|效益指标|可持续影响/;
/** a 二级 name inside a row's words: what precedes it is the previous row's 偏差原因 note */
export const LEVEL_TWO_INSIDE = /(数量指标|质量指标|时效指标|(经济|社会|生态)效益指标|可持续影响指标|服务对象满意度指标)/g;
/** text laid out in columns (pdftotext -layout): cells parted by runs of spaces, or indented */
export const laidOut = (text: string) => /^ {2,}\S|\S {2,}\S/.test(text);

const UNIT_WORD = /^万?(册|本|份|篇|次|人次|人|家|家次|天|元|个|项|户|场|期|所|台|套)$|^%$/;
/** a comparison sign standing alone: it begins the value after it */
const LONE_SIGN = /^[≥≤=＝<>＜＞]$/;
/** what a 指标值 or 实际值 looks like: a comparison, a figure, a date, a grade or an outcome */
const VALUE_WORD = /^[≥≤=＝<>＜＞]|^\d[^：:]*$|%$|^(优良中低差|高中低|优|良|中|低|差|高|是|否|健全|完善|规范|达标|合格|达成年度指标|按计划完成|已完成|完成|提升|逐年提升|持续提升|有所提升|得到提升|提高|有所提高|显著提高|持续提高|得到提高|明显|成效明显|及时|减轻)$/;

/**
 * 指标值 and 实际值 as printed before 分值 on the row's last line (`≥1万册 120000 册`, `优良中低差 优`),
 * read from the right; a unit standing apart joins its figure. `first` is where the values begin.
 */
export function printedValues(before: string): { target: string | null; actual: string | null; first: number | null } {
  const words: Array<{ text: string; at: number }> = [];
  for (const m of before.matchAll(/\S+/g)) {
    // a name run into its values: 参保人数（在职）≥6.53万人, 调动工作积极性优良中低差,
    // 补贴标准≥300元/人/年=301元/人/年, 经济负担减轻情况减轻减轻
    let parts = m[0].split(/(?<=.)(?=[≥≤＝=<>＜＞]|优良中低差$|高中低$)/);
    const twice = /^(.*?)([^≥≤＝=<>＜＞\d]{2,4})\2$/.exec(m[0]);
    if (parts.length === 1 && twice) parts = [twice[1], twice[2], twice[2]].filter((x) => x);
    let at = m.index!;
    for (const text of parts) {
      const last = words[words.length - 1];
      // a unit standing apart (120000 册), the grade scale wrapped (优良中低 / 差), or a sign set
      // apart from its figure (≥ 1 万册, as a typesetter spaces Chinese and Latin)
      if (last && (UNIT_WORD.test(text) || last.text + text === '优良中低差' || LONE_SIGN.test(last.text))) last.text += text;
      else words.push({ text, at });
      at += text.length;
    }
  }
  const actual = words[words.length - 1];
  const target = words[words.length - 2];
  // a target met word for word (减轻 减轻) needs no other sign of being a value
  if (actual && target && target.text === actual.text && words.length > 2) return { target: target.text, actual: actual.text, first: target.at };
  if (!actual || !VALUE_WORD.test(actual.text)) return { target: null, actual: null, first: null };
  if (target && (VALUE_WORD.test(target.text) || target.text === actual.text)) return { target: target.text, actual: actual.text, first: target.at };
  return { target: null, actual: actual.text, first: actual.at };
}

/**
 * The row's 分值 and 得分: its last two plain numbers. Where three numbers close the row and only
 * the first two make sense as 分值 ≥ 得分, the third is a stray (a page number run into the row):
 * it is returned so that the reader can say so.
 */
export function trailingScores(tokens: Token[]): { weight: Token; score: Token; stray?: Token } | null {
  const nums = tokens.filter((t) => t.kind === 'number' && !t.num!.percent);
  if (nums.length < 2) return null;
  const run = tokens.slice(-3);
  if (run.length === 3 && run.every((t) => t.kind === 'number' && !t.num!.percent)) {
    const [a, b, c] = run;
    if (b.num!.value <= a.num!.value && c.num!.value > b.num!.value) return { weight: a, score: b, stray: c };
  }
  const [w, s] = nums.slice(-2);
  // 分值 and 得分 are neighbouring cells: figures parted by words (2025 年 12 月 31, ≤70 万元 =38.79)
  // are a value's, its cell wrapped over lines with the row's 分值 and 得分 still to come
  if (tokens[tokens.indexOf(w) + 1] !== s) return null;
  const last = tokens[tokens.length - 1];
  // 分值 得分 close the row, or stand just before a 偏差原因 note
  const tail = tokens.slice(tokens.indexOf(s) + 1);
  if (tail.some((t) => t.kind === 'number') || (last !== s && tail.some((t) => /[≥≤=＝%]/.test(t.text)))) return null;
  if (w.num!.value > 100 || s.num!.value > 100) return null;
  return { weight: w, score: s };
}

/**
 * What of a label follows a section header's `(50分)` within it: 产出指标（50分） 医保经办机构…
 * read as one label, cells parted by one space. Placed where it stands on its line (a row's words
 * are read from the line's text by their columns), or null where the header ends the label.
 */
export function labelAfterWeight(t: Token, weight: string, lineText: string): Token | null {
  const text = lineText.slice(0, t.endColumn - 1);
  const header = new RegExp(`${weight.replace('.', '\\.')}\\s*分\\s*[）)]?\\s*`, 'g');
  header.lastIndex = t.column - 1;
  const rest = header.exec(text) ? normalizeLabel(text.slice(header.lastIndex)) : '';
  return rest ? { ...t, text: rest, column: header.lastIndex + 1 } : null;
}
