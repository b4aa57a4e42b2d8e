/**
 * The command line's options, help and usage errors, in Chinese like every other message:
 * commander's own words (Usage:, Options:, error: unknown option …) come from its help
 * formatter and its error methods, which are replaced here rather than their output patched.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, type Help, type Option } from 'commander';
import { DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT_SECONDS, PDF_ENGINES, DEFAULT_PDF_ENGINE, type PdfEngine } from '../ingest/index.js';
import { FORMAT_NAMES, width } from '../format/index.js';
import { nearest } from '../common/suggest.js';
import type { RuleSetOptions } from './rule-set.js';
import { parseConcurrency, type Concurrency } from '../batch/pool.js';
import { parseShard, type Shard } from '../batch/shard.js';
import type { SuppressOptions } from './suppress.js';

/** a usage error found while reading the options (a bad value): exit 2, one line */
export class UsageError extends Error {}

/** the options as commander gives them (those of the rule set and the suppressions file included) */
export interface Options extends RuleSetOptions, SuppressOptions {
  config?: string;
  configLookup: boolean;
  format?: string;
  outputFile?: string;
  tables: string[];
  pdfEngine: PdfEngine;
  ignorePattern: string[];
  ignore: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  printModel?: string;
  printConfig?: string;
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
  concurrency: Concurrency;
  cache?: boolean;
  cacheLocation?: string;
  shard?: Shard;
  merge?: boolean;
  parts?: boolean;
  progress: boolean;
}

/** where output goes; in and cwd: standard input and the current directory, when not the process's own (tests) */
export type Io = { out: NodeJS.WritableStream; err: NodeJS.WritableStream; in?: NodeJS.ReadableStream; cwd?: string };

function count(option: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`${option} 的值「${value}」无效：应为非负整数`);
    return n;
  };
}

function concurrency(value: string): Concurrency {
  const c = parseConcurrency(value);
  if (c === null) throw new UsageError(`--concurrency 的值「${value}」无效：应为正整数、auto 或 off`);
  return c;
}

function shard(value: string): Shard {
  const s = parseShard(value);
  if (s === null) throw new UsageError(`--shard 的值「${value}」无效：应为 i/n，1 ≤ i ≤ n，如 2/4`);
  return s;
}

function seconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`--timeout 的值「${value}」无效：应为非负的秒数`);
  return n;
}

function oneOf<T extends string>(option: string, values: readonly T[]) {
  return (value: string): T => {
    if (!(values as readonly string[]).includes(value)) throw new UsageError(`${option} 的值「${value}」无效：应为 ${values.join('、')}`);
    return value as T;
  };
}

const list = (v: string, prev: string[]) => [...prev, v];

export function version(): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };
  return pkg.version;
}

/** commander's help, with Chinese headings, CJK characters two cells wide, our own defaults */
function formatHelp(cmd: Command, helper: Help): string {
  const termWidth = helper.padWidth(cmd, helper);
  const item = (term: string, description: string) => helper.formatItem(term, termWidth, description, helper);
  const out = [`用法：${helper.commandUsage(cmd)}`, '', helper.commandDescription(cmd), ''];
  const args = helper.visibleArguments(cmd).map((a) => item(helper.argumentTerm(a), helper.argumentDescription(a)));
  if (args.length) out.push('参数：', ...args, '');
  out.push('选项：', ...helper.visibleOptions(cmd).map((o) => item(helper.optionTerm(o), helper.optionDescription(o))), '');
  out.push('配置文件与出错说明的写法见 README（“Configuration file”“出错说明”两节）。', '');
  return out.join('\n');
}

/** commander's error methods, in Chinese; a usage error exits 2 as ESLint's */
class ChineseCommand extends Command {
  private usage2(message: string, code: string): never {
    this.error(`budget-lint: ${message}`, { code, exitCode: 2 });
    throw new Error('unreachable');
  }

  unknownOption(flag: string): never {
    const flags = this.options.map((o) => o.long).filter((f): f is string => !!f);
    const near = flag.startsWith('--') ? nearest(flag, flags) : undefined;
    return this.usage2(`未知选项 ${flag}${near ? `，是不是 ${near}？` : ''}（budget-lint --help 列出所有选项）`, 'commander.unknownOption');
  }

  optionMissingArgument(option: Option): never {
    return this.usage2(`选项 ${option.flags} 缺少值`, 'commander.optionMissingArgument');
  }

  missingArgument(name: string): never {
    return this.usage2(`缺少参数 ${name}`, 'commander.missingArgument');
  }

  missingMandatoryOptionValue(option: Option): never {
    return this.usage2(`必须给出选项 ${option.flags}`, 'commander.missingMandatoryOptionValue');
  }

  _excessArguments(received: string[]): never {
    return this.usage2(`参数过多（${received.length} 个）`, 'commander.excessArguments');
  }

  unknownCommand(): never {
    return this.usage2(`未知命令 ${this.args[0]}`, 'commander.unknownCommand');
  }
}

export function program(io: Io): Command {
  return new ChineseCommand()
    .name('budget-lint')
    .usage('[选项] <文件|目录|通配符>...')
    .description('检查部门决算、部门预算公开文件中的表内、表间数字是否一致（按四舍五入区间计算）')
    .argument('[文件...]', '要检查的文件、目录或通配符（.txt 提取文本或 .pdf）；- 为标准输入')
    .option('-c, --config <file>', '使用这个配置文件（不再查找 budget-lint.config.yaml）')
    .option('--no-config-lookup', '不查找配置文件')
    .option('-f, --format <format>', `输出格式：${FORMAT_NAMES.join('、')}（默认 stylish）`)
    .option('-o, --output-file <file>', '把报告写入这个文件（目录不存在时创建），标准输出不再输出报告')
    .option('--rules <path>', '追加自己的 YAML 规则文件或目录（可重复）', list, [] as string[])
    .option('--no-builtin-rules', '不加载内置规则')
    .option('--tables <path>', '追加自己的表种类 YAML 文件或目录（可重复），如某省表名不同的表', list, [] as string[])
    .option('--rule <id:severity>', '改变某条规则的级别，如 自评表/资金得分:off（可重复；级别为 error、warn、off；优先于配置文件）', list, [] as string[])
    .option('--ignore-pattern <pattern>', '不检查与之相符的文件（通配符，相对于当前目录；可重复）', list, [] as string[])
    .option('--no-ignore', '不按 ignores 与 --ignore-pattern 忽略文件')
    .option('--stdin', '从标准输入读取要检查的文本或 PDF')
    .option('--stdin-filename <name>', '标准输入的文件名（用于输出、配置的 overrides 与出错说明）')
    .option('--suppressions <file>', '出错说明文件（默认为配置文件旁或当前目录的 budget-lint-suppressions.yaml）')
    .option('--suppress-all', '为本次的每个问题在出错说明文件中添加一条（justification 待填写）')
    .option('--suppress-rule <id>', '为本次这条规则的每个问题添加出错说明（可重复）', list, [] as string[])
    .option('--prune-suppressions', '删去本次没有用到的出错说明')
    .option('--report-unused-suppressions', '没有用到的出错说明按错误报告')
    .option('--report-unused-suppressions-severity <severity>', '没有用到的出错说明的级别：off、warn（默认）或 error', oneOf('--report-unused-suppressions-severity', ['off', 'warn', 'error'] as const))
    .option('--max-pages <n>', `页数超过 n 的 PDF 不检查（默认 ${DEFAULT_MAX_PAGES}）`, count('--max-pages'), DEFAULT_MAX_PAGES)
    .option('--timeout <seconds>', `每个文件的检查时限，秒（默认 ${DEFAULT_TIMEOUT_SECONDS}；0 为不限）`, seconds, DEFAULT_TIMEOUT_SECONDS)
    .option('--pdf-engine <engine>', `读取 PDF 所用的引擎：pdfium 或 unpdf（默认 ${DEFAULT_PDF_ENGINE}）`, oneOf('--pdf-engine', PDF_ENGINES), DEFAULT_PDF_ENGINE)
    .option('--concurrency <n|auto|off>', '用几个工作线程并行检查：正整数、auto（默认，按 CPU 核数与文件数）或 off（在主线程逐个检查）', concurrency, 'auto' as Concurrency)
    .option('--cache', '只检查上次以来有变化的文件（内容、规则、表种类、配置或版本变了），其余沿用上次的结果')
    .option('--cache-location <path>', '缓存文件或目录（默认为当前目录的 .budgetlintcache）')
    .option('--shard <i/n>', '只检查第 i 份（共 n 份；按文件相对路径的散列分，与文件顺序无关），供 CI 多机并行', shard)
    .option('--merge', '把各分片的结果文件（-f json 或 ndjson 的输出）合并，按 -f 输出，不再检查')
    .option('--parts', '所给的文件是同一份公开文件分开发布的几部分（如说明与公开表各一个 PDF）：合在一起检查，说明中的数字与各部分的表核对，问题仍报在各自的文件上')
    .option('--no-progress', '不显示进度行（进度行只在标准错误是终端时显示）')
    .option('--quiet', '只报告错误')
    .option('--max-warnings <n>', '警告数超过 n 时以 1 退出（与 --quiet 同用时，不显示的警告也计入）', count('--max-warnings'))
    .option('--print-model <file>', '打印文件的规范化报表模型（JSON），不检查；其后的文件也打印')
    .option('--print-config <file>', '打印适用于这个文件的配置（JSON），不检查')
    .option('--list-rules', '列出会运行的规则（id、级别、检查对象、表、说明；-f json 输出 JSON）')
    .option('--explain <id>', '说明一条规则：查什么、为什么、恒等式、消息示例、如何关闭或替换')
    .option('--test-rules <path>', '运行规则目录（或文件）旁的 *.test.yaml 用例，报告通过与否')
    .option('--debug-rule <id>', '打印一条规则在所给文件上的每个检查对象：取到的单元格、值、位置与结果')
    .option('--report-unchecked', '检查后按文件列出：哪些规则运行了，哪些表在却没有查到任何对象，以及原因')
    .option('--exit-on-fatal-error', '有文件无法检查（读不了、不是公开文件、内部错误）时以 2 退出')
    .option('--debug', '内部错误时打印调用栈')
    .option('--color', '强制彩色输出')
    .option('--no-color', '不用颜色')
    .version(version(), '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示本帮助')
    .configureHelp({
      formatHelp,
      displayWidth: width,
      optionDescription: (o) => o.description,
      argumentDescription: (a) => a.description,
    })
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) });
}
