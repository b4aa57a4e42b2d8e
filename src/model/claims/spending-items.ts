/**
 * What a project summary itemises its spending by: after `全年预算数为 A 万元，执行数为 B 万元…`, the
 * 完成情况 that lists what was paid (`支付20人次差旅费4.63万元，发放…交通补贴0.78万元，…办公费3.8万元，
 * …其他费用0.74万元`). Only a run of three or more clauses in one sentence, each ending in its one
 * amount, is such a list; a single amount, a part (其中), what is left (剩余) or a budget is none.
 */
import { NUM } from './phrases.js';

// where the summary ends: the next project's summary, or the next heading
const SUMMARY_END = /项目绩效自评综述|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、/;
const ITEM = new RegExp(`${NUM}万元$`);
const NOT_SPENDING = /其中|剩余|结转|结余|预算|合计|累计|共计|总计|余额|达到|完成率/;
const MIN_ITEMS = 3;

/** the amounts of the one list of spending in text[from, …); none where there is no list or more than one */
export function itemisedSpending(text: string, from: number): Array<{ raw: string; at: number }> {
  const rest = text.slice(from, from + 800);
  const end = rest.search(SUMMARY_END);
  const runs: Array<Array<{ raw: string; at: number }>> = [];
  let run: Array<{ raw: string; at: number }> = [];
  const close = () => {
    if (run.length >= MIN_ITEMS) runs.push(run);
    run = [];
  };
  let at = from;
  for (const piece of (end < 0 ? rest : rest.slice(0, end)).split(/(?<=[，,；;、。])/)) {
    const clause = piece.replace(/[，,；;、。]$/, '');
    const m = ITEM.exec(clause);
    const amounts = clause.match(/万元/g)?.length ?? 0;
    if (m && amounts === 1 && !NOT_SPENDING.test(clause)) run.push({ raw: m[1], at: at + m.index });
    else close();
    if (piece.endsWith('。')) close();
    at += piece.length;
  }
  close();
  return runs.length === 1 ? runs[0] : [];
}
