/**
 * The generated documentation is what `npm run docs` writes now: docs/rules.md (every built-in
 * rule, its example message from its tests), docs/tables.md (every table kind) and the README's
 * reference block; and the README's auditor examples are the files under examples/auditor.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtDocs, REFERENCE_END, REFERENCE_START, withReference } from '../src/rules/docs-build.js';
import { headingAnchor } from '../src/rules/docs-anchor.js';
import { ROOT, runCli } from './helpers.js';

const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');
const docs = await builtDocs();
const STALE = '过时了：运行 npm run docs 并提交';

describe('generated docs are fresh', () => {
  it('docs/rules.md', () => expect(read('docs/rules.md'), STALE).toBe(docs.rules));
  it('docs/tables.md', () => expect(read('docs/tables.md'), STALE).toBe(docs.tables));
  it('the README\'s reference block', () => {
    const readme = read('README.md');
    expect(readme).toContain(REFERENCE_START);
    expect(readme).toContain(REFERENCE_END);
    expect(withReference(readme, docs.reference), STALE).toBe(readme);
  });
});

describe('docs/rules.md', () => {
  it('has one section per rule, under the anchor each rule\'s docs link names', async () => {
    const list = JSON.parse((await runCli('--list-rules', '-f', 'json')).out) as Array<{ id: string; docs: string }>;
    const headings = [...docs.rules.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(list.map((r) => r.id));
    for (const r of list) expect(r.docs).toBe(`docs/rules.md#${headingAnchor(r.id)}`);
    expect(headingAnchor('总表/收入总计构成-无本年合计行')).toBe('总表收入总计构成-无本年合计行');
  });

  it('shows a real message of each rule, from its tests', () => {
    expect(docs.rules).toContain('- 消息示例：公开01表收入总计 17,912.75 万元，支出总计 17,912.95 万元，相差 0.20 万元');
    expect(docs.rules.match(/^- 消息示例：/gm)).toHaveLength(docs.rules.match(/^### /gm)!.length);
  });
});

describe('the README', () => {
  it('prints the three auditor examples as they are in examples/auditor, and they pass their tests', async () => {
    const readme = read('README.md');
    for (const f of ['sangong', 'project-share', 'indicator-score']) {
      const file = `examples/auditor/${f}.yaml`;
      expect(readme).toContain('```yaml\n# ' + file + '\n' + read(file) + '```');
    }
    const r = await runCli('--test-rules', path.join(ROOT, 'examples/auditor'));
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('规则测试：3 个文件，3 条规则，7 个用例：通过 7，失败 0');
  });
});
