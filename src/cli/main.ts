/** budget-lint's command line: options, file discovery, output, exit codes (as ESLint's). */
import { realpath, stat } from 'node:fs/promises';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { fatalResult, fileResult, formatJson, formatStylish, type FileResult } from '../format/index.js';
import { readDocument, warmUpPdfEngine, InputError, DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT_SECONDS, walkFolder, PDF_ENGINES, DEFAULT_PDF_ENGINE, type PdfEngine } from '../ingest/index.js';
import { YamlFileError } from '../common/yaml-source.js';
import { buildReport, loadCatalog, type Catalog, type Report } from '../model/index.js';
import { BUILTIN_RULES_DIR, loadRules, RuleLoadError, type Rule } from '../rules/index.js';
import { describeFailure, lintFile } from './lint.js';
import type { UncheckedReport } from './unchecked.js';

const INPUT_RE = /\.(txt|pdf)$/i;

/** the files to lint: each named file, and each folder's .txt and .pdf files; every real file once */
async function expand(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    let st;
    try {
      st = await stat(input);
    } catch {
      throw new InputError(`找不到文件或目录: ${input}`);
    }
    if (st.isDirectory()) {
      for (const f of await walkFolder(input, { match: INPUT_RE, seen })) files.push(f);
      continue;
    }
    const real = await realpath(input);
    if (seen.has(real)) continue;
    seen.add(real);
    files.push(input);
  }
  return files;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('应为非负整数');
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('应为非负的秒数');
  return n;
}

function engine(value: string): PdfEngine {
  if (!(PDF_ENGINES as readonly string[]).includes(value)) throw new InvalidArgumentError(`应为 ${PDF_ENGINES.join(' 或 ')}`);
  return value as PdfEngine;
}

interface Options {
  format: string;
  rules: string[];
  tables: string[];
  pdfEngine: PdfEngine;
  rule: string[];
  builtinRules: boolean;
  quiet?: boolean;
  maxWarnings?: number;
  printModel?: string;
  color?: boolean;
  debug?: boolean;
  exitOnFatalError?: boolean;
  maxPages: number;
  timeout: number;
  listRules?: boolean;
  explain?: string;
  testRules?: string;
  debugRule?: string;
  reportUnchecked?: boolean;
}

type Io = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };

function program(io: Io): Command {
  return new Command()
    .name('budget-lint')
    .description('检查部门决算、部门预算公开文件中的表内、表间数字是否一致（按四舍五入区间计算）')
    .argument('[files...]', '要检查的文件或目录（提取出的文本 .txt）')
    .option('-f, --format <format>', '输出格式：stylish 或 json', 'stylish')
    .option('--rules <path>', '追加自己的 YAML 规则文件或目录（可重复）', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--no-builtin-rules', '不加载内置规则')
    .option('--pdf-engine <engine>', `读取 PDF 所用的引擎：pdfium 或 unpdf（默认 ${DEFAULT_PDF_ENGINE}）`, engine, DEFAULT_PDF_ENGINE)
    .option('--tables <path>', '追加自己的表种类 YAML 文件或目录（可重复），如某省表名不同的表', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--rule <id:severity>', '改变某条规则的级别，如 自评表/资金得分:off（可重复；级别为 error、warn、off）', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--max-pages <n>', `页数超过 n 的 PDF 不检查（默认 ${DEFAULT_MAX_PAGES}）`, count, DEFAULT_MAX_PAGES)
    .option('--timeout <seconds>', `每个文件的检查时限，秒（默认 ${DEFAULT_TIMEOUT_SECONDS}；0 为不限）`, seconds, DEFAULT_TIMEOUT_SECONDS)
    .option('--quiet', '只报告错误')
    .option('--max-warnings <n>', '警告数超过 n 时以 1 退出', count)
    .option('--print-model <file>', '打印文件的规范化报表模型（JSON），不检查；其后的文件也打印')
    .option('--exit-on-fatal-error', '有文件无法检查（读不了、不是公开文件、内部错误）时以 2 退出')
    .option('--list-rules', '列出会运行的规则（id、级别、检查对象、表、说明；-f json 输出 JSON）')
    .option('--explain <id>', '说明一条规则：查什么、为什么、恒等式、消息示例、如何关闭或替换')
    .option('--test-rules <path>', '运行规则目录（或文件）旁的 *.test.yaml 用例，报告通过与否')
    .option('--debug-rule <id>', '打印一条规则在所给文件上的每个检查对象：取到的单元格、值、位置与结果')
    .option('--report-unchecked', '检查后按文件列出：哪些规则运行了，哪些表在却没有查到任何对象，以及原因')
    .option('--debug', '内部错误时打印调用栈')
    .option('--color', '强制彩色输出')
    .option('--no-color', '不用颜色')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) });
}

async function loadConfiguredRules(opts: Options, catalog: Catalog): Promise<Rule[]> {
  // rules are checked against the catalogue they run with: the user's table kinds included
  const rules: Rule[] = await loadRules([...(opts.builtinRules ? [BUILTIN_RULES_DIR] : []), ...opts.rules], catalog);
  for (const override of opts.rule) {
    const at = override.lastIndexOf(':');
    const id = override.slice(0, at);
    const severity = override.slice(at + 1);
    const rule = rules.find((r) => r.id === id);
    if (at < 0 || !rule) throw new InputError(`--rule ${override}: 没有 id 为「${id}」的规则`);
    if (severity !== 'error' && severity !== 'warn' && severity !== 'off') throw new InputError(`--rule ${override}: 级别应为 error、warn 或 off`);
    rule.severity = severity;
  }
  return rules;
}

/** --print-model: every file's model (an array when there are several); a file that fails is said on stderr */
async function printModels(files: string[], opts: Options, io: Io, catalog: Catalog): Promise<number> {
  const reports: Report[] = [];
  let failed = false;
  for (const f of files) {
    try {
      reports.push(buildReport(await readDocument(f, { pdfEngine: opts.pdfEngine, maxPages: opts.maxPages }), catalog));
    } catch (err) {
      failed = true;
      io.err.write(`budget-lint: ${describeFailure(err, opts.debug)}\n`);
    }
  }
  if (reports.length) io.out.write(JSON.stringify(files.length > 1 ? reports : reports[0], null, 2) + '\n');
  if (failed) return opts.exitOnFatalError ? 2 : 1;
  return 0;
}

/** each file alone: one that cannot be linted is a result with one fatal message, the others go on */
async function lintAll(files: string[], rules: Rule[], opts: Options, catalog: Catalog, unchecked?: UncheckedReport): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const f of files) {
    const limits = { maxPages: opts.maxPages, timeoutSeconds: opts.timeout };
    const outcome = await lintFile(f, rules, { debug: opts.debug, catalog, pdfEngine: opts.pdfEngine, ...limits, observe: unchecked?.start(f) });
    unchecked?.finish(f, outcome.report);
    if (outcome.fatal !== null) {
      results.push(fatalResult(f, outcome.fatal));
      continue;
    }
    results.push(fileResult(f, opts.quiet ? outcome.diagnostics.filter((d) => d.severity === 2) : outcome.diagnostics));
  }
  return results;
}

function exitCode(results: FileResult[], opts: Options, io: Io): number {
  const fatal = results.some((r) => r.fatalErrorCount > 0);
  if (fatal && opts.exitOnFatalError) return 2;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    io.err.write(`budget-lint: 警告 ${warnings} 个，超过 --max-warnings ${opts.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const cli = program(io);
  try {
    cli.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  const opts = cli.opts<Options>();
  // the engine loads while the catalogue and rules do
  if ([opts.printModel ?? '', ...cli.args].some((a) => /\.pdf$/i.test(a))) warmUpPdfEngine(opts.pdfEngine);
  try {
    const catalog = loadCatalog(opts.tables);
    if (opts.printModel) return await printModels(await expand([opts.printModel, ...cli.args]), opts, io, catalog);
    if (opts.format !== 'stylish' && opts.format !== 'json') throw new InputError(`未知的输出格式: ${opts.format}（可用 stylish、json）`);
    // the commands about rules are loaded only when asked for: start-up stays short
    if (opts.listRules || opts.explain !== undefined || opts.testRules !== undefined || opts.debugRule !== undefined) {
      const { ruleCommand } = await import('./rule-commands.js');
      return (await ruleCommand(opts, cli.args, io, catalog, () => loadConfiguredRules(opts, catalog), expand))!;
    }
    if (cli.args.length === 0) throw new InputError('请给出要检查的文件或目录，例如 budget-lint 决算公开.txt');
    const rules = await loadConfiguredRules(opts, catalog);
    const files = await expand(cli.args);
    if (!files.length) throw new InputError('没有找到可检查的 .txt 或 .pdf 文件');
    const unchecked = opts.reportUnchecked ? new (await import('./unchecked.js')).UncheckedReport(rules) : undefined;
    const results = await lintAll(files, rules, opts, catalog, unchecked);
    const color = opts.color ?? (Boolean((io.out as NodeJS.WriteStream).isTTY) && !process.env.NO_COLOR);
    const text = opts.format === 'json' ? formatJson(results) + '\n' : formatStylish(results, color ? (await import('chalk')).default : null);
    if (text.trim()) io.out.write(text.endsWith('\n') ? text : text + '\n');
    // after the lint: on stdout beside stylish output, on stderr beside JSON (which stays parseable)
    if (unchecked) (opts.format === 'json' ? io.err : io.out).write(unchecked.text());
    return exitCode(results, opts, io);
  } catch (err) {
    if (err instanceof InputError || err instanceof RuleLoadError || err instanceof YamlFileError) {
      io.err.write(`budget-lint: ${err.message}\n`);
      return 2;
    }
    io.err.write(`budget-lint: ${describeFailure(err, opts.debug)}\n`);
    return 2;
  }
}
