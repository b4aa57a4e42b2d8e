/**
 * A final account's balance said in one sentence, as its 总表 prints it (甘肃 舟曲 2023: 上年结转和结余
 * 资金为98.45万元,本年收入1095.76万元,支出1193.35万元,用事业基金弥补收支差额0万元,结余分配0万元,年末结转和
 * 结余资金为5862.89万元; or each term named with the same fund before it, 一般公共预算财政拨款上年结转…):
 * last year's carry-over, this year's income and the fund that made up a gap, less the spending and
 * what was distributed, is the carry-over at the year's end. Only a run of clauses that are each one
 * such term, all of one fund, is read; of all funds, only with the 弥补 and 分配 terms said too.
 */
import type { Cell } from '../types.js';
import { locate, NUM, sectionAt } from './phrases.js';
import { add, fig, type Reading } from './reading.js';

type Role = 'opening' | 'income' | 'offset' | 'spending' | 'distribution' | 'closing';

const ROLES: Array<[Role, string]> = [
  ['opening', '(?:上年|年初)结转(?:和结余)?'],
  ['closing', '年末结转(?:和结余)?'],
  ['offset', '用事业基金弥补收支差额'],
  ['distribution', '结余分配'],
  ['income', '本年收入(?:合计)?|收入'],
  ['spending', '本年支出(?:合计)?|支出'],
];
// one clause: the fund's words (a year before them or not), the term's words, its amount and nothing after
const CLAUSE_RE = new RegExp(`^\\s*([^，,。；;]{0,24}?)(${ROLES.map(([, w]) => `(${w})`).join('|')})(?:资金)?(?:为|是)?\\s*${NUM}\\s*(?:万元|元)\\s*$`);
const NEEDED: Role[] = ['opening', 'income', 'spending', 'closing'];

/** the fund a clause's words name, without its year and the unit speaking (本单位2023年度一般公共预算财政拨款 → 一般公共预算财政拨款) */
const fundOf = (words: string) => words.replace(/\d{4}\s*年度?/g, '').replace(/^(本部门|本单位|我单位|我部门|其中)[，,：:]?/, '').trim();

interface Term {
  role: Role;
  fund: string;
  raw: string;
  at: number;
}

/** the term a clause at `at` states, or null */
function termOf(clause: string, at: number): Term | null {
  const m = CLAUSE_RE.exec(clause);
  if (!m) return null;
  const k = ROLES.findIndex((_, i) => m[3 + i] !== undefined);
  const raw = m[3 + ROLES.length];
  return { role: ROLES[k][0], fund: fundOf(m[1]), raw, at: at + clause.lastIndexOf(raw) };
}

export function readCarryOvers(r: Reading): void {
  for (const s of r.text.matchAll(/[^。]+/g)) {
    if (!/年末结转/.test(s[0])) continue;
    let terms: Term[] = [];
    let at = s.index!;
    for (const clause of s[0].split(/(?<=[，,；;])/)) {
      const term = termOf(clause.replace(/[，,；;]$/, ''), at);
      at += clause.length;
      // a run opens at last year's carry-over; any other clause ends it
      if (term?.role === 'opening') terms = [term];
      else if (term && terms.length && !terms.some((t) => t.role === term.role)) terms.push(term);
      else if (terms.length) terms = [];
      if (terms.length && terms[terms.length - 1].role === 'closing') break;
    }
    const closing = terms[terms.length - 1];
    if (!closing || closing.role !== 'closing' || !NEEDED.every((role) => terms.some((t) => t.role === role))) continue;
    if (terms.some((t) => t.fund !== closing.fund && t.fund !== '')) continue;
    // all funds' balance also has the 事业基金 that made up a gap and what was distributed: said as
    // 0 or not, the sentence must say them (appropriations, 财政拨款, have neither)
    if (!/财政拨款/.test(closing.fund) && !['offset', 'distribution'].every((role) => terms.some((t) => t.role === role))) continue;
    const figures: Record<string, Cell> = Object.fromEntries(terms.map((t) => [t.role, fig(r, t.raw, t.at)]));
    const from = terms[0].at;
    const to = closing.at + closing.raw.length;
    add(r, {
      kind: 'carryover',
      subject: closing.fund ? `${closing.fund}年末结转和结余` : '年末结转和结余',
      section: sectionAt(r.heads, from),
      text: s[0].trim(),
      figures,
      parts: [],
      link: null,
      whole: null,
      loc: { ...locate(r.stream, from, to), file: r.file },
    });
  }
}
