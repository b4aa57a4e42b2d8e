/**
 * Completion rates as the 说明 word them: 年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 P%, and
 * the actual first (支出决算为 B 万元，完成全年预算 A 万元的 P%); with the statements a 其中 lists under one.
 */
import type { Cell, Claim } from '../types.js';
import { relationAfter } from './compare.js';
import { linkSubject } from './link.js';
import { findPath } from './path-link.js';
import { currentAmount } from './current-amount.js';
import { cleanPath, headBefore, locate, NUM, pathBefore, pathSubject, sectionAt, sectionStart, SEP, subjectBefore, unitAfter } from './phrases.js';
import { listedRates, type RateAt } from './rate-items.js';
import { add, fig, markUsed, sameLoc, type Reading } from './reading.js';

/** the actual printed without its unit where its clause ends (年初预算为 0.00 万元，支出决算为 4.19。): the budget's */
const UNIT_LEFT_OUT = '(?=[。；;，,])';
/** a budget of nothing may be printed without its unit (年初预算为 0，支出决算为 150 万元): a 0 right before the comma */
const BARE_ZERO = '(?=[,，])(?<=(?:^|[^\\d.,])0(?:\\.0{1,2})?)';

/**
 * 年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 P%; the rate also said 完成预算的 P%, 预算执行率为 P%,
 * 预算完成率为 P%,
 * 决算数为年初预算数的 P%; the budget also said 支出预算为 A 万元 (安徽's 三公 wording) or an item's 预算为 A 万元
 * (公务接待费预算为1万元,支出决算为0.53万元, 安徽寿县; not 全年预算数为, 调整预算为: budgets of another kind), the actual
 * 当年支出决算为 B 万元 (上海's 2025 决算)
 */
const BUDGET_RATE = new RegExp(
  `(?:(?:年初|支出)预算(?:数)?为?|(?<!全年|调整后?|上年)预算(?:数)?为)[:：]?${NUM}(?:万元|${BARE_ZERO})${SEP}(?:当年|本年)?(?:支出)?决算(?:数)?为?${NUM}(?:万元|${UNIT_LEFT_OUT})(?:${SEP}(?:完成(?:年初)?预算(?:数)?的|(?:预算)?(?:执行|完成)率为?|决算数?为年初预算数?的)${NUM}%)?`,
  'g',
);

/**
 * the actual first and the budget in the rate's words: 支出决算为 B 万元，完成全年预算 A 万元的 P% (广东); the
 * actual said bare, the budget a plan (教育支出1696万元,完成年初预算计划6050万元的28%, 霖磐)
 */
const BUDGET_RATE_AFTER = new RegExp(`(?:(?:支出)?决算(?:数)?为?)?${NUM}万元${SEP}完成(?:全年|年初)?预算(?:计划)?(?:数)?${NUM}万元的${NUM}%`, 'g');

/** both wordings' matches in the text's order, each with its figures as [budget, actual, rate] */
function budgetRateMatches(text: string): Array<{ m: RegExpMatchArray; budget: string; actual: string; rate: string | undefined; budgetFirst: boolean }> {
  const first = [...text.matchAll(BUDGET_RATE)].map((m) => ({ m, budget: m[1], actual: m[2], rate: m[3], budgetFirst: true }));
  const after = [...text.matchAll(BUDGET_RATE_AFTER)].map((m) => ({ m, budget: m[2], actual: m[1], rate: m[3], budgetFirst: false }));
  return [...first, ...after].sort((a, b) => a.m.index! - b.m.index!);
}

export function readBudgetRates(r: Reading): void {
  const { text, report } = r;
  let lastRateEnd = 0;
  const rates: Array<RateAt & { claim: Claim }> = [];
  for (const { m, budget, actual, rate, budgetFirst } of budgetRateMatches(text)) {
    const at = m.index!;
    // the second figure is found after the first: only words stand between them
    const [iFirst, iSecond] = [m[0].indexOf(m[1]), m[0].indexOf(m[2], m[0].indexOf(m[1]) + m[1].length)];
    const iBudget = at + (budgetFirst ? iFirst : iSecond);
    const iActual = at + (budgetFirst ? iSecond : iFirst);
    const iRate = rate ? at + m[0].lastIndexOf(rate) : -1;
    // an actual printed without its unit takes the budget's, read as 万元 (not a budget in 元 restated in 万元)
    if (budgetFirst && !text.startsWith('万元', iActual + actual.length) && unitAfter(r.stream, iBudget, budget.length) !== '万元') continue;
    const section = sectionAt(r.heads, at);
    // the subject: a 类/款/项 path since the previous such sentence, or the words before it
    const path = pathBefore(text, lastRateEnd, at, true);
    const subject = path ? pathSubject(cleanPath(path)) : subjectBefore(text, at) || headBefore(text, at);
    const figures: Record<string, Cell> = { budget: fig(r, budget, iBudget), actual: fig(r, actual, iActual) };
    if (rate) figures.rate = fig(r, `${rate}%`, iRate, true);
    // 支出预算为 A 万元，支出决算为 B 万元 (a 三公 sentence), or the actual said first (决算为 B 万元，完成全年预算
    // A 万元的 P%): its amounts stay amounts, each read against its own column (预算数, 决算数); the claim
    // here only checks the rate
    const ownAmounts = m[0].startsWith('支出预算') || !budgetFirst;
    // execution-rate sentences speak of general-budget appropriation spending (公开05)
    const found = path && !ownAmounts ? findPath(report, report.kind, cleanPath(path)) : null;
    const linkTo = ownAmounts ? null : found ? found.link : linkSubject(report, report.kind, subject, `${section}一般公共预算`);
    // 决算数大于预算数的主要原因是…: the relation said right after, checked against the two amounts
    const relation = relationAfter(text, at + m[0].length);
    add(r, {
      kind: 'rate',
      subject,
      section,
      ...(relation ? { relation: { word: relation.word, text: relation.text } } : {}),
      text: m[0],
      figures,
      parts: [],
      link: linkTo,
      whole: null,
      ...(found?.unknown ? { unknownPath: found.unknown } : {}),
      ...(found?.renamed ? { renamedClass: found.renamed } : {}),
      ...(found?.misleveled ? { misleveled: found.misleveled } : {}),
      loc: { ...locate(r.stream, at, at + m[0].length), file: r.file },
    });
    if (!ownAmounts) markUsed(r, at, m[0].length);
    lastRateEnd = at + m[0].length;
    rates.push({ at, end: lastRateEnd, depth: path?.length ?? 0, claim: r.claims[r.claims.length - 1] });
  }
  // 其中：1.…年初预算为 a 万元，支出决算为 b 万元；2.…: the figures of the statements a statement lists
  for (const [head, items] of listedRates(text, rates)) rates[head].claim.items = items.map((j) => rates[j].claim.figures);
}

/**
 * The budget named in the rate, the actual said before it with the change from last year between
 * (…支出3758万元,比上年增支816万元,增长27.74%,为年初预算数4688万元的80.51%, 新疆 克州's 三公; 税收收入
 * 3511万元，占年初预算8465万元的41.5%). The actual right before the rate is BUDGET_RATE_AFTER's.
 */
const NAMED_BUDGET_RATE = new RegExp(`(?:为|占|完成)(?:全年|年初|调整后?)?预算(?:计划)?(?:数)?${NUM}万元的${NUM}%`, 'g');

/** rate claims of NAMED_BUDGET_RATE: figures budget, actual and rate; the amounts stay amounts (the rate alone is checked) */
export function readRatesAfterChange(r: Reading): void {
  const read = r.claims.filter((c) => c.kind === 'rate' && c.figures.rate);
  for (const m of r.text.matchAll(NAMED_BUDGET_RATE)) {
    const at = m.index!;
    const rate = fig(r, `${m[2]}%`, at + m[0].lastIndexOf(m[2]), true);
    if (read.some((c) => sameLoc(c.figures.rate.loc, rate.loc))) continue;
    const actual = currentAmount(r.text, at, sectionStart(r.heads, at));
    if (actual) addRateAfterActual(r, m, actual, { budget: fig(r, m[1], at + m[0].indexOf(m[1])), actual: fig(r, actual.raw, actual.at), rate });
  }
}

/**
 * a rate claim whose actual the sentence said before the rate's words `m` (the amount the change
 * before it is of): its subject is the actual's, its text from the actual to the rate; the rate's
 * words are read (the actual stays an amount of its own)
 */
function addRateAfterActual(r: Reading, m: RegExpMatchArray, actual: { at: number }, figures: Record<string, Cell>): void {
  const at = m.index!;
  add(r, {
    kind: 'rate',
    subject: subjectBefore(r.text, actual.at),
    section: sectionAt(r.heads, at),
    text: r.text.slice(actual.at, at + m[0].length),
    figures,
    parts: [],
    link: null,
    whole: null,
    loc: { ...locate(r.stream, at, at + m[0].length), file: r.file },
  });
  markUsed(r, at, m[0].length);
}

/**
 * The rate said with the gap instead of the budget (甘肃's template): …支出总计 B 万元，…；完成年初预算
 * P%，决算数大于预算数 D 万元. The budget is B − D (B + D where 决算数小于预算数); the actual is the
 * sentence's amount before the rate (a level, not a change).
 */
const RATE_AND_GAP = new RegExp(`完成(?:年初|全年)?预算(?:数)?的?${NUM}%${SEP}(?:支出)?决算(?:数)?(大于|超过|多于|高于|小于|少于|低于)(?:年初|全年)?预算(?:数)?${NUM}万元`, 'g');

/** rate claims whose budget is the actual less (or more) the gap stated: figures rate, actual, and over or under */
export function readRatesWithGap(r: Reading): void {
  for (const m of r.text.matchAll(RATE_AND_GAP)) {
    const at = m.index!;
    const actual = currentAmount(r.text, at, sectionStart(r.heads, at));
    if (!actual) continue;
    const gap = /大于|超过|多于|高于/.test(m[2]) ? 'over' : 'under';
    addRateAfterActual(r, m, actual, {
      rate: fig(r, `${m[1]}%`, at + m[0].indexOf(m[1]), true),
      actual: fig(r, actual.raw, actual.at),
      [gap]: fig(r, m[3], at + m[0].lastIndexOf(m[3])),
    });
  }
}
