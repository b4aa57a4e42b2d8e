/**
 * Whether a budget is a department's (部门预算, its units together) or one unit's (单位预算), as
 * its cover says, and the headings and table titles that say it again in their first word (上海's
 * templates: 部门主要职能 / 单位主要职能, …（部门）机构设置, 2026年部门财务收支预算总表 / 2025年预算单位
 * 财务收支预算总表, 部门预算编制说明). A heading of the other template says the wrong one: a rule
 * compares them.
 */
import type { SourceLine } from '../ingest/text.js';
import { sourceLocation } from './cells.js';
import type { Claim, Location } from './types.js';

export type Scope = '部门' | '单位';

/** the cover's first lines with text */
const COVER_LINES = 5;
const COVER_RE = /(部门|单位)\s*(?:预算|决算)|(预算主管部门|预算单位)\s*[:：]/;

const coverOf = (lines: SourceLine[]) => lines.filter((l) => l.text.trim()).slice(0, COVER_LINES);

/** what the cover calls the document: a department's or a unit's, or null where it says neither (or both) */
function documentScope(cover: SourceLine[]): { scope: Scope; words: string } | null {
  const found = cover.flatMap((l) => {
    const m = COVER_RE.exec(l.text.replace(/[\s\u3000]/g, ''));
    return m ? [{ scope: (m[1] ?? (m[2] === '预算单位' ? '单位' : '部门')) as Scope, words: m[0] }] : [];
  });
  const scopes = new Set(found.map((f) => f.scope));
  return scopes.size === 1 ? found[0] : null;
}

// a heading or title whose first word (after its number and year) names the scope: 一、部门主要职能,
// 四、单位预算编制说明, 1. 2025年预算单位财务收支预算总表, 上海市财政局（单位）主要职能
const NUMBERING = '(?:[一二三四五六七八九十]+、|\\d{1,2}\\s*[.．、]|[（(][一二三四五六七八九十\\d]{1,2}[）)])?';
const HEADING_RE = new RegExp(`^${NUMBERING}(?:20\\d{2}年度?)?(?:区级|市级)?(预算单位|部门|单位)(主要职能|机构设置|预算编制说明|预算表|财务收支预算总表|收入预算总表|支出预算总表|财政拨款收支预算总表|一般公共预算|政府性基金预算|国有资本经营预算|“?三公”?经费)`);
const BRACKETED_RE = /[（(](部门|单位)[）)](主要职能|机构设置)$/;
/** a 目录 entry's leader and page number */
const LEADER_RE = /[.．…·\s\d]+$/;
const MAX_HEADING = 45;

/** every heading that names a scope, with where it stands */
function scopeHeadings(lines: SourceLine[], file: string, skip: Set<number>): Array<{ scope: Scope; words: string; loc: Location }> {
  const out: Array<{ scope: Scope; words: string; loc: Location }> = [];
  for (const l of lines) {
    if (skip.has(l.line)) continue;
    const words = l.text.replace(/[\s\u3000]/g, '').replace(LEADER_RE, '');
    if (!words || words.length > MAX_HEADING || /[，。；]/.test(words)) continue;
    const m = HEADING_RE.exec(words) ?? BRACKETED_RE.exec(words);
    if (!m) continue;
    out.push({ scope: m[1] === '部门' ? '部门' : '单位', words, loc: sourceLocation(file, l) });
  }
  return out;
}

/** the scopeword claims of a document whose cover says its scope: each heading naming one */
export function scopeClaims(lines: SourceLine[], file: string): Claim[] {
  const coverLines = coverOf(lines);
  const cover = documentScope(coverLines);
  if (!cover) return [];
  return scopeHeadings(lines, file, new Set(coverLines.map((l) => l.line))).map((h, i) => ({
    id: `s${i + 1}`,
    kind: 'scopeword',
    subject: h.words,
    section: '',
    text: cover.words,
    figures: {},
    parts: [],
    link: null,
    whole: null,
    scope: { said: h.scope, document: cover.scope },
    loc: h.loc,
  }));
}
