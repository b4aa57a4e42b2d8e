/**
 * A 总表 in text whose words are set one space apart says nothing by where its words stand, so
 * where its header prints three [项目 金额] pairs (收入 | 支出 by function | 支出 by purpose, as
 * Jiangsu prints its 收支预算总表) each name is given to a pair by what it is: a line's names
 * stand in the pairs' order, a cell left empty drops out of the line, and each pair numbers its
 * items on (一、二、三…), so the pair whose numbering a name continues is its own.
 */
import type { Token } from '../../layout/tokenize.js';
import type { Catalog } from './catalog.js';
import { labelText, stripEnumeration } from './builder.js';
import { functionClassCode, sideByName } from './kinds.js';
import { TOTAL_OR_CARRY_RE } from './text-columns.js';

export interface GroupedSegment {
  labels: Token[];
  line: number;
  group?: number;
}

/** the header cells over a pair's names; the longest first, 科目名称 being the end of 功能科目名称 */
const NAME_HEADS_RE = /功能分类科目名称|功能科目名称|项目名称|科目名称/g;
const CHINESE_NUMERALS = '一二三四五六七八九十';

/** whether a header (its lines, spaces removed) prints three or more [项目 金额] pairs */
export function printsThreePairs(headerLines: Iterable<string>): boolean {
  return [...headerLines].join('').match(NAME_HEADS_RE)?.length === 3;
}

/** 一、 → 1 … 二十、 → 20; undefined for a name not numbered so */
function chineseNumber(name: string): number | undefined {
  const m = /^([一二三四五六七八九十]{1,3})[、.．]/.exec(name);
  if (!m) return undefined;
  const [a, b, c] = [...m[1]].map((ch) => CHINESE_NUMERALS.indexOf(ch) + 1);
  if (m[1].length === 1) return a;
  if (m[1].length === 2) return a === 10 ? 10 + b : b === 10 ? a * 10 : undefined;
  return b === 10 ? a * 10 + c : undefined;
}

/** how well a name fits a pair (0 收入, 1 支出 by function, 2 支出 by purpose), given each pair's last number */
function fit(name: string, group: number, last: number[], catalog: Catalog): number {
  const plain = stripEnumeration(name);
  let score = 0;
  const n = chineseNumber(name);
  if (n !== undefined) score += n === last[group] + 1 ? 3 : -1;
  // the purpose breakdown has no totals or carry-overs of its own: those of 支出 are the function pair's
  if (TOTAL_OR_CARRY_RE.test(plain) && group === 2) score -= 5;
  const side = sideByName(catalog, plain);
  if (side === '收入') score += group === 0 ? 2 : -2;
  if (side === '支出') score += group === 0 ? -2 : 1;
  if (functionClassCode(catalog, plain) || functionClassCode(catalog, `${plain}支出`)) score += group === 1 ? 2 : -2;
  return score;
}

/** the increasing choices of `k` pairs out of three */
function choices(k: number): number[][] {
  const all: number[][] = [[]];
  for (let g = 0; g < 3; g++) for (const c of [...all]) if (c.length < k) all.push([...c, g]);
  return all.filter((c) => c.length === k);
}

/**
 * Gives each segment of a line its pair where one choice fits best; a line whose choices tie, or
 * with more names than pairs, is left as it is (its sides then go by position and by name).
 */
export function assignTextGroups(segments: GroupedSegment[], catalog: Catalog): void {
  const last = [0, 0, 0];
  const byLine = new Map<number, GroupedSegment[]>();
  for (const seg of segments) if (seg.labels.length) byLine.set(seg.line, [...(byLine.get(seg.line) ?? []), seg]);
  for (const line of byLine.values()) {
    if (line.length > 3) continue;
    const names = line.map((seg) => labelText(seg.labels));
    const scored = choices(line.length)
      .map((c) => ({ c, score: c.reduce((s, g, i) => s + fit(names[i], g, last, catalog), 0) }))
      .sort((a, b) => b.score - a.score);
    if (scored.length > 1 && scored[0].score === scored[1].score) continue;
    scored[0].c.forEach((g, i) => {
      line[i].group = g;
      const n = chineseNumber(names[i]);
      if (n !== undefined) last[g] = n;
    });
  }
}
