// Seeded mutations for fuzzing (used by test/fuzz.test.ts and scripts/fuzz.mjs): the same seed
// gives the same mutant, so a failure is reproduced by its seed alone.

/** mulberry32: small, fast, good enough to pick mutations */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)] };
}

const TEXT_MUTATIONS = {
  truncate: (lines, r) => lines.slice(0, r.int(lines.length + 1)),
  shuffle: (lines, r) => {
    const out = [...lines];
    const from = r.int(out.length);
    const to = Math.min(out.length, from + 2 + r.int(40));
    for (let i = to - 1; i > from; i--) {
      const j = from + r.int(i - from + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  },
  drop: (lines, r) => lines.filter(() => r.next() > 0.1),
  flipDigits: (lines, r) => lines.map((l) => (r.next() < 0.2 ? l.replace(/\d/g, (d) => (r.next() < 0.3 ? String(r.int(10)) : d)) : l)),
  insertPunctuation: (lines, r) =>
    lines.map((l) => (r.next() < 0.2 ? l.replace(/\d/g, (d) => (r.next() < 0.15 ? d + r.pick([',', '.', '，', '%', ' ', '-']) : d)) : l)),
  duplicate: (lines, r) => {
    const at = r.int(lines.length);
    return [...lines.slice(0, at), ...lines.slice(at, at + 1 + r.int(30)), ...lines.slice(at)];
  },
  longLine: (lines, r) => {
    const at = r.int(lines.length);
    const line = Array.from({ length: 500 + r.int(3000) }, () => `${r.int(100000)}.${r.int(100)}`).join(r.pick([' ', '\t']));
    return [...lines.slice(0, at), line, ...lines.slice(at)];
  },
  controlChars: (lines, r) => lines.map((l) => (r.next() < 0.05 ? l + r.pick(['\f', '\u0000', '\ufffd', '\u200b', '\u00a0', '\t\t']) : l)),
};

/** one to three mutations of a text, named so that a report can say what was done */
export function mutateText(text, seed) {
  const r = rng(seed);
  let lines = text.split('\n');
  const names = Object.keys(TEXT_MUTATIONS);
  const applied = [];
  for (let k = 1 + r.int(3); k > 0; k--) {
    const name = r.pick(names);
    applied.push(name);
    lines = TEXT_MUTATIONS[name](lines, r);
  }
  return { text: lines.join('\n'), applied };
}

/** a few bytes overwritten, a run zeroed or the file cut short */
export function mutateBytes(bytes, seed) {
  const r = rng(seed);
  const out = Uint8Array.from(bytes);
  const applied = [];
  for (let k = 1 + r.int(3); k > 0; k--) {
    const kind = r.pick(['flip', 'flip', 'zero', 'truncate']);
    applied.push(kind);
    if (kind === 'flip') for (let n = 1 + r.int(20); n > 0; n--) out[r.int(out.length)] ^= 1 << r.int(8);
    if (kind === 'zero') out.fill(0, r.int(out.length), r.int(out.length));
  }
  return { bytes: applied.includes('truncate') ? out.subarray(0, r.int(out.length)) : out, applied };
}

const BAD_OPS = ['+', 'log', '==', '__proto__', 'constructor', 'nope', 'aprox_eq'];
const BAD_VARS = ['__proto__.polluted', 'constructor.prototype', 'nowhere', 'a.__proto__', 'a.rw', 'document.yaer'];
const EACH = ['document', 'table', 'row', 'code-parent', 'row-parts', 'group', 'table-id', 'claim', 'form', 'indicator', 'form-section', 'form-task', 'grade'];
const TABLE_EACH = new Set(['table', 'row', 'code-parent', 'row-parts']);

function scalar(r) {
  return r.pick([0, 1, -1, 0.5, 1e308, 'x', '', '收入:总计', '公开01', '部门公开表5', true, false, null, '≥90%', '__proto__', '2e3', [], [1, 2]]);
}

/**
 * Expressions by the kind of value they give, so that most rules pass the loader's type checks
 * and reach the engine: figures (cells and interval arithmetic), lists of figures, numbers,
 * text and conditions. A "bad" rule now and then gets a wrong operation, a wrong path or a
 * value of the wrong kind, which the loader must refuse with a position.
 */
const GEN = {
  figure: (r, d) =>
    r.pick([
      () => ({ var: 'a' }),
      () => ({ var: 'document.targetTable.total' }),
      () => r.pick([0, 1, 0.5, 1e308, -1]),
      () => ({ [r.pick(['sum', 'sum_present'])]: [expr(r, d, 'list'), expr(r, d, 'figure')] }),
      () => ({ [r.pick(['difference', 'ratio', 'percent_of', 'capped'])]: [expr(r, d, 'figure'), expr(r, d, 'figure')] }),
      () => ({ scale: [expr(r, d, 'figure'), r.pick([100, -1, 0, 1e308])] }),
      () => ({ scale_by_ratio: [expr(r, d, 'figure'), expr(r, d, 'figure'), expr(r, d, 'figure')] }),
      () => ({ or_zero: [expr(r, d, 'figure')] }),
      () => ({ if: [expr(r, d, 'bool'), expr(r, d, 'figure'), expr(r, d, 'figure')] }),
      () => ({ or: [expr(r, d, 'figure'), expr(r, d, 'figure')] }),
    ])(),
  list: (r, d) =>
    r.pick([
      () => ({ var: 'b' }),
      () => ({ var: 'document.targetTable.budgets' }),
      () => ({ filter: [expr(r, d, 'list'), { present: [{ var: '' }] }] }),
      () => ({ merge: [expr(r, d, 'list'), expr(r, d, 'list')] }),
      () => [],
    ])(),
  number: (r, d) => r.pick([() => ({ var: 'document.year' }), () => ({ count: [expr(r, d, 'list')] }), () => ({ nominal: [expr(r, d, 'figure')] }), () => r.pick([0, 1, -1, 2e3])])(),
  text: (r, d) => r.pick([() => ({ var: 'document.kind' }), () => ({ var: 'document.unit' }), () => ({ var: 'a.raw' }), () => ({ cat: [expr(r, d, 'text'), 'x'] }), () => r.pick(['x', '', '__proto__', '≥90%'])])(),
  bool: (r, d) =>
    r.pick([
      () => ({ [r.pick(['approx_eq', 'approx_le', 'approx_ge'])]: [expr(r, d, 'figure'), expr(r, d, 'figure')] }),
      () => ({ all_approx_eq: [expr(r, d, 'list'), expr(r, d, 'figure')] }),
      () => ({ [r.pick(['and', 'or'])]: [expr(r, d, 'bool'), expr(r, d, 'bool')] }),
      () => ({ [r.pick(['!', '!!'])]: [expr(r, d, 'bool')] }),
      () => ({ present: [expr(r, d, 'figure')] }),
      () => ({ [r.pick(['===', '!=='])]: [expr(r, d, 'text'), expr(r, d, 'text')] }),
      () => ({ [r.pick(['<', '<=', '>', '>='])]: [expr(r, d, 'number'), expr(r, d, 'number')] }),
      () => ({ [r.pick(['all', 'some', 'none'])]: [expr(r, d, 'list'), { approx_ge: [{ var: '' }, 0] }] }),
      () => ({ in: [expr(r, d, 'text'), expr(r, d, 'text')] }),
      () => ({ target_met: [expr(r, d, 'text'), expr(r, d, 'text')] }),
      () => ({ missing: ['a', 'x'] }),
      () => r.pick([true, false]),
    ])(),
};

function expr(r, depth, kind) {
  if (depth > 5) return kind === 'bool' ? true : kind === 'figure' ? { var: 'a' } : kind === 'list' ? { var: 'b' } : kind === 'number' ? 1 : 'x';
  return GEN[kind](r, depth + 1);
}

/** a mistake somewhere in an expression: an unknown or refused operation, a bad path, a wrong kind of value */
function broken(r, e) {
  const k = r.int(4);
  if (k === 0) return { [r.pick(BAD_OPS)]: [e, e] };
  if (k === 1) return { approx_eq: [{ var: r.pick(BAD_VARS) }, e] };
  if (k === 2) return { approx_le: [scalar(r), 'abc'] };
  return { '>=': [{ var: 'a' }, 0] };
}

function yamlOf(v, indent = '') {
  return JSON.stringify(v, null, 1)
    .split('\n')
    .map((l) => indent + l)
    .join('\n');
}

const SUBJECT_EACH = new Set(['claim', 'form', 'indicator', 'form-section', 'form-task', 'grade']);

/** a message of placeholders the rule can fill (one it never could is refused at load time) */
function message(r, each, assert) {
  const parts = [r.pick(['m', '{var:document.year}', '{table} {row} {column}'])];
  if (/"approx_(eq|le|ge)"|"all_approx_eq"/.test(JSON.stringify(assert))) parts.push(r.pick(['{actual}', '{expected} {difference}', '{working} {tolerance}']));
  if (SUBJECT_EACH.has(each)) parts.push('{subject}');
  if (each === 'group') parts.push('{group}');
  return parts.join(' ');
}

function randomRule(r, i) {
  const bad = r.next() < 0.2;
  const each = r.pick(EACH);
  const tables = TABLE_EACH.has(each) && r.next() < 0.5 ? [r.pick(['公开01', '公开05', '部门公开表1', '部门公开表5', ...(bad ? ['x'] : [])])] : undefined;
  const assert = expr(r, 0, 'bool');
  const rule = {
    id: bad && r.next() < 0.3 ? r.pick(['', 'a b', '__proto__', `fuzz/r${i - 1}`]) : `fuzz/r${i}`,
    severity: bad && r.next() < 0.2 ? 'fatal' : r.pick(['error', 'warn', 'off']),
    description: 'd',
    select: {
      each,
      ...(tables ? { tables } : {}),
      ...(r.next() < 0.3 ? { where: expr(r, 0, 'bool') } : {}),
      ...(each === 'table-id' ? { ids: ['公开01', '部门公开表1'] } : {}),
      ...(each === 'group' ? { tables: ['公开09'], groups: ['预算数', '决算数'] } : {}),
    },
    bind: {
      a: { table: r.pick(['部门公开表1', '公开01', ...(bad ? ['x'] : [])]), row: r.pick(['收入:总计', '支出:总计', ...(bad ? ['x', '合计'] : [])]) },
      b: { table: r.pick(['部门公开表3', '公开05']), rows: { kind: r.pick(['item', 'total', ...(bad ? ['class'] : [])]) } },
    },
    assert: bad && r.next() < 0.5 ? broken(r, assert) : assert,
    message: bad ? r.pick(['{nope}', '{var:__proto__}', '{var:nowhere}', '{group}']) : message(r, each, assert),
  };
  if (bad && r.next() < 0.2) rule.extra = 1;
  return rule;
}

/** a rule file: mostly well-formed rules with random expressions, sometimes broken YAML, anchors and aliases */
export function randomRuleYaml(seed) {
  const r = rng(seed);
  const rules = Array.from({ length: 1 + r.int(4) }, (_, i) => randomRule(r, i));
  let text = (r.next() < 0.5 ? 'rules:\n' : '') + rules.map((x) => `- ${yamlOf(x, '  ').trimStart()}`).join('\n') + '\n';
  const breakage = r.int(16);
  if (breakage === 0) text = text.slice(0, r.int(text.length));
  if (breakage === 1) text = text.replace(/[{}[\]]/, '');
  if (breakage === 2) text = `base: &a [1, 2, 3]\nuse: [*a, *a, *b]\n${text}`;
  if (breakage === 3) text = `\ufeff${text}`;
  if (breakage === 4) text = `${'['.repeat(100 + r.int(2000))}\n`;
  if (breakage === 5) text = text.replace(/"/g, "'");
  return text;
}
