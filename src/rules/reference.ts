/**
 * The reference for rule authors, written from the code that checks rules (scripts/rules-docs.mjs
 * puts it in the README between markers, and the catalogue in docs/tables.md; a test fails when
 * either is stale): the fields of a rule, the selectors and what each binds, the bind queries,
 * every operation with its arguments and an example, and every table kind with its row and
 * column keys.
 */
import { CODE_PATTERNS, codeSchemeOf, rowKeysOf, type Catalog } from '../model/tables/catalog.js';
import { BINDING_SCHEMA, EACH_KINDS, TABLE_SELECTORS } from './binding-schema.js';
import { EACH_WORDS } from './describe.js';
import { SIGNATURES, signatureText } from './expr-check.js';
import { BUILTIN_ALLOWED } from './ops.js';
import { PLACEHOLDERS } from './rule-check.js';
import { describeType, type VType } from './value-types.js';

/** what each of our operations does, and an example of its use */
const OPERATIONS: Record<string, [string, string]> = {
  sum: ['各金额之和（参数可以是金额列表）；有一项没有印出，就没有结果（不查）', '{ sum: [{ var: parts }] }'],
  sum_present: ['同 sum，但没有印出的项按 0；全都没有印出时没有结果', '{ sum_present: [{ var: funds.当年财政拨款.全年执行数 }, { var: funds.其他资金.全年执行数 }] }'],
  or_zero: ['这个金额；没有印出时为确切的 0', '{ or_zero: [{ var: fundsWeight }] }'],
  capped: ['两个金额中较小的一个（按区间）：得分封顶于分值', '{ capped: [{ var: score }, { var: weight }] }'],
  scale_by_ratio: ['甲 × 乙 ÷ 丙：按比例的得分（分值 × 执行数 ÷ 预算数）', '{ scale_by_ratio: [{ var: fundsWeight }, { var: funds.年度资金总额.全年执行数 }, { var: funds.年度资金总额.全年预算数 }] }'],
  approx_eq: ['两个金额相等：四舍五入能解释的差额不算；不等时报告，第一个是 {actual}，第二个是 {expected}；有一个没有印出时不查（通过）', '{ approx_eq: [{ var: income }, { var: spending }] }'],
  approx_le: ['第一个金额不超过第二个（按区间）', '{ approx_le: [{ var: spent }, { var: budget }] }'],
  approx_ge: ['第一个金额不少于第二个（按区间）', '{ approx_ge: [{ var: reception }, { var: receptionBasic }] }'],
  all_approx_eq: ['列表中每个金额都等于第二个参数（报告第一个不等的）', '{ all_approx_eq: [{ var: table.years }, { var: document.year }] }'],
  difference: ['甲 − 乙', '{ difference: [{ var: closing }, { var: opening }] }'],
  ratio: ['甲 ÷ 乙（不带单位）', '{ ratio: [{ var: part }, { var: whole }] }'],
  percent_of: ['甲 ÷ 乙 × 100，为百分数；乙可能为 0 时没有结果', '{ percent_of: [{ var: figures.actual }, { var: figures.budget }] }'],
  scale: ['金额 × 一个数（数写在规则里，如 100、0.5）', '{ scale: [{ var: value }, 0.5] }'],
  rounded_as: ['甲换算为乙的单位，按乙印出的位数显示（区间不变）：表中以元列示的数，在以万元写的文中应写作多少', '{ rounded_as: [{ var: table }, { var: figures.amount }] }'],
  coarser_unit: ['甲所用的单位是否大于乙的（万元之于元，亿元之于万元）；有一个没有单位时为否：以万元写的文中数对以元列示的表', '{ coarser_unit: [{ var: figures.amount }, { var: table }] }'],
  as_rounded: ['这个数按印出的位数看作四舍五入所得（2.35 即 2.345–2.355）：按规则算出的得分，虽然分值、得分平时按确切数看待', '{ as_rounded: [{ var: score }] }'],
  nominal: ['印出的数值，作普通数（用于 >、=== 等 json-logic 比较）', '{ ">": [{ nominal: [{ var: score }] }, 0] }'],
  decimals_of: ['金额印出的小数位数；空格、百分数没有结果', '{ "<=": [{ decimals_of: [{ var: value }] }, { max: [2, { var: table.decimals }] }] }'],
  present: ['这个金额是否印出', '{ present: [{ var: weight }] }'],
  band_of: ['按文件所写的等级分档（90（含）-100 为“优”）取得分所在的等级', '{ band_of: [{ var: score }, { var: bands }] }'],
  count: ['列表的项数', '{ count: [{ var: indicators }] }'],
  name_listed: ['名称是否在名称列表中：不计空格、括号、序号和末尾的“项目”，单元格内折行、被读成相邻两行的名称也算', '{ name_listed: [{ var: form.project }, { var: document.rowNames.预算/项目支出表 }] }'],
  name_relation: ['两个名称去掉所列的通用词后的关系：equal 相同，contains 甲含乙且更长，head 甲是乙截去结尾，short 一个是另一个略去几个字（略去的不是整个地名），place 一个略去了另一个所写的整个地名（…省、…市、…区、…县），other 都不是', '{ name_relation: [{ var: mention.name }, { var: document.department }, [人民政府, 办事处]] }'],
  target_met: ['印出的实际值是否达到印出的指标值（≥90%、小于20天；不带符号的 95% 只在两数相等时算达到）；不能判断时为 null', '{ target_met: [{ var: indicator.target }, { var: indicator.actual }] }'],
};

const RULE_FIELDS: Array<[string, string, string]> = [
  ['id', '必填', '规则 id：文字、数字和 _ . / -，在所有规则中唯一（`本省/专项资金合计`）'],
  ['severity', '可选', '`error`（默认）、`warn` 或 `off`'],
  ['description', '必填', '规则查什么，一句话'],
  ['why', '可选', '为什么要查（`--explain`、docs/rules.md 与输出中的规则说明）'],
  ['docs', '可选', '规则说明的网址（内置规则为 docs/rules.md 中它的一节）'],
  ['select', '必填', '`each`（必填，见下表）、`tables`（表种类 id 列表）、`where`（json-logic 筛选）、`columns`（code-parent、cell 只查这些列）、`groups`（group 必填：栏组）、`ids`（table-id：只查这些表种类）'],
  ['bind', '可选', '名称 → 查询（见下表）：所取的单元格或单元格列表，供 assert 以 `var` 读取'],
  ['assert', '必填', 'json-logic 表达式：应成立的恒等式；不成立即报告'],
  ['message', '必填', '报告的文字，可用占位符（见下）'],
  ['values', '可选', '名称 → 表达式（json-logic，同 assert 可读的）：报告时另算的数，消息中以 `{value:名称}` 显示其值、`{range:名称}` 显示它所容的区间（如 同比变化率 所附「若变化率无误，增减额应为 382.40～383.09 万元」）；只在报告时计算'],
  ['at', '可选', '所报位置取哪个数（绑定路径，如 `fundsWeight`）：assert 没有比较任何数时（某格空着）报在它所在处；不写则报在检查对象处'],
];

const QUERY_FIELDS: Array<[string, string]> = [
  ['table', '表种类 id（默认：当前表）'],
  ['row', '一行的 key（`收入:总计`、`合计`、`2101101`、`人员经费合计`；见 docs/tables.md）'],
  ['rows', '多行，得到列表：`side`（收入/支出）、`kind`（total/item/carry/carry-detail/detail）、`level`（1 类、2 款、3 项）、`code`（编码或编码列表）、`keys`、`lineNo: [起, 止]`'],
  ['rowMap', '按当前列找另一张表中的行：当前列的 key → 所查表中同一个数所在行的 key（`{ 决算数.公务接待费: "30217" }`）；未列出的列不取行；可与 asNamed 同用'],
  ['sameCode', '与当前行编码相同的行（另一张表中）'],
  ['sameLineNo', '与当前行行次相同的行（两栏总表）'],
  ['asNamed', '与 row 同用，`true`：按经济分类编码找到的行，印的名称须是这一编码的名称（tables/economic-classes.yaml），否则当作没有这一行（上海 2024 年的 302 12 是机关事业单位退休人员活动费，不是因公出国（境）费用）'],
  ['column', '列 key（栏组表为 `决算数.合计`）；`$column` 为当前列，`$group` 替换为当前栏组；不写时为该行所在一侧的第一栏'],
  ['parts', '`true`：该行的各分栏（加起来应为合计栏的各栏，含放不进栏的数），得到列表；与 row、sameCode 或当前行同用'],
  ['columnMap', '与 `column: $column` 同用：当前列在所查的表中的 key（`{ 本年支出合计: 小计 }`）；未列出的列按同名'],
  ['link', 'each: claim：`true` 为该句所说的表格单元格，`whole` 为它的占比所对的合计，`all-funds` 为所说的财政拨款表（公开05、部门公开表5）单元格在全部资金的表（公开03、部门公开表3）中的同一项，`budget` 为只写了决算数与完成预算百分比的一句所说那一项在表中的预算数（公开09 决算数旁的预算数），`sum-of` 为所说的几类经济分类（表种类文件的 economicGroups，如人员经费：301、303）在基本支出表中各行的单元格（列表；表中没有这一栏或行时）'],
  ['sentences', '文字说明中的句子（以“。”和章节标题分开），得到所找到各句的文字（列表，没有时为空列表，json-logic 视为假）：写词组的列表，一句含每组中的一个词即算找到（`[[运行经费], [口径, 统计在]]`）；不与其他查询项同用'],
];

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

/** a type in a word or two, for a table cell */
function shortType(t: VType): string {
  if (t.t === 'figure') return '金额';
  if (t.t === 'list') return `${shortType(t.of)}列表`;
  return describeType(t).replace(/（.*$/, '');
}

/** what a selector's name holds, in a table cell: its fields one level down */
function bindsText(name: string, t: VType): string {
  if (t.t === 'object') return `\`${name}\`（${Object.keys(t.fields).join(', ')}）`;
  if (t.t === 'map' && t.of.t === 'map') return `\`${name}.<行>.<列>\`（行：${t.keys?.join('、')}；列：${t.of.keys?.join('、')}）`;
  if (t.t === 'map') return `\`${name}.<列>\`（${t.keys?.join('、')}；每项${shortType(t.of)}）`;
  if (t.t === 'list' && t.of.t === 'object') return `\`${name}\`（列表，每项 ${Object.keys(t.of.fields).join(', ')}）`;
  return `\`${name}\`（${shortType(t)}）`;
}

/** the README's reference block (between its markers) */
export function referenceMarkdown(): string {
  const out = ['### Rule fields', '', '| field | | meaning |', '| --- | --- | --- |'];
  for (const [f, req, m] of RULE_FIELDS) out.push(`| \`${f}\` | ${req} | ${cell(m)} |`);
  out.push('', '### Selectors and what each binds', '', '`document` is bound by every selector (`kind, year, department, unit, tableCount, unreadPageCount, rotatedTextCount, family, formCount, projectFormCount, publishedProjectFormCount, projectFunds, targetProjectCount, targetTable, rowNames, scoringRule`: `rowNames` maps the id of each table read to the names of its item rows, `scoringRule` is the proportional scoring rule the document states (`kind, text, place`) or null). A printed figure (a cell) has `raw, value, decimals, lo, hi, unit, blank, percent`.', '', '| each | runs on | binds | `tables` |', '| --- | --- | --- | --- |');
  for (const each of EACH_KINDS) {
    const binds = Object.entries(BINDING_SCHEMA[each]).filter(([n]) => n !== 'document');
    out.push(`| \`${each}\` | ${cell(EACH_WORDS[each])} | ${cell(binds.map(([n, t]) => bindsText(n, t)).join('; ') || '—')} | ${TABLE_SELECTORS.has(each) ? 'yes' : '—'} |`);
  }
  out.push('', '### Bind queries', '', '| field | meaning |', '| --- | --- |');
  for (const [f, m] of QUERY_FIELDS) out.push(`| \`${f}\` | ${cell(m)} |`);
  out.push('', '### Operations', '', 'Ours, on rounding intervals (a figure is a printed cell, a plain number, or what one of these gives):', '', '| operation | arguments → result | what it gives | example |', '| --- | --- | --- | --- |');
  for (const [op, sig] of Object.entries(SIGNATURES)) {
    const [what, example] = OPERATIONS[op];
    out.push(`| \`${op}\` | ${cell(signatureText(op))} → ${cell(shortType(sig.result))} | ${cell(what)} | \`${cell(example)}\` |`);
  }
  out.push(
    '',
    `json-logic's own, allowed: ${BUILTIN_ALLOWED.map((o) => `\`${o}\``).join(' ')}. Of these, \`< <= > >= === !== in cat min max\` take no printed figure (use \`approx_le\`, \`approx_ge\`, \`approx_eq\`, or \`nominal\` for the printed value as a plain number; \`=== null\` asks whether a figure is printed). Refused: \`+ - * / %\` (parseFloat on text), \`==\` and \`!=\` (loose), \`log\`, and any other name.`,
    '',
    `Message placeholders: ${[...PLACEHOLDERS].map((p) => `\`{${p}}\``).join(' ')}, \`{var:path}\` for anything the assert can read (a cell shows as printed, with its unit), and \`{value:name}\` / \`{range:name}\` for a figure of the rule's \`values\` (its interval of true values, lo～hi); \`{if:name}…{/if}\` shows its words only where the placeholder \`name\` is filled (\`{if:linked}；{linked}为 {linkedValue}{/if}\`: nothing where the claim names no table cell).`,
  );
  return out.join('\n');
}

/** docs/tables.md: every table kind of the catalogue, its columns and row keys, and the families */
export function tablesDoc(catalog: Catalog): string {
  const out = [
    '# 表种类（catalogue）',
    '',
    '<!-- 本文件由 `npm run docs`（scripts/rules-docs.mjs）从 tables/*.yaml 生成，请勿手改；内容过时则测试失败。 -->',
    '',
    '规则在 `tables:`、`table:` 中写表种类的 id，在 `row:` 中写行的 key，在 `column:` 中写列的 key。这里列出内置的每种表：',
    '它的列（栏组表的列写作 `栏组.列`），规则可以指名的行（版式本身总有的行、`rows:` 所列的行、科目编码行），以及它属于哪一套。',
    '自己的表种类、某省多出的行用 `--tables` 加入（见 README 的 “Tables”）。',
    '',
  ];
  for (const s of catalog.specs) {
    out.push(`## ${s.id}`, '', `${s.title}（${s.document}，layout: ${s.layout}${s.codes ? `，codes: ${s.codes}` : ''}）`, '');
    out.push(`- 表名：${s.titles.join('、')}${s.printedIds.length ? `；表号：${s.printedIds.join('、')}` : ''}`);
    if (s.layout === 'unread') {
      out.push('- 只识别、不读取，规则不查', '');
      continue;
    }
    if (s.groups) out.push(`- 栏组：${s.groups.join('、')}`);
    const rows = rowKeysOf(catalog, s).filter((k) => !(k.startsWith('支出:') && catalog.functionClasses.has(k.slice(3))));
    const scheme = codeSchemeOf(s);
    const extra = [s.layout === 'two-sided' ? '`支出:` 加功能分类的类名（如 `支出:教育支出`）' : '', scheme ? `科目编码（${scheme}：\`${CODE_PATTERNS[scheme].source}\`）` : ''].filter(Boolean);
    out.push(`- 行：${rows.map((k) => `\`${k}\``).join('、') || '—'}${extra.length ? `；以及 ${extra.join('、')}` : ''}`);
    out.push('', '| 列 key | 名称 | 说明 |', '| --- | --- | --- |');
    for (const c of s.columns) {
      const notes = [c.total && '合计栏', c.side && `${c.side}方`, c.optional && '印出才有', c.partOf && `是 ${c.partOf} 的分项`, c.synonyms?.length && `也印作 ${c.synonyms.join('、')}`].filter(Boolean);
      out.push(`| \`${cell(c.key)}\` | ${cell(c.name)} | ${cell(notes.join('；'))} |`);
    }
    out.push('');
  }
  out.push('## 各套公开文件必备的表', '');
  for (const f of catalog.families) out.push(`- ${f.id}（${f.document}）：${f.required.join('、')}`);
  out.push('');
  return out.join('\n');
}
