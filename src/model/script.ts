/**
 * Text in traditional characters (a portal's 繁体 gateway, a Hong Kong font's text): the readers
 * know the simplified words of disclosures (预算, 万元, 财政拨款), so such a text reads as no
 * disclosure at all. Told by the traditional forms of those words, that the refusal can say why.
 */
import type { SourceLine } from '../ingest/text.js';

/** traditional forms of words every disclosure prints many times (預算 决 經 萬 撥 財 說 會 機 關 單 費) */
const TRADITIONAL_WORDS = /預算|決算|經費|萬元|撥款|財政|說明|會計|機關|單位|費用/g;
/** how many such words make a text one in traditional characters (a quotation or a name holds a few) */
const ENOUGH = 5;

/** the traditional words found, the first few (to show), where the text holds ENOUGH of them; else null */
export function traditionalScript(lines: SourceLine[]): string[] | null {
  const found: string[] = [];
  for (const l of lines) {
    for (const m of l.text.matchAll(TRADITIONAL_WORDS)) {
      found.push(m[0]);
      if (found.length >= ENOUGH) return [...new Set(found)].slice(0, 3);
    }
  }
  return null;
}
