/**
 * Rounding-aware arithmetic. A printed figure v with d decimals only says the true value lies in
 * [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]; sums and ratios of such figures are intervals too. An identity is
 * broken only when no choice of true values inside the intervals makes it hold.
 */

/** the units amounts are printed in */
export type Unit = '元' | '千元' | '万元' | '亿元';

/** where a figure was printed: 1-based line and column span; `page` when the input has pages */
export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  page?: number;
}

/** a printed figure as this module needs it (the model's Cell is one) */
export interface PrintedFigure {
  value: number;
  decimals: number;
  lo: number;
  hi: number;
  unit: Unit | null;
  loc: Location;
  percent?: boolean;
}

export interface Interval {
  lo: number;
  hi: number;
  /** the nominal value: what the printed figures give when taken at face value */
  value: number;
  /** the coarsest printed precision that went into it */
  decimals: number;
  /** digits to show the nominal value with (the finest printed); defaults to decimals */
  shown?: number;
  unit: Unit | null;
  /** set when the interval is one printed cell */
  loc?: Location;
  percent?: boolean;
}

// Floating-point slack, relative: far below any printed precision, a cent of 10 亿元 in 元 or the
// sixth decimal of an amount in 亿元 (a double holds some 16 significant digits; sums of many lose few)
const EPS = 1e-12;

const UNIT_FACTOR: Record<Unit, number> = { 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 };
const UNITS = Object.keys(UNIT_FACTOR) as Unit[];

export function halfUnit(decimals: number): number {
  return 0.5 * Math.pow(10, -decimals);
}

export function exact(value: number, unit: Unit | null = null, decimals = 2): Interval {
  return { lo: value, hi: value, value, decimals, unit };
}

export function fromCell(cell: PrintedFigure): Interval {
  return {
    lo: cell.lo,
    hi: cell.hi,
    value: cell.value,
    decimals: cell.decimals,
    unit: cell.unit,
    loc: cell.loc,
    percent: cell.percent,
  };
}

export function isInterval(x: unknown): x is Interval {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as Interval).lo === 'number' &&
    typeof (x as Interval).hi === 'number' &&
    typeof (x as Interval).value === 'number'
  );
}

/** Re-express in another unit; precision is kept as a count of decimals in the new unit. */
export function convert(iv: Interval, to: Unit | null): Interval {
  if (!to || !iv.unit || iv.unit === to) return iv;
  const f = UNIT_FACTOR[iv.unit] / UNIT_FACTOR[to];
  const shift = Math.round(Math.log10(f));
  return {
    ...iv,
    lo: iv.lo * f,
    hi: iv.hi * f,
    value: iv.value * f,
    decimals: iv.decimals - shift,
    shown: iv.shown === undefined ? undefined : iv.shown - shift,
    unit: to,
    loc: iv.loc,
  };
}

/** whether unit a is larger than unit b (亿元 than 万元): a figure in a is b's rounded, never the other way round */
export function isCoarserUnit(a: Unit | null | undefined, b: Unit | null | undefined): boolean {
  return !!a && !!b && UNIT_FACTOR[a] > UNIT_FACTOR[b];
}

/** The finer of two units, so that converting loses nothing. */
function commonUnit(a: Unit | null, b: Unit | null): Unit | null {
  if (!a) return b;
  if (!b) return a;
  return UNIT_FACTOR[a] <= UNIT_FACTOR[b] ? a : b;
}

export function sum(items: Interval[], unitHint: Unit | null = null): Interval {
  let unit = unitHint;
  for (const it of items) unit = commonUnit(unit, it.unit);
  let lo = 0;
  let hi = 0;
  let value = 0;
  let decimals = items.length ? Infinity : 2;
  let shown = 0;
  for (const raw of items) {
    const it = convert(raw, unit);
    lo += it.lo;
    hi += it.hi;
    value += it.value;
    decimals = Math.min(decimals, it.decimals);
    shown = Math.max(shown, it.shown ?? it.decimals);
  }
  return { lo, hi, value, decimals, shown, unit };
}

export function negate(a: Interval): Interval {
  return { lo: -a.hi, hi: -a.lo, value: -a.value, decimals: a.decimals, unit: a.unit };
}

export function difference(a: Interval, b: Interval): Interval {
  return sum([a, negate(b)]);
}

/** the precision a quotient counts as having: finer than any figure is printed (formatNumber shows at most 6) */
const QUOTIENT_DECIMALS = 6;

/** a / b as an interval; null when b may be zero (the ratio is then unconstrained). */
export function ratio(a: Interval, b: Interval): Interval | null {
  const unit = commonUnit(a.unit, b.unit);
  const x = convert(a, unit);
  const y = convert(b, unit);
  if (y.lo <= 0 && y.hi >= 0) return null;
  const qs = [x.lo / y.lo, x.lo / y.hi, x.hi / y.lo, x.hi / y.hi];
  return {
    lo: Math.min(...qs),
    hi: Math.max(...qs),
    value: y.value === 0 ? NaN : x.value / y.value,
    // a quotient has no printed digit of its own: its interval holds all its operands' rounding, and
    // what a comparison with it may call a near miss is one unit of the printed figure's last digit
    // (the operands' decimals made 90.3% against 7000 ÷ 7783.26 = 89.94% a miss within one unit of 7000's)
    decimals: QUOTIENT_DECIMALS,
    // shown as the operands are printed (as printed, not in the common unit: 115,749.56 元 ÷
    // 494,400.00 万元 shows two decimals, not the −2 the 万元 has in 元)
    shown: Math.min(a.decimals, b.decimals),
    unit: null,
  };
}

export type Verdict = 'ok' | 'near' | 'off';

export interface Comparison {
  verdict: Verdict;
  /** both sides in the common unit, as they were compared */
  actual: Interval;
  expected: Interval;
  /** both sides as given, each in its own unit: what a message quotes (3,328.13 万元, not 33,281,300 元) */
  given: { actual: Interval; expected: Interval };
  /** nominal actual − expected, in the common unit */
  difference: number;
  /** how far apart the intervals are (0 when they overlap) */
  gap: number;
  /** how much rounding alone may explain: half-widths of both sides added */
  tolerance: number;
  unit: Unit | null;
}

/**
 * Compare two intervals. 'off' when they cannot meet; 'near' when they miss by less than half a
 * unit of the coarsest printed digit, i.e. the figure is within one unit of its last digit (a
 * truncated instead of rounded value): a warning, not an error.
 */
export function compare(actual: Interval, expected: Interval, relation: '=' | '<=' | '>=' = '='): Comparison {
  const unit = commonUnit(actual.unit, expected.unit);
  const a = convert(actual, unit);
  const e = convert(expected, unit);
  const scale = slackOf(a, e);
  const gap = gapOf(a, e, relation, scale);
  const coarsest = Math.min(a.decimals, e.decimals);
  const verdict: Verdict = gap === 0 ? 'ok' : gap < halfUnit(coarsest) - scale ? 'near' : 'off';
  return {
    verdict,
    actual: a,
    expected: e,
    given: { actual, expected },
    difference: a.value - e.value,
    gap,
    tolerance: (a.hi - a.lo + (e.hi - e.lo)) / 2,
    unit,
  };
}

/**
 * Whether two intervals meet (compare's verdict 'ok'), without building the comparison: most
 * comparisons a document's rules make agree, and only a finding needs its Comparison.
 */
export function agrees(actual: Interval, expected: Interval, relation: '=' | '<=' | '>=' = '='): boolean {
  const unit = commonUnit(actual.unit, expected.unit);
  const a = convert(actual, unit);
  const e = convert(expected, unit);
  return gapOf(a, e, relation, slackOf(a, e)) === 0;
}

/** whether of two amounts (not percentages) one has its unit printed and the other not */
export function oneUnitUnknown(a: Interval, b: Interval): boolean {
  return !a.unit !== !b.unit && !a.percent && !b.percent;
}

/**
 * Compare two figures, one of them in a unit the document does not print (a table without 单位):
 * an unknown unit leaves every unit possible, as rounding leaves every value in its interval, so
 * they agree if they agree in some unit (8,044,331.79 against 804.43 万元 is the table in 元; what
 * is then wrong is the missing unit, 形式/金额单位's finding, not the figure). Failing that, a
 * reading in which they are near (a truncation) is the finding; else the reading as 元 or as 万元
 * (the units tables are printed in) whose figures are nearer in size. Each side is quoted as given.
 */
export function compareInSomeUnit(actual: Interval, expected: Interval, relation: '=' | '<=' | '>=' = '='): Comparison {
  let best = compare(actual, expected, relation);
  if (!oneUnitUnknown(actual, expected)) return best;
  const given = best.given;
  let bestDistance = Infinity;
  for (const unit of UNITS) {
    const c = compare(actual.unit ? actual : { ...actual, unit }, expected.unit ? expected : { ...expected, unit }, relation);
    if (c.verdict === 'ok') return { ...c, given };
    if (best.verdict === 'near') continue;
    if (c.verdict === 'near') best = { ...c, given };
    else if ((unit === '元' || unit === '万元') && sizeDistance(c) < bestDistance) {
      bestDistance = sizeDistance(c);
      best = { ...c, given };
    }
  }
  return best;
}

/** how far apart two compared figures are in size (orders of magnitude); a zero is near anything */
function sizeDistance(c: Comparison): number {
  const a = Math.abs(c.actual.value);
  const e = Math.abs(c.expected.value);
  return a && e ? Math.abs(Math.log10(a / e)) : 0;
}

/** floating-point slack for two intervals in one unit */
function slackOf(a: Interval, e: Interval): number {
  return Math.max(1, Math.abs(a.value), Math.abs(e.value)) * EPS;
}

/** how far apart two intervals in one unit are for the relation (0 within the slack) */
function gapOf(a: Interval, e: Interval, relation: '=' | '<=' | '>=', scale: number): number {
  let gap: number;
  if (relation === '=') gap = Math.max(0, a.lo - e.hi, e.lo - a.hi);
  else if (relation === '<=') gap = Math.max(0, a.lo - e.hi);
  else gap = Math.max(0, e.lo - a.hi);
  return gap <= scale ? 0 : gap;
}

/** the decimals a plain number needs to be written exactly (at most 6) */
export function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 || /e/i.test(text) ? 0 : Math.min(6, text.length - dot - 1);
}

/** Format a nominal value at the given decimals; amounts get thousands separators, years and counts not. */
export function formatNumber(value: number, decimals: number, grouped = true): string {
  const d = Math.max(0, Math.min(6, Number.isFinite(decimals) ? decimals : 2));
  const fixed = Math.abs(value).toFixed(d);
  const [int, frac] = fixed.split('.');
  const digits = grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + digits + (frac ? '.' + frac : '');
}

export function formatInterval(iv: Interval, withUnit = true): string {
  const text = formatNumber(iv.value, iv.shown ?? iv.decimals, iv.unit !== null) + (iv.percent ? '%' : '');
  return withUnit && iv.unit ? `${text} ${iv.unit}` : text;
}
