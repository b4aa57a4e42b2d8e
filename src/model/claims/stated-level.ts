/**
 * A change whose sentence states no current amount, measured against what the section said of the
 * same item just before: 公务接待费支出决算为 0.3 万元，完成预算的 37.5%。…其中：…；公务接待费支出决算增加
 * 0.3 万元，增长 100%（上海 2025 决算's 三公 paragraph states each item's amount in one sentence and
 * its change in the next, 其中 by 其中), or against its budget (公务接待费支出 0.18 万元 / …公务接待费支出决算数比预算数
 * 减少 4.82 万元，下降 96.40%: the budget is the amount plus the fall).
 */
import type { Cell, Claim } from '../types.js';
import { threePublicItem } from './link.js';
import { byPlace } from './reading.js';

/**
 * the item a change's words name, without what it is measured against: a final account's item
 * said against its budget (公务接待费支出决算数比预算数 → 公务接待费支出, 海南's 三公 paragraphs state
 * the item's amount under its own heading and the change from its budget after)
 */
const itemCompared = (subject: string) => subject.replace(/(?:决算数?)?(?:比|较)(?:年初|全年|调整后?)?预算数?$/, '');

const BOTH_TOTALS = /^(?:\d{4}年度?)?收、?支(?:总计|总额)?$/;
/** a change's words that name only what it is measured against (较年初预算数): the clause before says of what */
const ONLY_A_COMPARISON = /^(?:比|较)(?:上年度?|年初|全年|调整后?|\d{4}年度?)?(?:预算数?|决算数?)?$/;
const SINCE_LAST_YEAR = /(?:比|较|与)(?:上年度?|\d{4}年度?)(?:预算数?|决算数?)?(?:相比)?$/;

/** the document a change is read in: its own year, and whether its figures are budgets or final accounts */
export interface Said {
  year?: number | null;
  kind: string | null;
}

/**
 * an item's words without who and when said them, in a 2024 budget (2024年本部门收入预算 → 收入, 收入较上年
 * → 收入): what a change names where the amount was said in a sentence of its own. Only the document's
 * own year and kind are left off: 2023年收入决算数 in that budget is last year's, not this item's level.
 */
function bareItem(subject: string, doc: Said): string {
  const own = doc.year ? subject.replace(new RegExp(`^${doc.year}年度?`), '') : subject;
  const kind = doc.kind === '预算' || doc.kind === '决算' ? new RegExp(`${doc.kind}数?$`) : null;
  const bare = own.replace(SINCE_LAST_YEAR, '').replace(/^(?:本部门|本单位)/, '');
  return kind ? bare.replace(kind, '') : bare;
}

/**
 * The latest claim of the change's section, said before the change, in which `figureOf` finds a
 * figure, with that figure: the one search every fallback below makes, each for its own kind of claim.
 */
function latestBefore(claims: Claim[], yoy: Claim, figureOf: (c: Claim) => Cell | undefined): { claim: Claim; figure: Cell } | null {
  let found: { claim: Claim; figure: Cell } | null = null;
  for (const c of claims) {
    const figure = c.section === yoy.section ? figureOf(c) : undefined;
    if (figure && byPlace(figure.loc, yoy.figures.change.loc) < 0 && (!found || byPlace(found.figure.loc, figure.loc) < 0)) found = { claim: c, figure };
  }
  return found;
}

/** the two totals said last before the change in its section, where they are the same figure as printed */
function balanceBefore(claims: Claim[], yoy: Claim): Cell | null {
  const found = latestBefore(claims, yoy, (c) => (c.kind === 'balance' ? c.figures.income : undefined));
  return found && found.figure.raw === found.claim.figures.spending.raw ? found.figure : null;
}

/** the latest amount of the change's section, before it, whose words name the same item bare */
function bareLevelBefore(claims: Claim[], yoy: Claim, doc: Said): Cell | null {
  const item = bareItem(itemCompared(yoy.subject), doc);
  // a name left with a year (2023年收入) is another year's
  if (!item || /\d{4}年/.test(item)) return null;
  return latestBefore(claims, yoy, (c) => (c.kind === 'amount' && bareItem(c.subject, doc) === item ? c.figures.amount : undefined))?.figure ?? null;
}

/**
 * a 三公 item's (or their whole's) change of its actual, in a final account: the actual the latest
 * completion rate of the section stated for the same item; never a change of its budget
 */
function actualBefore(claims: Claim[], yoy: Claim, doc: Said): Cell | null {
  const said = yoy.subject.replace(SINCE_LAST_YEAR, '');
  const item = threePublicItem(said);
  if (!item || doc.kind !== '决算' || /预算/.test(said.replace(/一般公共预算/g, ''))) return null;
  return latestBefore(claims, yoy, (c) => (c.kind === 'rate' && threePublicItem(c.subject) === item ? c.figures.actual : undefined))?.figure ?? null;
}

/**
 * Gives each change with a rate and no current (nor last year's) amount the amount the latest claim
 * of its section named with the very same subject states (the words of a comparison with its budget
 * left off), where one precedes it; a change of 收支 since last year takes the figure both totals were
 * said to be. Only a plain amount counts: a rate's or a change's figures are not the item's level.
 */
export function takeStatedLevels(claims: Claim[], doc: Said): void {
  // the change before, with its amount: a clause naming nothing but another comparison goes on with it
  let before: Claim | null = null;
  for (const yoy of claims) {
    const f = yoy.figures;
    if (yoy.kind !== 'yoy') continue;
    const previous = before;
    before = yoy;
    if (!f.change || !f.rate || f.current || f.prior || !yoy.subject) continue;
    // 较上年决算数减少0.03万元,下降0.6%;较年初预算数减少6.3万元,下降58.3% (重庆's 三公): the second compares the first's amount
    if (previous?.figures.current && ONLY_A_COMPARISON.test(yoy.subject) && previous.section === yoy.section && yoy.loc.line - previous.loc.line <= 1) {
      f.current = previous.figures.current;
      yoy.subject = `${previous.subject.replace(SINCE_LAST_YEAR, '')}${yoy.subject}`;
      continue;
    }
    const subject = itemCompared(yoy.subject);
    let level = latestBefore(claims, yoy, (c) => (c.kind === 'amount' && c.subject === subject ? c.figures.amount : undefined))?.figure ?? null;
    // 收入总计 A 万元，支出总计 A 万元。收支较上年增加 D 万元: both totals, said as one where they are one figure
    if (!level && BOTH_TOTALS.test(subject.replace(SINCE_LAST_YEAR, ''))) level = balanceBefore(claims, yoy);
    // 2024年本部门收入预算 A 万元，其中…。收入较上年增加 D 万元: the same item, said bare
    if (!level) level = bareLevelBefore(claims, yoy, doc);
    // “三公”经费支出预算为 A 万元，支出决算为 B 万元，完成预算的 P%。…“三公”经费支出决算数比2017年减少 D 万元 (鼓楼街道)
    if (!level) level = actualBefore(claims, yoy, doc);
    if (level) f.current = level;
  }
}
