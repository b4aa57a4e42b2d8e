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

const SAFE_OPS = ['sum', 'sum_present', 'approx_eq', 'approx_le', 'approx_ge', 'difference', 'ratio', 'percent_of', 'scale', 'capped', 'if', 'and', 'or', '!', '!!', '===', '<', 'all', 'some', 'none', 'filter', 'map', 'count', 'present', 'nominal', 'or_zero', 'target_met', 'band_of', 'cat', 'in', 'merge', 'min', 'max', 'missing'];
const BAD_OPS = ['+', 'log', '==', '__proto__', 'constructor', 'nope'];
const SAFE_VARS = ['document.year', 'document.kind', 'document.unit', 'document.targetTable.total', 'a', 'b', ''];
const BAD_VARS = ['__proto__.polluted', 'constructor.prototype', 'nowhere', 'a.__proto__'];
const EACH = ['document', 'table', 'row', 'code-parent', 'row-parts', 'group', 'table-id', 'claim', 'form', 'indicator', 'form-section', 'form-task', 'grade'];

function scalar(r) {
  return r.pick([0, 1, -1, 0.5, 1e308, 'x', '', '收入:总计', '公开01', '部门公开表5', true, false, null, '≥90%', '__proto__', '2e3', [], [1, 2]]);
}

/** an expression: mostly of allowed operations over reachable names, so that most rules load and run */
function logic(r, depth, bad) {
  if (depth > 5 || r.next() < 0.3) return r.next() < 0.6 ? { var: bad && r.next() < 0.3 ? r.pick(BAD_VARS) : r.pick(SAFE_VARS) } : scalar(r);
  const args = Array.from({ length: r.int(4) }, () => logic(r, depth + 1, bad));
  const op = bad && r.next() < 0.2 ? r.pick(BAD_OPS) : r.pick(SAFE_OPS);
  return { [op]: r.next() < 0.2 ? args[0] ?? null : args };
}

function yamlOf(v, indent = '') {
  return JSON.stringify(v, null, 1)
    .split('\n')
    .map((l) => indent + l)
    .join('\n');
}

function randomRule(r, i) {
  const bad = r.next() < 0.2;
  const each = r.pick(EACH);
  const rule = {
    id: bad && r.next() < 0.3 ? r.pick(['', 'a b', '__proto__', `fuzz/r${i - 1}`]) : `fuzz/r${i}`,
    severity: bad && r.next() < 0.2 ? 'fatal' : r.pick(['error', 'warn', 'off']),
    description: 'd',
    select: {
      each,
      ...(r.next() < 0.5 ? { tables: [r.pick(['公开01', '公开05', '部门公开表1', '部门公开表5', 'x'])] } : {}),
      ...(r.next() < 0.3 ? { where: logic(r, 0, bad) } : {}),
      ...(each === 'group' ? { groups: ['合计', '$x'] } : {}),
      ...(each === 'table-id' ? { ids: ['公开01', '部门公开表1'] } : {}),
    },
    bind: { a: { row: r.pick(['收入:总计', '合计', '支出:总计', 'x']), column: r.pick(['合计', '金额', 'x']) }, b: { rows: { kind: r.pick(['class', 'item', 'total']) } } },
    assert: logic(r, 0, bad),
    message: bad ? r.pick(['{nope}', '{var:__proto__}', '{var:nowhere}']) : r.pick(['{table} {actual}', '{var:document.year}', 'm', '{expected} {difference} {subject} {row} {column}']),
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
