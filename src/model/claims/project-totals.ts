/**
 * What the performance section says of the projects assessed as a whole: how many, the funds
 * they involve (`共计7个项目进行了绩效自评，涉及资金 A 万元`, `区级预算项目6个，涉及预算资金 A 万元`,
 * `10项部门项目支出开展了绩效自评，共涉及资金 A 万元`) and, where the next sentence says it, what
 * they spent (`绩效目标完成情况：支出 S 万元`). Checked against the sum over the project forms.
 */
import { NUM, subjectBefore } from './phrases.js';

export interface ProjectTotal {
  /** where the statement starts (its count) and the words up to its amount */
  at: number;
  words: string;
  count: { raw: string; at: number };
  amount: { raw: string; at: number };
  spent: { raw: string; at: number } | null;
  /** the funds column the sentence names (年初预算 or 全年预算); null when it names neither */
  basis: '年初预算数' | '全年预算数' | null;
  /** the sentence the statement stands in */
  sentence: string;
}

// the count next to 项目 (7个项目, 项目6个, 项目共12个, 10项部门项目支出), then 涉及 … A 万元 with no figure between
const TOTAL_RE = new RegExp(`(?:(\\d+)个项目|项目(?:共计?|合计)?(\\d+)[个项](?![\\d万元])|(\\d+)项[^。；;，,\\d]{0,12}?项目)([^。；;\\d]{0,40}?)涉及([^。；;\\d]{0,20}?)${NUM}万元`, 'g');
// what they spent: a clause of its own that opens with the spending (…。绩效目标完成情况：支出 S 万元),
// never a source's 支出 (政府性基金预算支出 0 万元)
const SPENT_RE = new RegExp(`(?:[，,。：:]|实际|累计)(?:支出|执行数?为?)${NUM}万元`);

export function projectTotals(text: string): ProjectTotal[] {
  const out: ProjectTotal[] = [];
  for (const m of text.matchAll(TOTAL_RE)) {
    const at = m.index!;
    const countRaw = m[1] ?? m[2] ?? m[3];
    const countAt = at + m[0].indexOf(countRaw);
    const amountAt = at + m[0].lastIndexOf(`${m[6]}万元`);
    const said = `${m[4]}涉及${m[5]}`;
    const basis = /年初/.test(said) ? '年初预算数' : /全年|调整/.test(said) ? '全年预算数' : null;
    const end = amountAt + m[6].length + 2;
    const start = text.lastIndexOf('。', at) + 1;
    const stop = text.indexOf('。', end);
    out.push({
      at,
      // 区级预算项目6个: what kind of projects is said before the count
      words: `${m[2] ? subjectBefore(text, at) : ''}${text.slice(at, amountAt)}`,
      count: { raw: countRaw, at: countAt },
      amount: { raw: m[6], at: amountAt },
      spent: spentAfter(text, end),
      basis,
      sentence: text.slice(start, stop < 0 ? undefined : stop),
    });
  }
  return out;
}

/** the spending stated right after the funds: no other amount, and no rate or share of them, in between */
function spentAfter(text: string, from: number): { raw: string; at: number } | null {
  const window = text.slice(from, from + 120);
  const m = SPENT_RE.exec(window);
  if (!m) return null;
  // within this sentence or the next, with no other amount before it
  const before = window.slice(0, m.index);
  if (/万元/.test(before) || (before.match(/。/g) ?? []).length > 1) return null;
  return { raw: m[1], at: from + m.index + m[0].lastIndexOf(`${m[1]}万元`) };
}
