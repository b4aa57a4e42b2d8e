/**
 * Our json-logic operations: money arithmetic on rounding intervals, and a `var` that cannot
 * reach prototypes. json-logic-js keeps one operation registry per process, so everything is
 * registered once here, and the loader admits only the operations listed in ALLOWED_OPS.
 */
import jsonLogic from 'json-logic-js';
import { BUILTIN_OPERATIONS, compileLogic, truthy } from './compile-logic.js';
import { agrees, compareInSomeUnit, convert, decimalsOf, difference, exact, fromCell, halfUnit, isCoarserUnit, isInterval, oneUnitUnknown, ratio, sum, type Comparison, type Interval } from '../interval/interval.js';
import { targetMet } from '../model/forms/target-value.js';
import { nameListed } from '../model/project-names.js';
import { nameRelation } from './name-ops.js';
import type { Cell } from '../model/types.js';

/** what a failed comparison leaves for the message and the location */
let findings: Comparison[] = [];
/** comparisons made with both figures printed (one with a figure missing checks nothing) */
let compared = 0;

export function resetFindings(): void {
  findings = [];
  compared = 0;
}

/** how many comparisons since the last reset had both their figures */
export function comparisonsMade(): number {
  return compared;
}

export function lastFinding(): Comparison | undefined {
  return findings[findings.length - 1];
}

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

export function isForbiddenSegment(segment: string): boolean {
  return FORBIDDEN_SEGMENTS.has(segment);
}

/** a path's segments; null where one is forbidden (such a path finds nothing wherever it is read) */
function splitPath(key: string): string[] | null {
  const segments = key.split('.');
  return segments.some(isForbiddenSegment) ? null : segments;
}

/** each path's segments, split once: a var whose path is computed reads the same few paths thousands of times */
const splitPaths = new Map<string, string[] | null>();

function segmentsOf(key: string): string[] | null {
  let segments = splitPaths.get(key);
  if (segments === undefined) {
    segments = splitPath(key);
    if (splitPaths.size < 10000) splitPaths.set(key, segments);
  }
  return segments;
}

/** the value at a path of own properties (never a prototype's), or notFound */
function readPath(data: unknown, segments: string[], notFound: unknown): unknown {
  for (const segment of segments) {
    if (data === null || typeof data !== 'object' || !Object.prototype.hasOwnProperty.call(data, segment)) return notFound;
    data = (data as Record<string, unknown>)[segment];
  }
  return data === undefined ? notFound : data;
}

/** `var` that reads own properties only: user data never walks into a prototype */
function safeVar(this: unknown, path?: unknown, fallback?: unknown): unknown {
  const notFound = fallback === undefined ? null : fallback;
  if (path === undefined || path === null || path === '') return this;
  const segments = segmentsOf(String(path));
  return segments ? readPath(this, segments, notFound) : notFound;
}

/**
 * `var` with a printed path (nearly every one a rule writes) reads the same as safeVar, its path
 * split and vetted once when compiled rather than looked up on every read
 */
safeVar.withConstants = (args: unknown[]): ((data: unknown) => unknown) | null => {
  const [path, fallback] = args;
  if (args.length > 2 || path === undefined || path === null || path === '') return null;
  const notFound = fallback === undefined ? null : fallback;
  const segments = splitPath(String(path));
  return segments ? (data) => readPath(data, segments, notFound) : () => notFound;
};

function toInterval(x: unknown): Interval | null {
  if (x === null || x === undefined) return null;
  if (typeof x === 'number' && Number.isFinite(x)) return exact(x, null, decimalsOf(x));
  if (isInterval(x)) {
    const c = x as Cell & Interval;
    return 'raw' in c ? fromCell(c as Cell) : c;
  }
  return null;
}

/**
 * An operand as an interval for reading only: a printed cell is one already (it has every field
 * an interval has, and no `shown`), so it is not copied as toInterval copies it for a result.
 */
function figureOf(x: unknown): Interval | null {
  return isInterval(x) ? x : toInterval(x);
}

type AsInterval = (x: unknown) => Interval | null;

/**
 * Operands nested in arrays are flattened; any missing operand makes the result missing. `as`:
 * toInterval for an operation whose result may carry an operand's fields, figureOf for one
 * that only reads them (a sum).
 */
function operands(args: unknown[], as: AsInterval = toInterval): Array<Interval | null> {
  const out: Array<Interval | null> = [];
  for (const a of args) flattenInto(a, out, as);
  return out;
}

// a plain recursive function: a closure made per call (and forEach's callbacks) showed in the profile
function flattenInto(v: unknown, out: Array<Interval | null>, as: AsInterval): void {
  if (!Array.isArray(v)) out.push(as(v));
  // (holes skipped, as forEach did)
  else for (let i = 0; i < v.length; i++) if (i in v) flattenInto(v[i], out, as);
}

/** a sum where a part not printed (a funds row left out, a `—`) is zero; nothing if no part is printed */
function sumPresent(...args: unknown[]): Interval | null {
  const items = operands(args, figureOf).filter((i): i is Interval => i !== null);
  return items.length ? sum(items) : null;
}

function sumOp(...args: unknown[]): Interval | null {
  const items = operands(args, figureOf);
  if (items.length === 0 || items.some((i) => i === null)) return null;
  return sum(items as Interval[]);
}

function comparison(relation: '=' | '<=' | '>=') {
  return (a: unknown, b: unknown): boolean => {
    const x = figureOf(a);
    const y = figureOf(b);
    // an operand the document does not print leaves nothing to check
    if (!x || !y) return true;
    compared++;
    // most comparisons agree: the cells as they are, and a Comparison only for a finding
    if (agrees(x, y, relation)) return true;
    const finding = compareInSomeUnit(toInterval(a)!, toInterval(b)!, relation);
    if (finding.verdict === 'ok') return true;
    findings.push(finding);
    return false;
  };
}

const approxEq = comparison('=');

export const CUSTOM_OPS: Record<string, (...args: any[]) => unknown> = {
  /** how one printed name stands to another once the listed generic words are out of both (equal, contains, head, short, place, other: name-ops.ts) */
  name_relation: nameRelation,
  sum: sumOp,
  sum_present: sumPresent,
  /** a figure, or an exact zero where it is not printed */
  or_zero: (a: unknown) => toInterval(a) ?? exact(0, null, 0),
  /** the smaller of two figures, as intervals (a score capped at its weight) */
  capped: (a: unknown, b: unknown) => {
    const [x, y] = operands([a, b]);
    if (!x || !y) return null;
    return { ...x, lo: Math.min(x.lo, y.lo), hi: Math.min(x.hi, y.hi), value: Math.min(x.value, y.value), loc: undefined };
  },
  /** part × weight ÷ whole: a proportional score (shown to two decimals at least: 10 × 20 ÷ 37 is 5.41) */
  scale_by_ratio: (weight: unknown, part: unknown, whole: unknown) => {
    const [w, p, t] = operands([weight, part, whole]);
    const r = w && p && t ? ratio(p, t) : null;
    if (!w || !r) return null;
    const qs = [w.lo * r.lo, w.lo * r.hi, w.hi * r.lo, w.hi * r.hi];
    // in the weight's unit: a score's (none), or an amount's (the change a rate implies: 本年数 × 率 ÷ (100 + 率))
    return { lo: Math.min(...qs), hi: Math.max(...qs), value: w.value * r.value, decimals: Math.max(1, w.decimals), shown: Math.max(2, w.decimals, p!.decimals, t!.decimals), unit: w.unit };
  },
  approx_eq: approxEq,
  approx_le: comparison('<='),
  approx_ge: comparison('>='),
  /** every figure in a list equals x (the first that does not is reported) */
  all_approx_eq: (list: unknown, x: unknown) => (Array.isArray(list) ? list.every((item) => approxEq(item, x)) : true),
  difference: (a: unknown, b: unknown) => {
    const [x, y] = operands([a, b]);
    return x && y ? difference(x, y) : null;
  },
  ratio: (a: unknown, b: unknown) => {
    const [x, y] = operands([a, b]);
    return x && y ? ratio(x, y) : null;
  },
  /** part / whole as a percentage; nothing when the whole may be zero, or one's unit is printed and the other's not */
  percent_of: (a: unknown, b: unknown) => {
    const [x, y] = operands([a, b]);
    const r = x && y && !oneUnitUnknown(x, y) ? ratio(x, y) : null;
    return r ? { ...r, lo: r.lo * 100, hi: r.hi * 100, value: r.value * 100, percent: true } : null;
  },
  /** multiply by an exact factor (×100 for a percentage) */
  scale: (a: unknown, k: unknown) => {
    const x = toInterval(a);
    if (!x || typeof k !== 'number') return null;
    const lo = x.lo * k;
    const hi = x.hi * k;
    return { ...x, lo: Math.min(lo, hi), hi: Math.max(lo, hi), value: x.value * k, loc: undefined };
  },
  /**
   * a figure re-expressed in the unit another is printed in, shown with that one's decimals: a
   * table's 1,193,673.00 元 as the 119.37 万元 a narrative should print (the interval is kept whole)
   */
  rounded_as: (a: unknown, like: unknown) => {
    const [x, y] = operands([a, like]);
    if (!x || !y) return null;
    const c = convert(x, y.unit);
    return { ...c, shown: y.shown ?? y.decimals, loc: x.loc };
  },
  /** whether the first figure is printed in a larger unit than the second (万元 against 元): both units known */
  coarser_unit: (a: unknown, b: unknown) => isCoarserUnit(toInterval(a)?.unit, toInterval(b)?.unit),
  /**
   * a figure taken as rounded to its printed digits: a score computed by a rule (分值 × 实际 ÷ 目标)
   * and printed 2.35 stands for anything in [2.345, 2.355], though scores are otherwise exact
   */
  as_rounded: (a: unknown) => {
    const x = toInterval(a);
    if (!x) return null;
    const h = halfUnit(x.decimals);
    return { ...(a as object), lo: Math.min(x.lo, x.value - h), hi: Math.max(x.hi, x.value + h) };
  },
  /** the nominal value as printed, for plain comparisons such as `> 0` */
  nominal: (a: unknown) => toInterval(a)?.value ?? null,
  /** the decimals an amount is printed with (none for a blank cell or a percentage) */
  decimals_of: (a: unknown) => {
    const x = figureOf(a);
    return x && !x.percent && !(a as { blank?: boolean }).blank ? x.decimals : null;
  },
  present: (a: unknown) => toInterval(a) !== null,
  /** the grade whose band [min, max) holds a score (the top band includes its max) */
  band_of: (score: unknown, bands: unknown) => {
    const s = toInterval(score);
    if (!s || !Array.isArray(bands)) return null;
    const top = Math.max(...bands.map((b) => Number((b as { max: number }).max)));
    const hit = bands.find((b) => {
      const { min, max } = b as { min: number; max: number };
      return s.value >= min && (s.value < max || (max === top && s.value <= max));
    }) as { grade: string } | undefined;
    return hit?.grade ?? null;
  },
  count: (a: unknown) => (Array.isArray(a) ? a.length : 0),
  /** whether a name is among a list's, allowing for spacing, brackets, a 项目 suffix, and a name read as two rows */
  name_listed: (name: unknown, names: unknown) => (typeof name === 'string' && Array.isArray(names) ? nameListed(name, names.filter((n): n is string => typeof n === 'string')) : true),
  /** whether a printed 实际值 meets a printed 指标值 (≥90% / 95%); null where that cannot be told */
  target_met: (target: unknown, actual: unknown) => targetMet(typeof target === 'string' ? target : null, typeof actual === 'string' ? actual : null),
};

/** json-logic-js's own operations that are safe here; `+ - * /` parse with parseFloat, `==` is loose, `log` prints */
export const BUILTIN_ALLOWED = ['var', 'missing', 'if', '?:', 'and', 'or', '!', '!!', '===', '!==', '<', '<=', '>', '>=', 'in', 'cat', 'some', 'all', 'none', 'filter', 'map', 'min', 'max', 'merge'];

export const ALLOWED_OPS = new Set([...BUILTIN_ALLOWED, ...Object.keys(CUSTOM_OPS)]);
/** operations whose second argument runs against each element instead of the binding */
export const SCOPED_OPS = new Set(['some', 'all', 'none', 'filter', 'map']);

let registered = false;
export function registerOperations(): void {
  if (registered) return;
  registered = true;
  jsonLogic.add_operation('var', safeVar);
  jsonLogic.add_operation('log', () => {
    throw new Error('log is not available in budget-lint rules');
  });
  for (const [name, fn] of Object.entries(CUSTOM_OPS)) jsonLogic.add_operation(name, fn);
}

const OPERATIONS: Record<string, (this: unknown, ...args: any[]) => unknown> = {
  ...BUILTIN_OPERATIONS,
  ...CUSTOM_OPS,
  var: safeVar,
  log: () => {
    throw new Error('log is not available in budget-lint rules');
  },
};

export type Compiled = (data: unknown) => unknown;

/** an expression compiled (once per expression: compile-logic.ts), for a caller that runs it on many bindings */
export function compiled(expression: unknown): Compiled {
  // operations not compiled there fall back to json-logic-js, with ours registered
  registerOperations();
  return compileLogic(expression, OPERATIONS);
}

/** an expression's value for one binding's data */
export function evaluate(expression: unknown, data: unknown): unknown {
  return compiled(expression)(data);
}

export { truthy };
