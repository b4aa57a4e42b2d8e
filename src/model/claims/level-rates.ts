/**
 * Rates of change said with both years' amounts and no change between them: each year's level
 * stated before the rate (上海's template), or last year's inside the comparison (四川 大英).
 */
import { comparedYear, priorAmount } from './compare.js';
import { currentAmount, yoySubject } from './current-amount.js';
import { NUM, RATE_GLUE, rises, sectionStart, subjectBefore } from './phrases.js';
import { addYoy, fig, sameLoc, type Reading } from './reading.js';

/**
 * 2023年当年预算执行数为 A 万元，2024年预算安排 B 万元，比2023年预算执行数增加 R%: a rate said with
 * both years' amounts and no change between (上海's template). Both amounts are needed, last
 * year's named by its year: otherwise the rate is not checked.
 */
const RATE_FROM_LEVELS = new RegExp(`(?:比|较)(上年度?|\\d{4}年度?)[^，,。；;\\d%]{0,12}?(增加|增长|减少|下降|降低)${RATE_GLUE}${NUM}%`, 'g');

export function readRatesFromLevels(r: Reading): void {
  const { text } = r;
  for (const m of text.matchAll(RATE_FROM_LEVELS)) {
    const at = m.index!;
    const iRate = at + m[0].lastIndexOf(m[3]);
    if (r.used.has(iRate)) continue;
    const current = currentAmount(text, at, sectionStart(r.heads, at));
    // the year as 比上年 / 较2023年预算执行数 names it, read as year-on-year changes read it
    const year = comparedYear(text, at + m[0].indexOf(m[2], m[1].length));
    const prior = current && year ? priorAmount(text, current.at, year) : null;
    if (!current || !prior || prior.at >= current.at) continue;
    const direction = rises(m[2]) ? '增加' : '减少';
    const figures = { rate: fig(r, `${m[3]}%`, iRate, true), current: fig(r, current.raw, current.at), prior: fig(r, prior.raw, prior.at) };
    // 2024年预算安排 B 万元 restates the item named just before (its 类/款/项 path): the rate is that item's
    const restated = r.claims.find((c) => c.kind === 'restate' && sameLoc(c.figures.amount?.loc, figures.current.loc));
    // …and what was said of that item before: a rate right against it is not the restatement's mistake
    if (restated?.figures.earlier) Object.assign(figures, { earlier: restated.figures.earlier });
    // else the words before last year's amount, without the year's (其他收入2022年执行数为 A 万元)
    const subject = restated?.subject || yoySubject(text, at, current) || subjectBefore(text, prior.at).replace(/(上年度?|\d{4}年).*$/, '');
    addYoy(r, at, m[0], { subject, direction, rateDirection: direction === '增加' ? '增长' : '下降', figures });
  }
}

/**
 * 培训费2023年预算2万元，较2022年预算1.50万元增长75%: a rate said with last year's amount inside its
 * comparison and this year's before it, no change between (四川 大英). Both amounts needed.
 */
// (no change's word before the amount: 较上年减少 D 万元下降 R% says the change, not last year's level)
const RATE_AFTER_PRIOR = new RegExp(`(?:比|较)(上年度?|\\d{4}年度?)[^，,。；;\\d%增减降]{0,8}?${NUM}万元(?:的基础上)?(增加|增长|减少|下降|降低)${RATE_GLUE}${NUM}%`, 'g');

export function readRatesAfterPrior(r: Reading): void {
  const { text } = r;
  for (const m of text.matchAll(RATE_AFTER_PRIOR)) {
    const at = m.index!;
    const iRate = at + m[0].lastIndexOf(m[4]);
    if (r.used.has(iRate)) continue;
    const current = currentAmount(text, at, sectionStart(r.heads, at));
    if (!current || current.at >= at) continue;
    const iPrior = at + m[0].indexOf(m[2], m[1].length);
    const direction = rises(m[3]) ? '增加' : '减少';
    const figures = { rate: fig(r, `${m[4]}%`, iRate, true), current: fig(r, current.raw, current.at), prior: fig(r, m[2], iPrior) };
    addYoy(r, at, m[0], { subject: yoySubject(text, at, current), direction, rateDirection: direction === '增加' ? '增长' : '下降', figures });
  }
}
