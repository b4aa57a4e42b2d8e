/** Compiled json-logic gives what json-logic-js gives, on every operation the loader admits. */
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { BUILTIN_OPERATIONS, compileLogic } from '../src/rules/compile-logic.js';
import { BUILTIN_ALLOWED, evaluate } from '../src/rules/ops.js';

const data = { a: 1, b: 2, s: 'x', list: [1, 2, 3], empty: [], rows: [{ v: 1 }, { v: 0 }, { v: 3 }], nested: { k: { z: 5 } }, zero: 0, nothing: null };

const CASES: unknown[] = [
  { var: 'a' }, { var: ['nested.k.z'] }, { var: ['missing', 7] }, { var: '' }, { var: [{ cat: ['nes', 'ted.k.z'] }] },
  { '===': [{ var: 'a' }, 1] }, { '!==': [{ var: 'a' }, '1'] },
  { '<': [0, { var: 'a' }, 2] }, { '<': [3, 2, 5] }, { '<=': [1, 1] }, { '<=': [1, { var: 'b' }, 2] }, { '>': [2, 1] }, { '>=': [1, 2] },
  { '!': [[]] }, { '!': { var: 'zero' } }, { '!!': [[0]] }, { '!!': 'x' },
  { in: ['x', 'xyz'] }, { in: [2, { var: 'list' }] }, { in: [2, null] }, { in: [2, 5] },
  { cat: ['a', null, 1, { var: 's' }] }, { min: [3, { var: 'a' }, 2] }, { max: [] }, { merge: [[1], 2, [[3]], { var: 'list' }] },
  { if: [] }, { if: [true] }, { if: [{ var: 'zero' }, 'yes', 'no'] }, { if: [false, 1, { var: 'empty' }, 2] }, { if: [false, 1, false, 2, 'else'] },
  { '?:': [{ var: 'a' }, 'y', 'n'] },
  { and: [] }, { and: [1, 'a', { var: 'empty' }, 2] }, { and: [1, { var: 's' }] }, { or: [] }, { or: [0, [], { var: 'b' }] }, { or: [0, null] },
  { filter: [{ var: 'rows' }, { var: 'v' }] }, { map: [{ var: 'list' }, { '>': [{ var: '' }, 1] }] }, { map: [{ var: 'a' }, 1] },
  { all: [{ var: 'rows' }, { var: 'v' }] }, { all: [{ var: 'empty' }, true] }, { all: [{ var: 'list' }, { '>': [{ var: '' }, 0] }] },
  { some: [{ var: 'rows' }, { '===': [{ var: 'v' }, 3] }] }, { some: [{ var: 'nothing' }, true] },
  { none: [{ var: 'rows' }, { '>': [{ var: 'v' }, 5] }] }, { none: [{ var: 'empty' }, true] }, { none: [{ var: 'list' }, { '===': [{ var: '' }, 2] }] },
  { missing: ['a', 'q', 'nested.k.z'] },
  [1, { var: 'a' }, [{ var: 'b' }]], { a: 1, b: 2 }, {}, 'plain', 3, null, true,
  { '!': { and: [{ or: [{ var: 'zero' }, { var: 'b' }] }, { in: [{ var: 's' }, ['x', 'y']] }] } },
];

describe('compileLogic', () => {
  const ops = Object.fromEntries(BUILTIN_ALLOWED.filter((op) => op in BUILTIN_OPERATIONS).map((op) => [op, BUILTIN_OPERATIONS[op]]));
  it('has every admitted json-logic operation compiled or left to json-logic-js', () => {
    const scoped = ['if', '?:', 'and', 'or', 'filter', 'map', 'all', 'none', 'some'];
    const left = BUILTIN_ALLOWED.filter((op) => !(op in BUILTIN_OPERATIONS) && !scoped.includes(op));
    expect(left).toEqual(['var', 'missing']);
  });
  it.each(CASES.map((c) => [JSON.stringify(c), c]))('%s as json-logic-js', (_, expression) => {
    expect(compileLogic(expression, { ...ops, var: function (this: unknown, p: unknown, d: unknown) { return jsonLogic.apply({ var: [p, d] } as never, this); } })(data)).toEqual(jsonLogic.apply(expression as never, data));
  });
  it('compiles an expression once', () => {
    const e = { '===': [1, 1] };
    expect(compileLogic(e, ops)).toBe(compileLogic(e, ops));
  });
  it('leaves an unknown operation to json-logic-js, which names it', () => {
    expect(() => evaluate({ nosuchop: [1] }, {})).toThrow('Unrecognized operation nosuchop');
  });
  it('reads own properties only, through our var', () => {
    expect(evaluate({ var: 'constructor' }, {})).toBe(null);
    expect(evaluate({ var: 'a.__proto__' }, { a: {} })).toBe(null);
  });
  it('reads a printed path (split once when compiled) as it reads the same path computed', () => {
    const d = { a: { b: 0, c: null, n: [4, 5] }, s: 'x', 'x.y': 1 };
    const paths = ['a.b', 'a.c', 'a.n.1', 'a.n.length', 'a.q', 's.length', 'a', 'x.y', 'a.b.c', '__proto__', 'a.constructor', 'toString'];
    for (const p of paths) {
      for (const args of [[p], [p, 'none'], [p, null]]) {
        const computed = evaluate({ var: [{ cat: [p] }, ...args.slice(1)] }, d);
        expect([p, args.length, evaluate({ var: args }, d)]).toEqual([p, args.length, computed]);
      }
    }
    expect(evaluate({ var: 'a.n.1' }, d)).toBe(5);
    expect(evaluate({ var: ['a.q', 7] }, d)).toBe(7);
    expect(evaluate({ var: 'a.constructor' }, d)).toBe(null);
  });
});
