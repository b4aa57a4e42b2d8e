/**
 * Claims about projects and counts: a project's execution (全年预算数为 A 万元…完成年度预算的 P%)
 * and its self-assessed score, checked with its form; counts (共计 7 个项目, 接待 4 批次); the
 * projects assessed as a whole and the funds they involve.
 */
import type { Cell } from '../types.js';
import { add, exactFigure, fig, markUsed, projectBefore, type Reading } from './reading.js';
import { projectTotals } from './project-totals.js';
import { itemisedSpending } from './spending-items.js';
import { NUM, SEP, figure, locate, sectionAt, subjectBefore } from './phrases.js';

/** 项目全年预算数为 A 万元，实际支出 B 万元，…完成年度预算的 P%: a project's execution, checked with its form */
export function readProjectRates(r: Reading): void {
  const { text } = r;
  const PROJECT_RATE = new RegExp(`全年预算(?:数)?为${NUM}万元${SEP}(?:实际支出|执行数为|支出)${NUM}万元(?:${SEP}结转${NUM}万元)?${SEP}完成(?:年度)?预算的${NUM}%`, 'g');
  for (const m of text.matchAll(PROJECT_RATE)) {
    const at = m.index!;
    const named = projectBefore(r, at, 200);
    if (!named) continue;
    const iBudget = at + m[0].indexOf(m[1]);
    const iActual = at + m[0].indexOf(m[2], m[0].indexOf('万元') + 2);
    const iRate = at + m[0].lastIndexOf(`${m[4]}%`);
    add(r, {
      kind: 'rate',
      subject: named.name,
      section: sectionAt(r.heads, at),
      project: named.project,
      text: m[0],
      figures: { budget: fig(r, m[1], iBudget), actual: fig(r, m[2], iActual), rate: fig(r, `${m[4]}%`, iRate, true) },
      // what the 完成情况 after it itemises the spending by (差旅费 4.63 万元，办公费 3.8 万元，…)
      parts: itemisedSpending(text, at + m[0].length).map((p) => fig(r, p.raw, p.at)),
      link: null,
      whole: null,
      loc: { ...locate(r.stream, at, at + m[0].length), file: r.file },
    });
    markUsed(r, at, m[0].length);
  }
}

/** 项目自评得分 97 分, with the project named in quotes just before */
export function readScores(r: Reading): void {
  const SCORE = new RegExp(`自评得分(?:为)?${NUM}分`, 'g');
  for (const m of r.text.matchAll(SCORE)) {
    const at = m.index!;
    const named = projectBefore(r, at, 80);
    if (!named) continue;
    add(r, {
      kind: 'score',
      subject: named.name,
      section: sectionAt(r.heads, at),
      project: named.project,
      text: m[0],
      figures: { score: figure(r.stream, r.file, m[1], at + m[0].indexOf(m[1]), null) },
      parts: [],
      link: null,
      whole: null,
      loc: { ...locate(r.stream, at, at + m[0].length), file: r.file },
    });
  }
}

/** counts: 共计 7 个项目，接待 4 批次、49 人次; 涉及项目11个; 项目共12个 */
export function readCounts(r: Reading): void {
  const { text } = r;
  const COUNT = new RegExp(`${NUM}(个项目|批次|人次|个团组|辆)|项目\\s*(?:共计?|合计)?\\s*(\\d+)\\s*个(?![\\d万元])`, 'g');
  for (const m of text.matchAll(COUNT)) {
    const at = m.index!;
    const [raw, noun, rawAt] = m[1] ? [m[1], m[2], at] : [m[3], '个项目', at + m[0].indexOf(m[3])];
    const start = text.lastIndexOf('。', at) + 1;
    const end = text.indexOf('。', at);
    add(r, {
      kind: 'count',
      subject: `${subjectBefore(text, at)}${noun}`,
      section: sectionAt(r.heads, at),
      // the whole sentence: what is counted (项目 assessed, 批次 received) is said around the figure
      text: text.slice(start, end < 0 ? undefined : end),
      figures: { count: exactFigure(r, raw, rawAt) },
      parts: [],
      link: null,
      whole: null,
      loc: { ...locate(r.stream, at, at + m[0].length), file: r.file },
    });
  }
}

/** the projects assessed as a whole: their count, the funds they involve and, where said, their spending */
export function readProjectTotals(r: Reading): void {
  for (const t of projectTotals(r.text)) {
    const figures: Record<string, Cell> = { count: exactFigure(r, t.count.raw, t.count.at), budget: fig(r, t.amount.raw, t.amount.at) };
    if (t.spent) figures.actual = fig(r, t.spent.raw, t.spent.at);
    add(r, {
      kind: 'projects',
      subject: t.words,
      section: sectionAt(r.heads, t.at),
      ...(t.basis ? { basis: t.basis } : {}),
      text: t.sentence,
      figures,
      parts: [],
      link: null,
      whole: null,
      loc: { ...locate(r.stream, t.at, t.amount.at + t.amount.raw.length + 2), file: r.file },
    });
  }
}
