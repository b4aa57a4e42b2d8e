/**
 * A computed expectation with its working shown (`{working}` in a message): the expression the
 * failed comparison compared the figure with, its names replaced by the figures they held
 * (`10 × 54.46 万元 ÷ 67.90 万元（不超过 10）`), only the branch of an `if` that was taken.
 */
import { formatInterval, isInterval, type Interval } from '../interval/interval.js';
import { evaluate, resetFindings, truthy } from './ops.js';

const COMPARISONS = new Set(['approx_eq', 'approx_le', 'approx_ge', 'all_approx_eq']);
const SCOPED = new Set(['some', 'all', 'none', 'filter', 'map']);
const MULTIPLICATIVE = new Set(['ratio', 'percent_of', 'scale', 'scale_by_ratio', 'difference']);
const ADDITIVE = new Set(['sum', 'sum_present', 'difference']);
/** at most this many terms of a sum are written out */
const MAX_TERMS = 6;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function argsOf(e: Record<string, unknown>, op: string): unknown[] {
  const raw = e[op];
  return Array.isArray(raw) ? raw : [raw];
}

/** a value as a message shows it: a figure as printed (or computed), with its unit */
function shown(v: unknown): string {
  if (v === null || v === undefined) return '（未印出）';
  if (isInterval(v)) {
    const c = v as Interval & { raw?: string; blank?: boolean };
    if (c.raw !== undefined) return c.blank && !c.raw ? '0' : `${c.raw}${c.unit && !c.percent ? ` ${c.unit}` : ''}`;
    return formatInterval(c);
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** the comparison that failed: the first in the assert (outside per-element scopes) that fails on its own */
export function failedComparison(assert: unknown, data: Record<string, unknown>): Record<string, unknown> | null {
  const stack: unknown[] = [assert];
  while (stack.length) {
    const e = stack.shift();
    if (Array.isArray(e)) {
      stack.unshift(...e);
      continue;
    }
    if (!isPlainObject(e)) continue;
    const op = Object.keys(e)[0];
    if (COMPARISONS.has(op)) {
      resetFindings();
      if (!truthy(evaluate(e, data))) return e;
      continue;
    }
    if (op !== 'var' && !SCOPED.has(op)) stack.unshift(...argsOf(e, op));
  }
  return null;
}

/**
 * The terms of a sum: those not printed left out (a sum with one missing has no value, and
 * sum_present counts it as 0), zeros said once, at most MAX_TERMS written out.
 */
function terms(items: Array<{ text: string; value: unknown }>): string {
  const printed = items.filter((t) => t.value !== null);
  const zero = (t: { value: unknown }) => isInterval(t.value) && t.value.value === 0;
  const shownTerms = printed.filter((t) => !zero(t));
  const zeros = printed.length - shownTerms.length;
  const missing = items.length - printed.length;
  const list = shownTerms.length <= MAX_TERMS ? shownTerms.map((t) => t.text).join(' + ') : `${shownTerms.slice(0, MAX_TERMS).map((t) => t.text).join(' + ')} + …（共 ${shownTerms.length} 项）`;
  const notes = [zeros && shownTerms.length ? `另 ${zeros} 项为 0` : '', missing ? `${missing} 项未印出` : ''].filter(Boolean);
  return `${list || '0'}${notes.length ? `（${notes.join('，')}）` : ''}`;
}

const CHOOSING = new Set(['if', '?:', 'or']);

/**
 * The operand an `if` (`?:`) or an `or` takes: the branch whose condition holds, else its else
 * (null where it has none); for `or`, a figure or, where it is not printed, the next: the one used
 */
function takenOperand(op: string, a: unknown[], data: Record<string, unknown>): number | null {
  if (op === 'or') {
    const i = a.findIndex((x) => truthy(evaluate(x, data)));
    return i < 0 ? a.length - 1 : i;
  }
  for (let i = 0; i + 1 < a.length; i += 2) if (truthy(evaluate(a[i], data))) return i + 1;
  return a.length % 2 === 1 ? a.length - 1 : null;
}

/** the operation an expression shows: through an `if` or `or`, that of the branch it takes */
function shownOp(e: unknown, data: Record<string, unknown>, depth = 0): string | null {
  if (!isPlainObject(e) || depth > 40) return null;
  const op = Object.keys(e)[0];
  if (!CHOOSING.has(op)) return op;
  const a = argsOf(e, op);
  const i = takenOperand(op, a, data);
  return i === null ? null : shownOp(a[i], data, depth + 1);
}

/** an expression with the values its names hold */
export function working(e: unknown, data: Record<string, unknown>, depth = 0): string {
  if (depth > 40) return '…';
  if (!isPlainObject(e)) return Array.isArray(e) ? e.map((x) => working(x, data, depth + 1)).join('、') : shown(e);
  const op = Object.keys(e)[0];
  const a = argsOf(e, op);
  // a sum or difference inside a product, quotient or difference is bracketed (also where an `if` or `or` chose it)
  const w = (i: number) => {
    const text = working(a[i], data, depth + 1);
    const inner = shownOp(a[i], data);
    return MULTIPLICATIVE.has(op) && inner !== null && ADDITIVE.has(inner) ? `（${text}）` : text;
  };
  switch (op) {
    case 'var': {
      const v = evaluate(e, data);
      return Array.isArray(v) ? terms(v.map((x) => ({ text: shown(x), value: x }))) : shown(v);
    }
    case 'sum':
    case 'sum_present':
      return terms(a.map((x, i) => ({ text: w(i), value: evaluate(x, data) })));
    case 'difference':
      return `${w(0)} − ${w(1)}`;
    case 'ratio':
      return `${w(0)} ÷ ${w(1)}`;
    case 'percent_of':
      return `${w(0)} ÷ ${w(1)} × 100%`;
    case 'scale':
      return `${w(0)} × ${w(1)}`;
    case 'scale_by_ratio':
      return `${w(0)} × ${w(1)} ÷ ${w(2)}`;
    case 'capped':
      return `${w(0)}（封顶 ${w(1)}）`;
    case 'or_zero':
    case 'rounded_as':
      return w(0);
    case 'if':
    case '?:':
    case 'or': {
      const i = takenOperand(op, a, data);
      return i === null ? '（无）' : w(i);
    }
    default:
      return shown(evaluate(e, data));
  }
}

/** the working of a failed assert: the expected side of the comparison that failed */
export function workingOf(assert: unknown, data: Record<string, unknown>): string {
  const c = failedComparison(assert, data);
  if (!c) return '';
  const op = Object.keys(c)[0];
  return working(argsOf(c, op)[1], data);
}
