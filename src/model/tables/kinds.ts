/**
 * Naming tables by the catalogue: which kind a printed title or table number names, and which
 * function class a printed class name is.
 */
import type { TableKinds } from '../../layout/regions.js';
import type { DocumentKind, Side } from '../types.js';
import type { Catalog } from './catalog.js';
import { columnNames } from './kind-columns.js';
import { normalizeTitle, titleClassification } from './printed-titles.js';

/**
 * what may stand before a kind's title: a year, a department's or unit's name, then the document
 * (部门、单位, 部门预算, 部门综合预算, 单位决算): 某局2023年部门预算 + 收支总表
 */
const TITLE_PREFIX_RE = /^(\d{4}年度?)?([^\d]{0,30}?)(\d{4}年度?)?(部门|单位|预算单位)?(综合)?(预算|决算)?$/;

/**
 * The kind whose title ends the printed one, the longest such title winning (财政拨款收支总表 over
 * 收支总表), where what stands before it is a year or a name, not a word that makes it another
 * table (一般公共预算财政拨款项目 + 支出决算表 is not 支出决算表: the catalogue's titleQualifiers). Kinds that share a title (收入预算总表: sources as columns, or as rows under one 金额)
 * are told apart by the header printed under it: the kind more of whose column names it prints
 * wins, then the kind of the document's own sort (预算 or 决算, as its cover says), then the
 * catalogue's order. A trailing 括注 that names a classification（功能科目、按部门预算经济分类）
 * admits only kinds coded by it.
 */
export function kindByTitle(catalog: Catalog, text: string, header = '', document?: DocumentKind): string | null {
  const printed = header.replace(/[\s\u3000]/g, '');
  let best: { id: string; evidence: number; own: boolean } | null = null;
  for (const spec of kindsNamed(catalog, text)) {
    const evidence = headerEvidence(spec, printed);
    // a title that says neither 预算 nor 决算 (“三公”经费情况统计表) names both documents' kinds: the document's own wins a tie
    const own = spec.document === document;
    if (!best || evidence > best.evidence || (evidence === best.evidence && own && !best.own)) best = { id: spec.id, evidence, own };
  }
  return best?.id ?? null;
}

/**
 * Every kind a printed title names (kindByTitle's candidates, before the header tells them
 * apart), in the catalogue's order: one for most titles, more where kinds share a title.
 */
export function kindsByTitle(catalog: Catalog, text: string): string[] {
  return kindsNamed(catalog, text).map((s) => s.id);
}

/** a catalogue's kinds by the last character of their titles, in the catalogue's order */
const byLastChar = new WeakMap<Catalog, { specs: number; index: Map<string, Catalog['specs']> }>();

/**
 * The kinds that have a title ending in the character a printed title ends in: every line of a
 * document is asked whether it is a title, and almost none ends as a title does.
 */
function kindsEndingIn(catalog: Catalog, last: string): Catalog['specs'] {
  let cached = byLastChar.get(catalog);
  if (!cached || cached.specs !== catalog.specs.length) {
    const index = new Map<string, Catalog['specs']>();
    for (const spec of catalog.specs) {
      for (const end of new Set(spec.titles.map((t) => t.slice(-1)))) index.set(end, [...(index.get(end) ?? []), spec]);
    }
    byLastChar.set(catalog, (cached = { specs: catalog.specs.length, index }));
  }
  return cached.index.get(last) ?? [];
}

/**
 * The catalogue's title a printed title names its kind by (2023年度某局一般公共预算财政拨款支出决算明细表
 * → 一般公共预算财政拨款支出决算明细表), or null: two tables of one kind printed under two of its
 * titles are two tables, where a table continued on a later page repeats its own.
 */
export function titleNamedBy(catalog: Catalog, text: string): string | null {
  const { title, length } = titleMatch(catalog, text);
  return length ? title.slice(-length) : null;
}

/** a title that says it is of the other document (部门决算 + 收支总表 is no budget's 收支总表) */
function namesOtherDocument(spec: Catalog['specs'][number], prefix: string): boolean {
  return (spec.document === '预算' && /决算$/.test(prefix)) || (spec.document === '决算' && /预算$/.test(prefix));
}

/** the kinds whose title ends the printed one at the longest length any does, in the catalogue's order */
function kindsNamed(catalog: Catalog, text: string): Catalog['specs'] {
  return titleMatch(catalog, text).specs;
}

/** the printed title normalized, the length of the catalogue's titles that end it, and the kinds they are of */
function titleMatch(catalog: Catalog, text: string): { title: string; length: number; specs: Catalog['specs'] } {
  const title = normalizeTitle(text);
  const candidates = kindsEndingIn(catalog, title.slice(-1));
  if (!candidates.length) return { title, length: 0, specs: [] };
  const classification = titleClassification(text);
  let longest = 0;
  let out: Catalog['specs'] = [];
  for (const spec of candidates) {
    if (!classifiedAs(spec, classification)) continue;
    let length = 0;
    for (const t of spec.titles) {
      if (t.length <= length || !title.endsWith(t)) continue;
      const prefix = title.slice(0, title.length - t.length);
      if (TITLE_PREFIX_RE.test(prefix) && !catalog.titleQualifiers.some((q) => prefix.endsWith(q)) && !namesOtherDocument(spec, prefix)) length = t.length;
    }
    if (!length || length < longest) continue;
    if (length > longest) out = [];
    longest = length;
    out.push(spec);
  }
  return { title, length: longest, specs: out };
}

/**
 * Whether a kind can be the table a title's 括注 classifies: by function (a kind coded by function,
 * or a 总表 that lists function classes), by economic class (a kind coded by economic class), by
 * unit (a kind whose rows are units: a final account's 收入决算表（分单位） is none); a title
 * without such a 括注 may be any kind.
 */
function classifiedAs(spec: Catalog['specs'][number], classification: ReturnType<typeof titleClassification>): boolean {
  if (!classification) return true;
  if (classification === 'function') return spec.codes === 'function' || spec.codes === undefined;
  return spec.codes === classification;
}

/** how many of a kind's column names a header prints */
function headerEvidence(spec: Catalog['specs'][number], header: string): number {
  if (!header) return 0;
  const names = new Set(spec.columns.flatMap(columnNames));
  return [...names].filter((n) => header.includes(n)).length;
}

/** document: what the document calls itself on its cover, where it says (部门预算, 部门决算) */
export function tableKinds(catalog: Catalog, document?: DocumentKind): TableKinds {
  return {
    byTitle: (text, header) => kindByTitle(catalog, text, header, document),
    titleNamedBy: (text) => titleNamedBy(catalog, text),
    byPrintedId: (printed) => catalog.specs.find((s) => s.printedIds.includes(printed))?.id ?? null,
  };
}

export function functionClassCode(catalog: Catalog, name: string): string | undefined {
  return catalog.functionClasses.get(name);
}

/** which side a two-sided line belongs to when it has no 行次: by its own words */
export function sideByName(catalog: Catalog, name: string): Side | undefined {
  // a class name whose 支出 wrapped onto the next line (文化旅游体育与传媒 / 支出) is still a class's
  // 经费 is spent (单位预留机动经费), never received
  if (/支出|结转下年|结余分配|年末|经费$/.test(name) || functionClassCode(catalog, name) || functionClassCode(catalog, `${name}支出`)) return '支出';
  if (/收入|上年结转|年初|结余|拨款/.test(name)) return '收入';
  return undefined;
}
