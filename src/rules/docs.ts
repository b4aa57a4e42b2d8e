/**
 * docs/rules.md, written from the rules themselves (scripts/rules-docs.mjs; a test fails when the
 * checked-in file is stale): one section per rule under a heading that is its id, so that its
 * anchor (docs/rules.md#总表收支总计平衡, the Rule's `docs`) stays as long as the id does.
 */
import path from 'node:path';
import { headingAnchor } from './docs-anchor.js';
import { identityWords, queryWords, selectorWords, whereWords } from './describe.js';
import type { Rule } from './types.js';

/** a path as the docs folder links to it */
function link(root: string, file: string, line?: number): string {
  const rel = path.relative(root, file).split(path.sep).join('/');
  return `[${rel}](../${rel}${line ? `#L${line}` : ''})`;
}

/** a Markdown table cell or line: no line breaks, no pipes taken for columns */
function inline(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** what `reportAtDeepest` does, as the docs and --explain say it */
export const REPORT_AT_DEEPEST = '同一张表同一栏中，下级科目报出相同差额（四舍五入之内）时，这一行不再另报，由最下级那一条注明「上级 … 也因此相差同一数额」';

function ruleSection(rule: Rule, root: string, example: string | null, testFile: string | null): string[] {
  const out = [`### ${rule.id}`, '', inline(rule.description), ''];
  out.push(`- 级别：${rule.severity}`);
  out.push(`- 检查对象：${inline(selectorWords(rule))}`);
  const where = whereWords(rule);
  if (where) out.push(`- 只查：${inline(where)}`);
  const binds = Object.entries(rule.bind);
  if (binds.length) out.push(`- 取值：${binds.map(([name, q]) => `\`${name}\` = ${inline(queryWords(q))}`).join('；')}`);
  out.push(`- 应成立：${inline(identityWords(rule))}`);
  if (rule.reportAtDeepest) out.push(`- 同一原因只报一次：${REPORT_AT_DEEPEST}`);
  if (rule.why) out.push(`- 为什么：${inline(rule.why)}`);
  out.push(`- 消息：${inline(rule.message)}`);
  if (example) out.push(`- 消息示例：${inline(example)}`);
  out.push(`- 定义：${link(root, rule.source.file, rule.source.line)}${testFile ? `；用例：${link(root, testFile)}` : ''}`);
  out.push(`- 关闭或替换：\`--rule ${rule.id}:off\`，再用 \`--rules\` 加入自己的规则（\`budget-lint --explain ${rule.id}\`）`);
  out.push('');
  return out;
}

export interface RuleDocInput {
  rule: Rule;
  example: string | null;
  testFile: string | null;
}

/** docs/rules.md: the rules by file, each file's rules in their order */
export function rulesDoc(inputs: RuleDocInput[], root: string): string {
  const anchors = new Map<string, string>();
  for (const { rule } of inputs) {
    const a = headingAnchor(rule.id);
    if (anchors.has(a)) throw new Error(`规则 ${rule.id} 与 ${anchors.get(a)} 的文档锚点相同（#${a}）`);
    anchors.set(a, rule.id);
  }
  const files = [...new Set(inputs.map((i) => i.rule.source.file))];
  const out = [
    '# 内置规则',
    '',
    '<!-- 本文件由 `npm run docs`（scripts/rules-docs.mjs）从 rules/*.yaml 生成，请勿手改；内容过时则测试失败。 -->',
    '',
    `共 ${inputs.length} 条。每条的锚点就是它的 id 去掉标点（\`docs/rules.md#总表收支总计平衡\`），`,
    '`--list-rules -f json` 的 `docs` 字段即指向这里。消息示例取自各规则的测试用例（rules/*.test.yaml）。',
    '',
  ];
  for (const f of files) out.push(`- ${link(root, f)}：${inputs.filter((i) => i.rule.source.file === f).map((i) => `[${i.rule.id}](#${headingAnchor(i.rule.id)})`).join('、')}`);
  out.push('');
  for (const f of files) {
    out.push(`## ${path.basename(f)}`, '');
    for (const i of inputs.filter((x) => x.rule.source.file === f)) out.push(...ruleSection(i.rule, root, i.example, i.testFile));
  }
  return out.join('\n');
}
