/**
 * A rule's json-logic, checked when the file is loaded: known operations only, each with its
 * number and kinds of arguments; every `var` path against what the selector and the rule's own
 * bind put in reach (field by field); printed figures never compared with json-logic's own
 * operators, which know nothing of rounding. The check infers each expression's type on the way.
 */
import { didYouMean, listNames, nearestAll } from '../common/suggest.js';
import type { YamlPath } from '../common/yaml-source.js';
import { ALLOWED_OPS, SCOPED_OPS, isForbiddenSegment } from './ops.js';
import { ANY, BOOLEAN, CELL_FIELDS, describeType, FIGURE, list, members, NULL, NUMBER, STRING, union, type VType } from './value-types.js';

export const MAX_DEPTH = 32;

export interface Failer {
  fail(p: YamlPath, message: string): never;
}

/** what an argument of one of our operations must be */
type Arg = 'figure' | 'figures' | 'list' | 'number' | 'string';

interface Signature {
  args: Arg[];
  /** more arguments of this kind may follow (sum's parts) */
  rest?: Arg;
  result: VType;
}

const F2: Arg[] = ['figure', 'figure'];

/** our operations (ops.ts), as the checker and the reference docs see them */
export const SIGNATURES: Record<string, Signature> = {
  sum: { args: ['figures'], rest: 'figures', result: FIGURE },
  sum_present: { args: ['figures'], rest: 'figures', result: FIGURE },
  or_zero: { args: ['figure'], result: FIGURE },
  capped: { args: F2, result: FIGURE },
  scale_by_ratio: { args: ['figure', 'figure', 'figure'], result: FIGURE },
  approx_eq: { args: F2, result: BOOLEAN },
  approx_le: { args: F2, result: BOOLEAN },
  approx_ge: { args: F2, result: BOOLEAN },
  all_approx_eq: { args: ['list', 'figure'], result: BOOLEAN },
  difference: { args: F2, result: FIGURE },
  ratio: { args: F2, result: FIGURE },
  percent_of: { args: F2, result: FIGURE },
  scale: { args: ['figure', 'number'], result: FIGURE },
  rounded_as: { args: F2, result: FIGURE },
  coarser_unit: { args: F2, result: BOOLEAN },
  as_rounded: { args: ['figure'], result: FIGURE },
  nominal: { args: ['figure'], result: NUMBER },
  decimals_of: { args: ['figure'], result: NUMBER },
  present: { args: ['figure'], result: BOOLEAN },
  band_of: { args: ['figure', 'list'], result: STRING },
  count: { args: ['list'], result: NUMBER },
  target_met: { args: ['string', 'string'], result: BOOLEAN },
  name_listed: { args: ['string', 'list'], result: BOOLEAN },
  name_relation: { args: ['string', 'string', 'list'], result: STRING },
};

const ARG_WORDS: Record<Arg, string> = {
  figure: '金额（单元格、数或金额运算的结果）',
  figures: '金额或金额的列表',
  list: '列表',
  number: '数（如 100）',
  string: '文字',
};

/** an operation as its signature reads: `approx_le(金额, 金额)` */
export function signatureText(op: string): string {
  const sig = SIGNATURES[op];
  const names = sig.args.map((a) => ARG_WORDS[a].replace(/（.*$/, ''));
  return `${op}(${names.join(', ')}${sig.rest ? ', …' : ''})`;
}

/** json-logic's comparisons, and the interval operation that does each on printed figures */
const COMPARISONS: Record<string, string> = { '<': 'approx_le', '<=': 'approx_le', '>': 'approx_ge', '>=': 'approx_ge', '===': 'approx_eq', '!==': 'approx_eq' };

function accepts(arg: Arg, t: VType): boolean {
  return members(t).some((m) => {
    if (m.t === 'any') return true;
    switch (arg) {
      case 'figure':
        return m.t === 'figure' || m.t === 'number' || m.t === 'null';
      case 'figures':
        return m.t === 'figure' || m.t === 'number' || m.t === 'null' || (m.t === 'list' && accepts('figures', m.of));
      case 'list':
        return m.t === 'list' || m.t === 'null';
      case 'number':
        return m.t === 'number';
      case 'string':
        return m.t === 'string' || m.t === 'null';
    }
  });
}

const hasFigure = (t: VType) => members(t).some((m) => m.t === 'figure');
const isNullLiteral = (e: unknown) => e === null;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** a literal's type */
function literalType(v: unknown): VType {
  if (v === null || v === undefined) return NULL;
  if (typeof v === 'number') return NUMBER;
  if (typeof v === 'string') return STRING;
  if (typeof v === 'boolean') return BOOLEAN;
  return ANY;
}

/** what a value read with `var` may be given in a message: `{ var: score }` */
function shown(expr: unknown): string {
  if (isPlainObject(expr) && 'var' in expr) return `{var: ${typeof expr.var === 'string' ? expr.var : JSON.stringify(expr.var)}}`;
  if (typeof expr === 'string') return `"${expr}"`;
  if (isPlainObject(expr)) return `{${Object.keys(expr)[0]}: …}`;
  return JSON.stringify(expr);
}

export class ExpressionChecker {
  constructor(
    private readonly ctx: Failer,
    /** what the binding holds: the selector's names and the rule's own bind names */
    private readonly root: VType,
  ) {}

  /** check an expression, and give its type */
  check(expr: unknown, at: YamlPath, self: VType = this.root, depth = 0): VType {
    if (depth > MAX_DEPTH) this.ctx.fail(at, `表达式嵌套超过 ${MAX_DEPTH} 层`);
    if (Array.isArray(expr)) return list(union(expr.map((e, i) => this.check(e, [...at, i], self, depth + 1)).concat(expr.length ? [] : [ANY])));
    if (!isPlainObject(expr)) return literalType(expr);
    const keys = Object.keys(expr);
    if (keys.length !== 1) this.ctx.fail(at, `表达式对象必须恰好有一个运算符，这里有 ${keys.length} 个`);
    const op = keys[0];
    const raw = expr[op];
    if (op === 'var') return this.checkVar(raw, [...at, op], self, depth);
    if (op === '==' || op === '!=') {
      this.ctx.fail([...at, op], `不允许宽松比较 "${op}"（会先转换类型）：文字和数用 ${op === '==' ? '===' : '!=='}，印出的金额用 approx_eq`);
    }
    if (!ALLOWED_OPS.has(op)) {
      const near = didYouMean(op, ALLOWED_OPS);
      this.ctx.fail([...at, op], `不认识或不允许的运算 "${op}"${near}（金额运算请用 sum、difference、ratio、approx_eq 等）`);
    }
    const args = Array.isArray(raw) ? raw : [raw];
    const argAt = (i: number): YamlPath => (Array.isArray(raw) ? [...at, op, i] : [...at, op]);
    if (SCOPED_OPS.has(op)) return this.checkScoped(op, args, argAt, [...at, op], self, depth);
    const types = args.map((a, i) => this.check(a, argAt(i), self, depth + 1));
    const sig = SIGNATURES[op];
    if (sig) return this.checkSignature(op, sig, args, types, argAt, at);
    return this.builtinResult(op, args, types, argAt, at);
  }

  private checkSignature(op: string, sig: Signature, args: unknown[], types: VType[], argAt: (i: number) => YamlPath, at: YamlPath): VType {
    const n = sig.args.length;
    if (sig.rest ? args.length < n : args.length !== n) {
      const want = sig.rest ? `至少 ${n} 个` : `${n} 个`;
      this.ctx.fail([...at, op], `${op} 需要 ${want}参数（${signatureText(op)}），这里有 ${args.length} 个`);
    }
    types.forEach((t, i) => {
      const arg = sig.args[i] ?? sig.rest!;
      if (accepts(arg, t)) return;
      const hint = op === 'scale' && i === 1 ? '；乘以另一个金额请用 scale_by_ratio' : '';
      this.ctx.fail(argAt(i), `${op} 的第 ${i + 1} 个参数应是${ARG_WORDS[arg]}，这里是 ${shown(args[i])}（${describeType(t)}）${hint}`);
    });
    if (op === 'all_approx_eq' && !accepts('figures', types[0])) {
      this.ctx.fail(argAt(0), `all_approx_eq 的第 1 个参数应是金额的列表，这里是${describeType(types[0])}`);
    }
    return sig.result;
  }

  /** json-logic's own operations: what they give, and figures kept out of those that cannot compare them */
  private builtinResult(op: string, args: unknown[], types: VType[], argAt: (i: number) => YamlPath, at: YamlPath): VType {
    if (op in COMPARISONS) {
      types.forEach((t, i) => {
        if (!hasFigure(t)) return;
        // a figure against null asks whether it is printed: exact, and meaningful
        if ((op === '===' || op === '!==') && args.some(isNullLiteral)) return;
        const alt = COMPARISONS[op];
        this.ctx.fail(argAt(i), `json-logic 的 "${op}" 不能比较印出的金额（${shown(args[i])} 是金额，要按四舍五入区间比较）：请用 ${alt}${op.startsWith('<') || op.startsWith('>') ? '（approx_le ≤、approx_ge ≥、approx_eq =）' : ''}，或用 nominal 取印出的数值${op === '===' || op === '!==' ? '、present 问是否印出' : ''}`);
      });
      const want = op === '<' || op === '<=' ? [2, 3] : [2];
      if (!want.includes(args.length)) this.ctx.fail([...at, op], `"${op}" 需要 ${want.join(' 或 ')} 个参数，这里有 ${args.length} 个`);
      return BOOLEAN;
    }
    if (op === 'min' || op === 'max' || op === 'cat' || op === 'in') {
      types.forEach((t, i) => {
        if (!hasFigure(t)) return;
        const alt = op === 'cat' ? '要在消息中显示金额，请用 {var:路径}' : op === 'in' ? '比较金额请用 approx_eq' : '取较小者请用 capped';
        this.ctx.fail(argAt(i), `json-logic 的 "${op}" 不能用于印出的金额（${shown(args[i])} 是金额）：${alt}`);
      });
      return op === 'cat' ? STRING : op === 'in' ? BOOLEAN : NUMBER;
    }
    switch (op) {
      case 'if':
      case '?:': {
        if (!args.length) this.ctx.fail([...at, op], `${op} 至少需要 1 个参数`);
        // the results: every second argument, and the last (the else) when their number is odd
        const results = types.filter((_, i) => i % 2 === 1 || (i === types.length - 1 && types.length % 2 === 1));
        return union(results.length ? results : [NULL]);
      }
      case 'and':
      case 'or':
        if (!args.length) this.ctx.fail([...at, op], `${op} 至少需要 1 个参数`);
        return union(types);
      case '!':
      case '!!':
        return BOOLEAN;
      case 'merge':
        return list(union(types.flatMap((t) => members(t).map((m) => (m.t === 'list' ? m.of : m)))));
      case 'missing':
        return list(STRING);
      default:
        return ANY;
    }
  }

  /** some / all / none / filter / map: the second argument runs on each element of the first */
  private checkScoped(op: string, args: unknown[], argAt: (i: number) => YamlPath, opAt: YamlPath, self: VType, depth: number): VType {
    if (args.length !== 2) this.ctx.fail(opAt, `${op} 需要 2 个参数（列表和对每一项求值的表达式），这里有 ${args.length} 个`);
    const of = this.check(args[0], argAt(0), self, depth + 1);
    if (!accepts('list', of)) this.ctx.fail(argAt(0), `${op} 的第 1 个参数应是列表，这里是 ${shown(args[0])}（${describeType(of)}）`);
    const element = union(members(of).map((m) => (m.t === 'list' ? m.of : ANY)));
    const each = this.check(args[1], argAt(1), element, depth + 1);
    if (op === 'filter') return of;
    if (op === 'map') return list(each);
    return BOOLEAN;
  }

  private checkVar(raw: unknown, at: YamlPath, self: VType, depth: number): VType {
    const p = Array.isArray(raw) ? raw[0] : raw;
    const fallback = Array.isArray(raw) && raw.length > 1 ? this.check(raw[1], [...at, 1], self, depth + 1) : null;
    let t: VType = ANY;
    if (typeof p === 'string' || typeof p === 'number') t = this.resolve(String(p), Array.isArray(raw) ? [...at, 0] : at, self);
    else if (p !== undefined && p !== null) this.check(p, Array.isArray(raw) ? [...at, 0] : at, self, depth + 1);
    return fallback ? union([t, fallback]) : t;
  }

  /** the type a var path reads, or a load error naming the segment that is not there */
  resolve(path: string, at: YamlPath, self: VType = this.root): VType {
    if (path === '') return self;
    const segments = path.split('.');
    if (segments.some(isForbiddenSegment)) this.ctx.fail(at, `字段路径 "${path}" 不允许`);
    let t = self;
    for (let i = 0; i < segments.length; i++) {
      const next = this.step(t, segments[i]);
      if (next) {
        t = next;
        continue;
      }
      this.ctx.fail(at, this.missing(t, segments, i, self));
    }
    return t;
  }

  private step(t: VType, seg: string): VType | null {
    switch (t.t) {
      case 'any':
        return ANY;
      case 'union': {
        const found = t.of.map((m) => this.step(m, seg)).filter((m): m is VType => m !== null);
        return found.length ? union(found) : null;
      }
      case 'object':
        return Object.hasOwn(t.fields, seg) ? t.fields[seg] : null;
      case 'map':
        return t.keys === null || t.keys.includes(seg) ? t.of : null;
      case 'list':
        return /^\d+$/.test(seg) ? t.of : seg === 'length' ? NUMBER : null;
      case 'figure':
        return Object.hasOwn(CELL_FIELDS, seg) ? CELL_FIELDS[seg] : null;
      default:
        return null;
    }
  }

  /** why segments[i] is not there, with the nearest names */
  private missing(t: VType, segments: string[], i: number, self: VType): string {
    const seg = segments[i];
    const before = segments.slice(0, i).join('.');
    const names = this.namesOf(t);
    const near = didYouMean(seg, names);
    if (i === 0) {
      const where = self === this.root ? '这里' : '列表的每一项';
      return `字段 "${seg}" 不存在${near}（${where}可用：${listNames(names, 20)}）`;
    }
    // a name given under the wrong parent: indicator.score for score
    const rootNear = near ? [] : nearestAll(seg, this.namesOf(this.root));
    const elsewhere = rootNear.length ? `（是不是顶层的${rootNear.map((n) => `「${n}」`).join('、')}？它不在 ${before} 之下）` : '';
    if (!names.length) return `${before} 是${describeType(t)}，没有字段 "${seg}"`;
    return `${before} 没有字段 "${seg}"${near}${elsewhere}（有：${listNames(names, 20)}）`;
  }

  private namesOf(t: VType): string[] {
    switch (t.t) {
      case 'object':
        return Object.keys(t.fields);
      case 'map':
        return [...(t.keys ?? [])];
      case 'figure':
        return Object.keys(CELL_FIELDS);
      case 'list':
        return ['0', 'length'];
      case 'union':
        return [...new Set(t.of.flatMap((m) => this.namesOf(m)))];
      default:
        return [];
    }
  }
}
