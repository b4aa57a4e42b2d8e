/**
 * Years printed wrongly anywhere in the document, headings and forms included: three digits (第三部分
 * …生态环境局 202 年度部门决算情况说明, a 目录 entry) or a thousands' comma (（2,023年度）, a spreadsheet's
 * number format on a form's heading).
 */
import type { SourceLine } from '../ingest/text.js';
import { sourceLocation } from './cells.js';
import type { Claim } from './types.js';

// before 年度, or 年 and what a disclosure's year dates (部门, 单位, 预算, 决算): not a figure a plain text
// sets before a table's 年初结转 or 年末结余
const MALFORMED_YEAR_RE = /(?<![\d,.])(?:(?:19|20)\d|[12],\d{3})[\s\u3000]*年(?:度|(?=[\s\u3000]*(?:部门|单位|预算|决算)))/g;

/** the badyear claims: each such year with the line it stands in */
export function malformedYearClaims(lines: SourceLine[], file: string): Claim[] {
  const claims: Claim[] = [];
  for (const l of lines) {
    for (const m of l.text.matchAll(MALFORMED_YEAR_RE)) {
      const loc = { ...sourceLocation(file, l), column: m.index! + 1, endColumn: m.index! + m[0].length + 1 };
      const words = m[0].replace(/[\s\u3000]/g, '');
      claims.push({ id: `y${claims.length + 1}`, kind: 'badyear', subject: words, section: '', text: l.text.trim(), figures: {}, parts: [], link: null, whole: null, loc });
    }
  }
  return claims;
}
