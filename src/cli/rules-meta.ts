/**
 * What a report says about each rule id its messages may carry: the YAML rules that ran, and
 * the checks the reader makes itself (a table it could not read, a page without text…).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsUrl, PACKAGE_ROOT } from '../common/package-info.js';
import type { RuleMeta, RulesMeta } from '../format/index.js';
import { pathInside } from '../format/paths.js';
import { BUILTIN_RULES_DIR, type Rule } from '../rules/index.js';

type ReaderCheck = Omit<RuleMeta, 'docs' | 'source'> & { id: string; anchor: string };

const TABLES = 'tables-what-is-read-and-adding-a-provinces-variant';

/** the reader's own checks (src/cli/lint.ts, src/rules/engine.ts), documented in the README sections named */
const READER_CHECKS: ReaderCheck[] = [
  {
    id: '读取/未含公开表',
    description: '文件没有公开表，只核对了文字说明中的数字',
    why: '分两个文件公开时，说明部分与表格的核对需要含表格的文件：用 --parts 把两个文件合在一起检查。',
    severity: 'warn',
    anchor: TABLES,
  },
  {
    id: '读取/多份文件',
    description: '一个文件里有不止一份公开文件，各份分别检查',
    why: '几份文件的表格混在一起无法核对：从后一份的封面（或其表再次出现的那一页）起分开，每一份按它自己的表格和说明检查。',
    severity: 'warn',
    anchor: TABLES,
  },
  {
    id: '读取/表格未能读取',
    description: '表格未能读取，或有数字未能归入所在的列',
    why: '读不准的表格不做核对，而不是猜测；涉及它的核对都已跳过。',
    severity: 'warn',
    anchor: TABLES,
  },
  {
    id: 'pdf/unreadable-page',
    description: 'PDF 页面的文字无法读取（图片页、字形无法映射、内容流损坏）',
    why: '这一页上的数字没有检查，不能当作通过。',
    severity: 'error',
    anchor: 'pdf-input',
  },
  {
    id: 'text/empty-page',
    description: '分页的文本中有没有文字的页（提取时这一页是图片，如扫描页；或原件本是空白页）',
    why: '文本说不出这一页是空白还是印着图片：若印有内容，它未能检查，不能当作通过；可能在这些页上的表与章节不算缺，续到这些页的表不核对。',
    severity: 'warn',
    anchor: 'command-line',
  },
  {
    id: 'text/rotated-page',
    description: '提取的文本中有转了 90° 的页面，一个字一行，无法读取',
    why: '这些页面上的表与文字没有检查，不能当作通过，也不能说表缺了。',
    severity: 'error',
    anchor: 'command-line',
  },
  {
    id: 'text/invalid-utf8',
    description: '文本文件不是有效的 UTF-8，已按 UTF-8 读取，无效处以 � 代替',
    why: '无效字节处的数字可能读错。',
    severity: 'warn',
    anchor: 'command-line',
  },
  {
    id: 'rule-error',
    description: '规则运行出错',
    why: '出错的检查对象没有检查；规则的其他检查对象和其他规则照常运行。',
    severity: 'error',
    anchor: 'writing-a-rule',
  },
];

/**
 * A rule's docs: a URL as written, or a path in this package (docs/rules.md#anchor) as a file:
 * URL. The built-in rules share one file: its URL is made once (pathToFileURL for each rule was
 * 7 ms of a cold lint).
 */
function docsLinker(): (docs: string) => string {
  const fileUrls = new Map<string, string>();
  return (docs) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(docs)) return docs;
    const [file, anchor] = docs.split('#');
    let url = fileUrls.get(file);
    if (url === undefined) fileUrls.set(file, (url = pathToFileURL(path.join(PACKAGE_ROOT, file)).href));
    return `${url}${anchor !== undefined ? `#${encodeURIComponent(anchor)}` : ''}`;
  };
}

function isBuiltin(file: string): boolean {
  return !path.relative(BUILTIN_RULES_DIR, file).startsWith('..');
}

export function buildRulesMeta(rules: Rule[], cwd: string): RulesMeta {
  const meta: RulesMeta = Object.create(null);
  const docsLink = docsLinker();
  for (const r of rules) {
    if (r.severity === 'off') continue;
    meta[r.id] = {
      description: r.description,
      ...(r.why ? { why: r.why } : {}),
      severity: r.severity,
      // a built-in rule in its section of docs/rules.md; the user's own at its docs: URL, or where it is written
      docs: r.docs !== undefined ? docsLink(r.docs) : isBuiltin(r.source.file) ? docsUrl('built-in-rules') : pathToFileURL(path.resolve(r.source.file)).href,
      // relative to the working directory when inside it
      source: { ...r.source, file: pathInside(r.source.file, cwd) ?? r.source.file },
    };
  }
  for (const { id, anchor, ...check } of READER_CHECKS) meta[id] = { ...check, docs: docsUrl(anchor), source: null };
  return meta;
}
