import { describe, expect, it } from 'vitest';
import { parseRules, RuleLoadError, runRules } from '../src/rules/index.js';
import { evaluate } from '../src/rules/ops.js';
import { fixtureText, reportOf } from './helpers.js';

const GOOD = `
rules:
  - id: my/check
    description: test
    select: { each: table, tables: [公开01] }
    bind:
      a: { row: "收入:总计" }
    assert: { approx_eq: [{ var: a }, { var: a }] }
    message: "{table} {actual}"
`;

function loadError(text: string): RuleLoadError {
  try {
    parseRules('my.yaml', text);
  } catch (e) {
    if (e instanceof RuleLoadError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('rule loading', () => {
  it('loads a valid rule file with its source position', () => {
    const [rule] = parseRules('my.yaml', GOOD);
    expect(rule.id).toBe('my/check');
    expect(rule.severity).toBe('error');
    expect(rule.source).toEqual({ file: 'my.yaml', line: 3, column: 5 });
  });

  it('points at file:line:col for a YAML syntax error', () => {
    const e = loadError('rules:\n  - id: x\n    select: { each: table\n');
    expect(e.message).toMatch(/^my\.yaml:\d+:\d+: YAML 语法错误/);
  });

  it('points at the unknown operation', () => {
    const e = loadError(GOOD.replace('approx_eq', '+'));
    expect(e.line).toBe(8);
    expect(e.message).toContain('不认识或不允许的运算 "+"');
  });

  it('rejects log, loose ==, and unknown fields with their position', () => {
    expect(loadError(GOOD.replace('approx_eq', 'log')).message).toContain('"log"');
    expect(loadError(GOOD.replace('approx_eq', '==')).message).toContain('"=="');
    const e = loadError(GOOD.replace('description: test', 'descripton: test'));
    expect(e.line).toBe(4);
    expect(e.message).toContain('descripton');
  });

  it('rejects a var path into a prototype or to a name the selector does not bind', () => {
    expect(loadError(GOOD.replace('{ var: a }, { var: a }', '{ var: "a.__proto__" }, { var: a }')).message).toContain('__proto__');
    expect(loadError(GOOD.replace('{ var: a }, { var: a }', '{ var: "constructor.prototype" }, { var: a }')).message).toContain('不允许');
    expect(loadError(GOOD.replace('{ var: a }, { var: a }', '{ var: row.name }, { var: a }')).message).toContain('字段 "row" 不存在');
  });

  it('refuses a file whose aliases expand without bound, with its position', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g']]) levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
    const e = loadError([...levels, 'rules: [*g]'].join('\n'));
    // counted, not built: refused at the first alias of f, whose e alone would expand to over 100,000 nodes
    expect(e.message).toBe('my.yaml:6:8: YAML 别名展开后超过 200000 个节点');
  });

  it('bounds expression depth', () => {
    let deep: unknown = { var: 'a' };
    for (let i = 0; i < 40; i++) deep = { '!': [deep] };
    const text = GOOD.replace('{ approx_eq: [{ var: a }, { var: a }] }', JSON.stringify(deep));
    expect(loadError(text).message).toContain('嵌套超过');
  });

  it('rejects unknown message placeholders and duplicate ids', () => {
    expect(loadError(GOOD.replace('{table} {actual}', '{tabel}')).message).toContain('{tabel}');
    // {var:path} reads only what the assert could, and never through a prototype
    expect(loadError(GOOD.replace('{table} {actual}', '{var:row.name}')).message).toMatch(/^my\.yaml:9:14: .*字段 "row" 不存在/);
    expect(loadError(GOOD.replace('{table} {actual}', '{var:a.__proto__}')).message).toContain('不允许');
    expect(parseRules('my.yaml', GOOD.replace('{table} {actual}', '{var:a} {var:table.id}'))).toHaveLength(1);
    const twice = GOOD + GOOD.replace('rules:\n', '');
    expect(loadError(twice).message).toContain('重复');
  });
});

describe('prototype safety', () => {
  it('a YAML __proto__ key does not reach Object.prototype', () => {
    const text = GOOD.replace('bind:', 'bind:\n      __proto__: { polluted: true }');
    expect(() => parseRules('my.yaml', text)).toThrow(RuleLoadError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('var cannot read through __proto__ or constructor at run time', () => {
    const data = { a: { b: 1 }, list: [1, 2] };
    expect(evaluate({ var: 'a.__proto__' }, data)).toBeNull();
    expect(evaluate({ var: 'list.constructor' }, data)).toBeNull();
    expect(evaluate({ var: ['a.constructor.prototype'] }, data)).toBeNull();
    expect(evaluate({ var: { cat: ['a', '.', '__proto__'] } }, data)).toBeNull();
    expect(evaluate({ var: 'a.b' }, data)).toBe(1);
  });
});

describe('a rule that throws', () => {
  it('becomes a rule-error diagnostic and the other rules still run', () => {
    const rules = parseRules(
      'my.yaml',
      `
- id: boom
  description: throws at run time
  select: { each: table, tables: [公开01] }
  assert: true
  message: never
- id: still-runs
  description: fires on every 公开01
  select: { each: table, tables: [公开01] }
  assert: false
  message: "{table} checked"
`,
    );
    // an operation failing at run time (here: one the registry lacks, as a buggy op would throw)
    rules[0].assert = { no_such_operation: [] };
    const report = reportOf(fixtureText('text/final-wanyuan.txt'));
    const ds = runRules(report, rules);
    expect(ds.map((d) => d.ruleId).sort()).toEqual(['rule-error', 'still-runs']);
    expect(ds.find((d) => d.ruleId === 'rule-error')!.message).toContain('规则 boom（my.yaml:2:3）运行出错');
  });
});

describe('a rule that throws on some bindings', () => {
  it('still checks the others, and says how many failed and where the first one was', () => {
    const [rule] = parseRules(
      'rows.yaml',
      `
- id: some-rows-throw
  description: throws on the 款 20805 and its first 项, fires on 类 208
  select: { each: row, tables: [公开05] }
  assert: { "!==": [{ var: row.code }, "208"] }
  message: "{row} checked"
`,
    );
    // a run-time failure on two rows only (json-logic's if is lazy)
    const failing = ['20805', '2080501'];
    rule.assert = { if: [{ in: [{ var: 'row.code' }, failing] }, { no_such_operation: [] }, rule.assert] };
    const report = reportOf(fixtureText('text/final-wanyuan.txt'));
    const rows = report.tables.find((t) => t.id === '公开05')!.rows;
    const first = rows.find((r) => r.code === '20805')!;
    const fires = rows.find((r) => r.code === '208')!;
    const ds = runRules(report, [rule]);
    expect(rows).toHaveLength(21);
    expect(ds.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['some-rows-throw', fires.loc.line, '208 社会保障和就业支出 checked'],
      ['rule-error', first.loc.line, `规则 some-rows-throw（rows.yaml:2:3）运行出错：21 个检查对象中 2 个出错，第一个在「公开05表 20805 行政事业单位养老支出」第 ${first.loc.line} 行：Unrecognized operation no_such_operation`],
    ]);
  });
});

describe('rules over the same bindings', () => {
  it('each see their own bind names only: a selector\'s data is shared by the rules of a run, never written', () => {
    const rules = parseRules(
      'shared.yaml',
      `
- id: binds-cell
  description: binds each claim's table cell
  select: { each: claim }
  bind: { cell: { link: true } }
  assert: true
  message: "{subject}"
- id: reads-cell
  description: reads a name only the rule before binds
  select: { each: claim }
  assert: true
  message: "{subject} sees a name of another rule"
`,
    );
    // (the loader admits no read of a name the rule does not bind: set as a rule built in code would be)
    rules[1].assert = { '===': [{ var: 'cell' }, null] };
    const report = reportOf(fixtureText('pdf/final-full.txt'));
    let bound = 0;
    const ds = runRules(report, rules, (t) => {
      if (t.rule.id === 'binds-cell' && t.bound.cell) bound++;
    });
    // the first rule found cells for claims; the second, over the same claims, does not see them
    expect(bound).toBe(9);
    expect(ds).toEqual([]);
  });
});

describe('the README example of a policy rule', () => {
  it('loads as printed and runs next to the built-in rule it replaces', async () => {
    const { readFileSync } = await import('node:fs');
    const { ROOT, builtinRules, mutate } = await import('./helpers.js');
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    const block = /```yaml\n(- id: 本省\/资金得分[\s\S]*?)```/.exec(readme)![1];
    const [mine] = parseRules('README.md', block);
    expect(mine.id).toBe('本省/资金得分');
    const rules = (await builtinRules()).map((r) => (r.id === '自评表/资金得分' ? { ...r, severity: 'off' as const } : r)).concat(mine);
    const text = mutate(fixtureText('pdf/final-full.txt'), '80.21%\t8.02', '80.21%\t9.02');
    const ds = runRules(reportOf(text), rules);
    expect(ds.filter((d) => /资金得分/.test(d.ruleId)).map((d) => [d.ruleId, d.actual, d.expected])).toEqual([['本省/资金得分', '9.02', '8.02']]);
  });
});
