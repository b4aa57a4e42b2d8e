/**
 * The scoring rule a document states for its forms, where it states one: 「未完成的，按完成比例计分」
 * 「按实际完成值/指标值×分值计分」「完成率×分值」. Only a proportional rule is read; what a
 * document leaves unsaid is not assumed (many score unmet indicators by judgement).
 */
import type { SourceLine } from '../../ingest/text.js';
import { sourceLocation } from '../cells.js';
import type { ScoringRule } from '../types.js';

/** phrases, spaces removed, that say an unmet indicator scores its share of the weight */
const PROPORTIONAL: RegExp[] = [
  /按(?:实际)?完成(?:比例|比率|率|程度)(?:折算)?(?:计分|得分|给分|赋分|计算得分)/,
  /按比例(?:计分|得分|给分|赋分|折算得分)/,
  /实际完成(?:值|数)?[/÷／](?:年度)?(?:指标值|目标值|计划值|计划数)[×xX*＊](?:该项?指标(?:的)?)?(?:分值|权重)/,
  /完成(?:率|比例)[×xX*＊](?:该项?指标(?:的)?)?(?:分值|权重)/,
];

/** where a sentence ends, in text whose spaces are removed */
const SENTENCE_END = /[。；;]/;
/** a sentence about the funds row's score only */
const FUNDS_ONLY = /执行率|预算执行|资金执行/;
/** at most this many characters of the statement are kept to quote */
const QUOTE = 60;

/**
 * The first statement of a proportional scoring rule in the lines given (a phrase may wrap over
 * two lines), with the sentence it stands in; null where the document states none.
 */
export function findScoringRule(lines: SourceLine[], file: string): ScoringRule | null {
  // the lines' text, spaces removed, end to end: a phrase broken by a line end is still found
  const starts: number[] = [];
  let joined = '';
  for (const l of lines) {
    starts.push(joined.length);
    joined += l.text.replace(/[\s\u3000]/g, '');
  }
  const found: Array<{ index: number; end: number }> = [];
  for (const re of PROPORTIONAL) for (const m of joined.matchAll(new RegExp(re.source, 'g'))) found.push({ index: m.index, end: m.index + m[0].length });
  found.sort((a, b) => a.index - b.index);
  for (const f of found) {
    let at = 0;
    while (at + 1 < starts.length && starts[at + 1] <= f.index) at++;
    // the sentence, from its start on the phrase's line (no further back: a form's cells stand
    // above) to its end, a line on at most
    const lineEnd = at + 2 < starts.length ? starts[at + 2] : joined.length;
    const text = sentenceAround(joined, starts[at], f.index, f.end, lineEnd);
    // a rule for the funds row alone (预算执行率按比例计分) says nothing of the indicators
    if (FUNDS_ONLY.test(text) && !/指标/.test(text)) continue;
    return { kind: 'proportional', text, loc: sourceLocation(file, lines[at]) };
  }
  return null;
}

function sentenceAround(text: string, lineStart: number, index: number, end: number, limit: number): string {
  let from = index;
  while (from > lineStart && !SENTENCE_END.test(text[from - 1]) && index - from < QUOTE) from--;
  let to = end;
  while (to < limit && !SENTENCE_END.test(text[to]) && to - from < QUOTE) to++;
  return text.slice(from, to);
}
