/**
 * Where a project form's indicator header, read as words, puts 分值 against 指标值 and 实际值.
 * Rows read as words close on their 分值 and 得分, so a header printing 分值 before the values
 * leaves a row's figures apart from one another unknown; so does a header whose names wrap over
 * lines that the text sets apart from the header's own line (a wrapped cell's first line above
 * it, text read line by line across the row), unless the text is laid out in columns that place
 * them.
 */
import type { SourceLine } from '../../ingest/text.js';
import { laidOut } from './row-words.js';

/** the names an indicator header prints; a line of nothing but their parts is one of its wrapped lines */
const HEADER_NAMES = ['一级指标', '二级指标', '三级指标', '年度指标值', '预期指标值', '全年实际值', '实际完成值', '实际完成指标值', '分值', '权重', '得分', '未完成原因分析', '偏差原因分析及改进措施'];
const headerPart = (word: string) => HEADER_NAMES.some((n) => n.includes(word));
export const wrappedHeaderLine = (text: string) => {
  const words = text.trim().split(/\s+/).filter((w) => w);
  return words.length > 0 && words.every(headerPart);
};
/**
 * A row's words past the header's own names where they hold them (年度指标值 实际完成值 分值 得分…
 * 人均会议成本 → 人均会议成本): text read a cell to a line runs the header into the first row.
 * Null where they do not: three names at least, as one may be part of an indicator's name (满意度得分).
 */
export function pastHeaderNames(words: string): string | null {
  const found = HEADER_NAMES.filter((n) => words.includes(n));
  if (found.length < 3) return null;
  return words.slice(Math.max(...found.map((n) => words.lastIndexOf(n) + n.length)));
}

/** a value column's name, or a part of it (年度指标 / 值, 实际完成 / 值) */
const VALUE_PART = /指标值|实际|完成值|^年度指标$|^值$/;
const VALUE_NAME = /指标值|实际/;

/**
 * Why the indicator rows of the form whose header is lines[k] cannot be read as words (null
 * where they can). `from`: the first line the header's wrapped lines may stand on.
 */
export function headerOrderUnread(lines: SourceLine[], k: number, from: number): string | null {
  const above: SourceLine[] = [];
  for (let j = k - 1; j >= from && wrappedHeaderLine(lines[j].text); j--) above.unshift(lines[j]);
  const below: SourceLine[] = [];
  for (let j = k + 1; j < lines.length && wrappedHeaderLine(lines[j].text); j++) below.push(lines[j]);
  const header = lines[k].text;
  if (laidOut(header)) return laidOutOrder(header, [...above, ...below]);
  // a header whose wrapped names run on below it: its words in the cells' order
  const bare = [header, ...below.map((l) => l.text)].join('').replace(/[ \u3000]/g, '');
  const weightAt = bare.indexOf('分值');
  if (weightAt < 0) return null;
  if (above.some((l) => l.text.trim().split(/\s+/).some((w) => VALUE_PART.test(w)))) return '指标表头的栏名折行，一部分印在表头行之上，分不清分值与指标值、实际完成值的先后，指标与总分未读取';
  const valueAt = bare.search(VALUE_NAME);
  if (valueAt > weightAt) return WEIGHT_FIRST;
  return null;
}

export const WEIGHT_FIRST = '分值印在指标值之前，按文字分不清各指标的分值与得分，指标与总分未读取';

/** in text laid out in columns: a value name's part on a wrapped line at or right of 分值 leaves its column unplaced */
function laidOutOrder(header: string, wrapped: SourceLine[]): string | null {
  const weightAt = header.indexOf('分值');
  const valueAt = header.search(VALUE_NAME);
  if (weightAt >= 0 && valueAt > weightAt) return WEIGHT_FIRST;
  if (weightAt < 0) return null;
  for (const l of wrapped) {
    for (const m of l.text.matchAll(/\S+/g)) {
      if (VALUE_PART.test(m[0]) && m.index! + m[0].length > weightAt) return '指标表头的栏名折行，印在分值之上或之下，分不清分值与指标值、实际完成值的先后，指标与总分未读取';
    }
  }
  return null;
}
