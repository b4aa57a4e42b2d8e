/**
 * Statements of the narrative that something is nil: 本部门2023年度无政府性基金收入, 我单位2023年度无
 * “三公”经费财政拨款情况, 政府性基金支出预算支出0万元, 国有资本经营预算拨款支出预算为0. An empty table
 * whose matter such a statement names is explained, as a note under it would explain it.
 */
import type { SourceLine } from '../ingest/text.js';
import { sourceLocation } from './cells.js';
import type { Location } from './types.js';

export interface NilClause {
  /** the clause, spaces removed */
  text: string;
  loc: Location;
}

// a heading is a statement of its own: it neither ends the sentence before it nor starts the one after it
const HEADING_RE = /^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/;
// clauses: a sentence's parts between its commas and semicolons (by code unit: each line's characters are all asked)
const CLAUSE_ENDS = new Set([...'。；;，,！？'].map((c) => c.charCodeAt(0)));
// saying nothing is there: 无, 没有, 未安排, 不涉及, 为0, 为零, 0万元, 0.00万元 (无 of 无偿, 无论 … says no such thing)
const NIL_RE = /无(?!偿|论|法|需|须|形|误)|没有|未(?:安排|发生|使用|开支)|不涉及|为(?:0|零)(?![\d.])|(?<![\d.,])0(?:\.0+)?万?元/;
// a change from last year is no statement of what there is (较上年减少0.0万元)
const CHANGE_RE = /增加|增长|减少|下降|比上年|较|同比|持平/;
const AMOUNT_RE = /(\d[\d,]*(?:\.\d+)?)(?=万?元|%)/g;

/** the narrative's clauses that say something is nil, each where it starts */
export function nilClauses(lines: SourceLine[], file: string): NilClause[] {
  const out: NilClause[] = [];
  let text = '';
  let start: SourceLine | null = null;
  const close = () => {
    if (start && isNil(text)) out.push({ text, loc: sourceLocation(file, start) });
    text = '';
    start = null;
  };
  for (const l of lines) {
    const heading = HEADING_RE.test(l.text);
    if (heading) close();
    // a sentence wraps over lines: its clauses run on until their punctuation
    const squeezed = l.text.replace(/[\s\u3000]/g, '');
    let from = 0;
    for (let i = 0; i <= squeezed.length; i++) {
      const end = i === squeezed.length;
      if (!end && !CLAUSE_ENDS.has(squeezed.charCodeAt(i))) continue;
      if (i > from) {
        start ??= l;
        text += squeezed.slice(from, i);
      }
      if (!end) close();
      from = i + 1;
    }
    // a heading ends where its line does (情况说明 is not the start of the sentence under it)
    if (heading && !/[。；;，,]/.test(l.text)) close();
  }
  close();
  return out;
}

function isNil(clause: string): boolean {
  if (!NIL_RE.test(clause) || CHANGE_RE.test(clause)) return false;
  // a clause that states an amount other than zero says something is there
  return [...clause.matchAll(AMOUNT_RE)].every((m) => Number(m[1].replace(/,/g, '')) === 0);
}

/** the first clause that names one of a table's subjects and says it is nil */
export function nilStatementOf(clauses: NilClause[], subjects: string[]): Location | null {
  const words = subjects.filter(Boolean);
  return clauses.find((c) => words.some((w) => c.text.includes(w)))?.loc ?? null;
}
