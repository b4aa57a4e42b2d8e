/** budget-lint's command line: options, file discovery, output, exit codes (as ESLint's). */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { fileResult, formatJson, formatStylish, type FileResult } from '../format/index.js';
import { readDocument, InputError, PDF_ENGINES, DEFAULT_PDF_ENGINE, type PdfEngine } from '../ingest/index.js';
import { buildReport } from '../model/index.js';
import { BUILTIN_RULES_DIR, loadRules, RuleLoadError, type Rule } from '../rules/index.js';
import { lintFile } from './lint.js';

const INPUT_RE = /\.(txt|pdf)$/i;

async function expand(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = await stat(input);
    } catch {
      throw new InputError(`找不到文件或目录: ${input}`);
    }
    if (st.isDirectory()) {
      const entries = (await readdir(input, { recursive: true })) as string[];
      files.push(...entries.filter((e) => INPUT_RE.test(e)).sort().map((e) => path.join(input, e)));
    } else {
      files.push(input);
    }
  }
  return files;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('应为非负整数');
  return n;
}

function engine(value: string): PdfEngine {
  if (!(PDF_ENGINES as readonly string[]).includes(value)) throw new InvalidArgumentError(`应为 ${PDF_ENGINES.join(' 或 ')}`);
  return value as PdfEngine;
}

export async function main(argv: string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const program = new Command()
    .name('budget-lint')
    .description('检查部门决算、部门预算公开文件中的表内、表间数字是否一致（按四舍五入区间计算）')
    .argument('[files...]', '要检查的文件或目录（提取出的文本 .txt）')
    .option('-f, --format <format>', '输出格式：stylish 或 json', 'stylish')
    .option('--rules <path>', '追加自己的 YAML 规则文件或目录（可重复）', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--no-builtin-rules', '不加载内置规则')
    .option('--rule <id:severity>', '改变某条规则的级别，如 自评表/资金得分:off（可重复；级别为 error、warn、off）', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--quiet', '只报告错误')
    .option('--max-warnings <n>', '警告数超过 n 时以 1 退出', count)
    .option('--print-model <file>', '打印文件的规范化报表模型（JSON），不检查')
    .option('--pdf-engine <engine>', `读取 PDF 所用的引擎：pdfium 或 unpdf（默认 ${DEFAULT_PDF_ENGINE}）`, engine, DEFAULT_PDF_ENGINE)
    .option('--color', '强制彩色输出')
    .option('--no-color', '不用颜色')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) });

  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  const opts = program.opts<{
    format: string;
    rules: string[];
    rule: string[];
    builtinRules: boolean;
    quiet?: boolean;
    maxWarnings?: number;
    printModel?: string;
    pdfEngine: PdfEngine;
    color?: boolean;
  }>();
  const read = { pdfEngine: opts.pdfEngine };

  try {
    if (opts.printModel) {
      const report = buildReport(await readDocument(opts.printModel, read));
      io.out.write(JSON.stringify(report, null, 2) + '\n');
      return 0;
    }
    if (opts.format !== 'stylish' && opts.format !== 'json') throw new InputError(`未知的输出格式: ${opts.format}（可用 stylish、json）`);
    if (program.args.length === 0) throw new InputError('请给出要检查的文件或目录，例如 budget-lint 决算公开.txt');

    const rules: Rule[] = await loadRules([...(opts.builtinRules ? [BUILTIN_RULES_DIR] : []), ...opts.rules]);
    for (const override of opts.rule) {
      const at = override.lastIndexOf(':');
      const id = override.slice(0, at);
      const severity = override.slice(at + 1);
      const rule = rules.find((r) => r.id === id);
      if (at < 0 || !rule) throw new InputError(`--rule ${override}: 没有 id 为「${id}」的规则`);
      if (severity !== 'error' && severity !== 'warn' && severity !== 'off') throw new InputError(`--rule ${override}: 级别应为 error、warn 或 off`);
      rule.severity = severity;
    }
    const files = await expand(program.args);
    if (!files.length) throw new InputError('没有找到可检查的 .txt 或 .pdf 文件');

    const results: FileResult[] = [];
    let fatal = false;
    for (const f of files) {
      const outcome = await lintFile(f, rules, read);
      if (outcome.fatal) {
        fatal = true;
        io.err.write(`budget-lint: ${outcome.fatal}\n`);
        continue;
      }
      const messages = opts.quiet ? outcome.diagnostics.filter((d) => d.severity === 2) : outcome.diagnostics;
      results.push(fileResult(f, messages));
    }
    const color = opts.color ?? (Boolean((io.out as NodeJS.WriteStream).isTTY) && !process.env.NO_COLOR);
    const text = opts.format === 'json' ? formatJson(results) + '\n' : formatStylish(results, color);
    if (text.trim()) io.out.write(text.endsWith('\n') ? text : text + '\n');
    if (fatal) return 2;
    const errors = results.reduce((n, r) => n + r.errorCount, 0);
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    if (errors > 0) return 1;
    if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
      io.err.write(`budget-lint: 警告 ${warnings} 个，超过 --max-warnings ${opts.maxWarnings}\n`);
      return 1;
    }
    return 0;
  } catch (err) {
    if (err instanceof InputError || err instanceof RuleLoadError) {
      io.err.write(`budget-lint: ${err.message}\n`);
      return 2;
    }
    io.err.write(`budget-lint: 内部错误：${(err as Error).message}\n`);
    return 2;
  }
}
