/** Rule files that are too big, too deep or too many are refused with a clear message, quickly. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules, parseRules } from '../src/rules/index.js';

const RULE = (id: string) => `- { id: ${id}, description: d, select: { each: document }, assert: true, message: m }\n`;

function refusal(text: string): string {
  try {
    parseRules('my.yaml', text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('rule file limits', () => {
  it('size', () => {
    expect(refusal(`# ${'x'.repeat(300_000)}\n`)).toBe('my.yaml:1:1: 规则文件过大（300003 字节，上限 262144 字节）');
  });

  it('nesting, in flow and in block style, before the YAML library recurses', () => {
    expect(refusal(`- ${'['.repeat(1000)}${']'.repeat(1000)}\n`)).toBe('my.yaml:1:66: YAML 嵌套超过 64 层');
    const block = Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}- \n`).join('');
    expect(refusal(block)).toBe('my.yaml:65:65: YAML 嵌套超过 64 层');
  });

  it('aliases that expand past the node limit, at the alias that crosses it', () => {
    const text = `big: &a\n${'  - 1\n'.repeat(5000)}x: [${Array(49).fill('*a').join(', ')}]\n`;
    const t0 = performance.now();
    // the 39th alias: 5,007 nodes before the first, 5,002 for each
    expect(refusal(text)).toBe('my.yaml:5002:157: YAML 别名展开后超过 200000 个节点');
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('rule count, at the first rule past it', () => {
    const text = Array.from({ length: 2001 }, (_, i) => RULE(`r${i}`)).join('');
    expect(refusal(text)).toBe('my.yaml:2001:3: 规则文件有 2001 条规则，上限 2000 条');
  });

  it('one YAML document a file', () => {
    expect(refusal(`${RULE('a')}---\n${RULE('b')}`)).toBe('my.yaml:2:1: YAML 语法错误：一个规则文件只能有一个 YAML 文档');
  });
});

describe('rule folders', () => {
  it('are read recursively, a folder named like a rule file is walked into, and a UTF-8 BOM is no error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-rules-'));
    mkdirSync(path.join(dir, 'sub/deeper'), { recursive: true });
    mkdirSync(path.join(dir, 'x.yaml'));
    writeFileSync(path.join(dir, 'top.yaml'), `\ufeff${RULE('top')}`);
    writeFileSync(path.join(dir, 'sub/deeper/low.yml'), RULE('low'));
    writeFileSync(path.join(dir, 'x.yaml/inside.yaml'), RULE('inside'));
    writeFileSync(path.join(dir, 'sub/notes.txt'), 'not a rule file');
    expect((await loadRules([dir])).map((r) => [r.id, path.relative(dir, r.source.file)])).toEqual([
      ['low', 'sub/deeper/low.yml'],
      ['top', 'top.yaml'],
      ['inside', 'x.yaml/inside.yaml'],
    ]);
  });
});
