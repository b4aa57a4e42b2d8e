/**
 * json-logic expressions compiled once into closures. json-logic-js interprets an expression
 * anew for every binding (Object.keys, array wrapping and a map per node, every time), and a
 * document has thousands of bindings: the same expression compiled once is a call per node.
 * Semantics are json-logic-js 2.0.5's, operation by operation; an operation not compiled here
 * (one the loader does not admit, or a typo) is left to json-logic-js itself, which also gives
 * its error.
 */
import jsonLogic from 'json-logic-js';

type Compiled = (data: unknown) => unknown;
type Operation = ((this: unknown, ...args: unknown[]) => unknown) & {
  /**
   * the operation compiled for constant arguments (no expression among them), where part of
   * its work can be done once here instead of for every binding; null: compiled as any other
   */
  withConstants?: (args: unknown[]) => Compiled | null;
};

/** json-logic's truthiness: an empty array is false */
export function truthy(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : !!v;
}

const compiled = new WeakMap<object, Compiled>();

/** the compiled form of an expression (objects and arrays are compiled once and remembered) */
export function compileLogic(expression: unknown, operations: Record<string, Operation>): Compiled {
  if (expression === null || typeof expression !== 'object') return () => expression;
  let fn = compiled.get(expression);
  if (!fn) {
    fn = compileNode(expression, operations);
    compiled.set(expression, fn);
  }
  return fn;
}

function compileNode(expression: object, operations: Record<string, Operation>): Compiled {
  if (Array.isArray(expression)) {
    const items = expression.map((e) => compileLogic(e, operations));
    return (data) => items.map((f) => f(data));
  }
  const keys = Object.keys(expression);
  // not logic: an object that is data, returned as it is
  if (keys.length !== 1) return () => expression;
  const op = keys[0];
  const raw = (expression as Record<string, unknown>)[op];
  const args = Array.isArray(raw) ? raw : [raw];
  const scoped = compileScoped(op, args, operations);
  if (scoped) return scoped;
  const fns = args.map((a) => compileLogic(a, operations));
  const operation = Object.hasOwn(operations, op) ? operations[op] : undefined;
  if (!operation) return (data) => jsonLogic.apply(expression as never, data);
  const constant = operation.withConstants && args.every((a) => a === null || typeof a !== 'object') ? operation.withConstants(args) : null;
  if (constant) return constant;
  switch (fns.length) {
    case 1: {
      const [a] = fns;
      return (data) => operation.call(data, a(data));
    }
    case 2: {
      const [a, b] = fns;
      return (data) => operation.call(data, a(data), b(data));
    }
    default:
      return (data) => operation.apply(data, fns.map((f) => f(data)));
  }
}

/** the operations that decide which of their arguments run, and with which data */
function compileScoped(op: string, args: unknown[], operations: Record<string, Operation>): Compiled | null {
  const fns = () => args.map((a) => compileLogic(a, operations));
  switch (op) {
    case 'if':
    case '?:': {
      const f = fns();
      return (data) => {
        let i = 0;
        for (; i < f.length - 1; i += 2) if (truthy(f[i](data))) return f[i + 1](data);
        return f.length === i + 1 ? f[i](data) : null;
      };
    }
    case 'and':
    case 'or': {
      // and: the first falsy value, or; the first truthy; else the last
      const f = fns();
      const stopWhen = op === 'or';
      return (data) => {
        let current: unknown;
        for (const g of f) {
          current = g(data);
          if (truthy(current) === stopWhen) return current;
        }
        return current;
      };
    }
    case 'filter':
    case 'map':
    case 'all':
    case 'none':
    case 'some': {
      const list = compileLogic(args[0], operations);
      const each = compileLogic(args[1], operations);
      return (data) => {
        const items = list(data);
        const ok = Array.isArray(items);
        if (op === 'filter') return ok ? items.filter((x) => truthy(each(x))) : [];
        if (op === 'map') return ok ? items.map((x) => each(x)) : [];
        if (!ok || !items.length) return op === 'none';
        if (op === 'all') return items.every((x) => truthy(each(x)));
        if (op === 'some') return items.some((x) => truthy(each(x)));
        return !items.some((x) => truthy(each(x)));
      };
    }
    default:
      return null;
  }
}

/** json-logic-js's own operations that the loader admits, as json-logic-js defines them */
export const BUILTIN_OPERATIONS: Record<string, Operation> = {
  '===': (a, b) => a === b,
  '!==': (a, b) => a !== b,
  '>': (a, b) => (a as number) > (b as number),
  '>=': (a, b) => (a as number) >= (b as number),
  '<': (a, b, c) => (c === undefined ? (a as number) < (b as number) : (a as number) < (b as number) && (b as number) < (c as number)),
  '<=': (a, b, c) => (c === undefined ? (a as number) <= (b as number) : (a as number) <= (b as number) && (b as number) <= (c as number)),
  '!': (a) => !truthy(a),
  '!!': (a) => truthy(a),
  in: (a, b) => (!b || typeof (b as { indexOf?: unknown }).indexOf === 'undefined' ? false : (b as { indexOf(x: unknown): number }).indexOf(a) !== -1),
  cat: (...xs) => xs.join(''),
  min: (...xs) => Math.min(...(xs as number[])),
  max: (...xs) => Math.max(...(xs as number[])),
  merge: (...xs) => xs.reduce<unknown[]>((a, b) => a.concat(b), []),
};
