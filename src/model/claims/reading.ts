/**
 * What every reader of claims reads from and writes to (the narrative's stream, its sections,
 * the claims so far), and the helpers they share to add a claim and read its figures.
 */
import { normalizeLabel, parseNumber } from '../../layout/tokenize.js';
import type { Cell, Claim, ClaimLink, Form, Report } from '../types.js';
import { allFundsOf, byName, type WithCatalog } from './link.js';
import { figure, locate, printedWords, sectionAt, unitAfter, type Stream } from './phrases.js';

export type ClaimReport = Pick<Report, 'tables' | 'kind'> & Partial<Pick<Report, 'forms' | 'year'>> & WithCatalog;

/** What every step reads from and writes to: the stream, its sections, and the claims so far. */
export interface Reading {
  stream: Stream;
  text: string;
  file: string;
  report: ClaimReport;
  heads: Array<{ at: number; title: string }>;
  claims: Claim[];
  /** the characters of sentences already read as a rate or a change: their amounts are no plain amounts */
  used: Set<number>;
  // each name is looked up among the forms once: a long document names its projects many times
  formNamed: Map<string, Form | undefined>;
  /** the last 类/款/项 item stated with its figure, found in its table or its table not read: what a 本年预算安排 after it restates */
  lastItem: { subject: string; link: ClaimLink | null; figure: Cell; at: number } | null;
  /** the subject of a restatement: this year's budget (本年预算安排, 2024年预算数), the document's year known */
  restated: RegExp;
  /** shares whose whole neither their sentence, the narrative before, nor a table holds, with the words naming it */
  unstatedShares: Array<{ claim: Claim; words: string }>;
}

export function add(r: Reading, c: Omit<Claim, 'id'>): void {
  // a figure said of appropriations may have been taken from the table of all funds
  const allFunds = c.link && (c.kind === 'amount' || c.kind === 'share') ? allFundsOf(r.report, c.link) : null;
  const text = printedWords(r.stream, c.text);
  r.claims.push({ id: `c${r.claims.length + 1}`, ...c, text, ...(allFunds ? { allFunds } : {}) });
}

export function fig(r: Reading, raw: string, index: number, percent = false): Cell {
  return figure(r.stream, r.file, raw, index, percent ? null : unitAfter(r.stream, index, raw.length), percent);
}

/** a year-on-year claim of the words `said` at `at`, which no later step reads again */
export function addYoy(r: Reading, at: number, said: string, c: Pick<Claim, 'subject' | 'direction' | 'rateDirection' | 'figures'>): void {
  add(r, {
    kind: 'yoy',
    subject: c.subject,
    section: sectionAt(r.heads, at),
    direction: c.direction,
    ...(c.rateDirection ? { rateDirection: c.rateDirection } : {}),
    text: said,
    figures: c.figures,
    parts: [],
    link: null,
    whole: null,
    loc: { ...locate(r.stream, at, at + said.length), file: r.file },
  });
  markUsed(r, at, said.length);
}

/** reading order of two places (a PDF's lines count from each page's top): negative where a comes first */
export const byPlace = (a: Cell['loc'], b: Cell['loc']) => (a.page ?? 0) - (b.page ?? 0) || a.line - b.line || a.column - b.column;

/** the same place: a PDF's lines count from each page's top, so its page too */
export const sameLoc = (a: Cell['loc'] | undefined, b: Cell['loc']) => !!a && a.page === b.page && a.line === b.line && a.column === b.column;

export function markUsed(r: Reading, at: number, length: number): void {
  for (let i = at; i < at + length; i++) r.used.add(i);
}

/**
 * an item printed 0 beside a figure that prints decimals (政府性基金预算拨款 0万元 beside 224.10万元 in a
 * list; a change of 减少0万元 beside the whole's 减少144.92万元) is nothing, not anything under half a
 * 万元: a writer rounding to cents would print 0.30 for what is there
 */
export function exactZero(part: Cell, beside: Cell): Cell {
  return part.value === 0 && part.decimals === 0 && beside.decimals > 0 ? { ...part, lo: 0, hi: 0 } : part;
}

/** a figure that is exact as printed: a count (7 projects are 7), a year */
export function exactFigure(r: Reading, raw: string, at: number): Cell {
  const value = parseNumber(raw)!.value;
  return { ...figure(r.stream, r.file, raw, at, null), lo: value, hi: value };
}

/** the project a performance summary speaks of: named in quotes or in its 综述 heading just before */
export function projectBefore(r: Reading, at: number, reach: number): { name: string; project: string } | null {
  const before = r.text.slice(Math.max(0, at - reach), at);
  const named = [...before.matchAll(/[“"]([^”"]{2,40})[”"]项目/g)].pop() ?? [...before.matchAll(/(?:^|[。；\d.．、])([^。；：:“”"\d.．、]{2,40}?)项目绩效自评综述/g)].pop();
  if (!named) return null;
  // the form it speaks of: the same project name, or the one form whose name is close
  if (!r.formNamed.has(named[1])) r.formNamed.set(named[1], byName(r.report.forms ?? [], named[1], (f) => f.project));
  const form = r.formNamed.get(named[1]);
  return { name: named[1], project: form?.project ?? normalizeLabel(named[1]) };
}
