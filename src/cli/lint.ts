/** One file through every stage: ingest → layout → model → rules. */
import { Deadline, DEFAULT_TIMEOUT_SECONDS, InputError, pageProblems, readDocument, type ReadOptions, type SourceText } from '../ingest/index.js';
import { buildReport, disclosureTitle, figureStatements, hostPart, partsDisagree, placeWords, traditionalScript, type Catalog, type Report } from '../model/index.js';
import { runRules, sortDiagnostics, type Diagnostic, type Rule, type RuleObserver } from '../rules/index.js';
import { unreadPageDiagnostics, unreadPagesSaid, unreadSaid } from './unread-pages.js';

/** the ids of what the reading stages (not rules) report: 出错说明 may name them too */
export const READING_RULE_IDS = ['读取/未含公开表', '读取/多份文件', '读取/表格未能读取', '读取/排版错位', 'pdf/unreadable-page', 'text/empty-page', 'text/rotated-page', 'text/invalid-utf8', 'rule-error'];

export interface LintOutcome {
  report: Report | null;
  diagnostics: Diagnostic[];
  /** a file we could not lint at all: why, in one line (with the stack under --debug) */
  fatal: string | null;
}

export interface LintOptions extends ReadOptions {
  /** keep the stack trace of an internal error */
  debug?: boolean;
  /** the table kinds (the built-in catalogue when not given) */
  catalog?: Catalog;
  /** the file's time limit, seconds (0 = none; default DEFAULT_TIMEOUT_SECONDS) */
  timeoutSeconds?: number;
  /** told what became of each binding of each rule (--report-unchecked, --debug-rule) */
  observe?: RuleObserver;
}

/** Never throws: whatever goes wrong with this file is this file's fatal message. */
export async function lintFile(file: string, rules: Rule[], options: LintOptions = {}): Promise<LintOutcome> {
  try {
    return await lintOrThrow(file, rules, options);
  } catch (err) {
    return { report: null, diagnostics: [], fatal: describeFailure(err, options.debug) };
  }
}

export function describeFailure(err: unknown, debug = false): string {
  if (err instanceof InputError) return err.message;
  const e = err instanceof Error ? err : new Error(String(err));
  return `内部错误：${e.message}${debug && e.stack ? `\n${e.stack}` : ''}`;
}

function at(file: string, line: number, column: number): Pick<Diagnostic, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'> {
  return { file, line, column, endLine: line, endColumn: column + 1 };
}

async function lintOrThrow(file: string, rules: Rule[], options: LintOptions): Promise<LintOutcome> {
  const deadline = options.deadline ?? new Deadline(file, options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
  const source = await readDocument(file, { ...options, deadline });
  deadline.check();
  const [report, ...later] = disclosuresOf(source, options.catalog, () => deadline.check());
  const outcome = diagnose(report, [source], rules, options, deadline);
  for (const part of later) outcome.diagnostics.push(...laterDisclosure(part, rules, options));
  outcome.diagnostics = sortDiagnostics(outcome.diagnostics);
  return outcome;
}

/**
 * The models of the disclosures a file holds, in order: one, or more where it holds more (PDFs
 * concatenated, a compilation of units' budgets), each after the first read as a document of its
 * own from its first line on, with where it starts. `check` is called after each (the deadline).
 */
export function disclosuresOf(source: SourceText, catalog: Catalog | undefined, check: () => void = () => {}): [Report, ...LaterDisclosure[]] {
  const first = buildReport(source, catalog);
  check();
  const out: [Report, ...LaterDisclosure[]] = [first];
  for (let part = first; part.secondDisclosure && out.length < MAX_DISCLOSURES; ) {
    const start = part.secondDisclosure;
    part = buildReport({ ...source, lines: source.lines.filter((l) => l.line >= start.from) }, catalog);
    check();
    out.push({ report: part, start });
  }
  return out;
}

/** a disclosure after the first in a file: its model, and where it starts (as the one before it says) */
export interface LaterDisclosure {
  report: Report;
  start: NonNullable<Report['secondDisclosure']>;
}

/** disclosures read in one file at most (a bound on the work: each is read from its start to the file's end) */
const MAX_DISCLOSURES = 200;

/**
 * A disclosure after the first in the same file: its reading's findings and its rules'. What is
 * the file's own (pages not read, turned pages' text, its encoding) was said with the first; a
 * part with no tables is said so, as a file without them is.
 */
function laterDisclosure({ report, start }: LaterDisclosure, rules: Rule[], options: LintOptions): Diagnostic[] {
  const noTables: Diagnostic[] = report.tables.length
    ? []
    : [{ ruleId: '读取/未含公开表', severity: 1, message: '这一份公开文件没有读到公开表，只核对了文字说明', ...at(report.file, start.line, 1), ...(start.page !== undefined ? { page: start.page } : {}) }];
  return [...noTables, ...secondDisclosure(report), ...readingDiagnostics(report), ...runRules(report, rules, options.observe)];
}

/**
 * The parts of one disclosure, each a file (the 说明 and the 公开表 published apart), checked as
 * one document: the sentences of each against the tables of all. Each finding names the file it
 * is in; one about the whole document names the part that hosts the others (hostPart). Never
 * throws: parts that cannot be read, or that are not of one disclosure, are said as the fatal message.
 */
export async function lintParts(files: string[], rules: Rule[], options: LintOptions = {}): Promise<LintOutcome> {
  try {
    const { report, sources } = await readParts(files, options);
    const deadline = options.deadline ?? new Deadline(report.file, options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
    return diagnose(report, sources, rules, options, deadline);
  } catch (err) {
    return { report: null, diagnostics: [], fatal: describeFailure(err, options.debug) };
  }
}

/** the parts' one model (--parts, and --print-model with it), and their sources, the hosting part's first; throws an InputError */
export async function readParts(files: string[], options: LintOptions = {}): Promise<{ report: Report; sources: SourceText[] }> {
  const sources: SourceText[] = [];
  for (const file of files) {
    const deadline = options.deadline ?? new Deadline(file, options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
    sources.push(await readDocument(file, { ...options, deadline }));
  }
  const alone = sources.map((s) => buildReport(s, options.catalog));
  const disagree = partsDisagree(alone);
  if (disagree) throw new InputError(`${files.join('、')} 不像是同一份公开文件的几部分：${disagree}，未合并检查`);
  const host = hostPart(alone);
  const report = buildReport(sources[host], options.catalog, alone.filter((_, k) => k !== host));
  return { report, sources: [sources[host], ...sources.filter((_, k) => k !== host)] };
}

/** the report's findings: what reading left out, then the rules'; sources[0] is the report's own */
function diagnose(report: Report, sources: SourceText[], rules: Rule[], options: LintOptions, deadline: Deadline): LintOutcome {
  const file = report.file;
  const partial: Diagnostic[] = [];
  const problems = pageProblems(sources[0]);
  if (report.tables.length === 0) {
    // the narrative half of a disclosure published in two files is still checked, and says so; a file
    // with neither is refused, saying why as best it can
    // statements of figures: a title's year or a mark of punctuation alone is no narrative to check
    const statements = figureStatements(report.claims);
    // a 绩效自评表 or 绩效目标表 published on its own is checked as it stands
    const forms = report.forms.length;
    const nothingToCheck = (report.kind === 'unknown' || statements === 0) && forms === 0;
    if (nothingToCheck && problems.length) {
      // the pages not read are why, not the document; a wrong Unicode map, where there is one, says most
      const shown = problems.find((p) => p.reason === 'mismapped') ?? problems[0];
      throw new InputError(`${file}: ${unreadSaid(sources[0])}（如${shown.message.replace(/，本页未检查$/, '')}），读出的文字里没有公开表，也没有预决算情况说明，未检查`);
    }
    const rotated = report.rotatedText;
    if (nothingToCheck && rotated.length) {
      // the turned pages' text is why, not the document
      throw new InputError(`${file}: ${rotatedWhere(rotated[0])}${rotated.length > 1 ? `等 ${rotated.length} 处` : ''}${ROTATED_WHY}；其余部分里没有公开表，也没有预决算情况说明，未检查；${ROTATED_FIX}`);
    }
    if (nothingToCheck && report.unknownTables.length) {
      // titled tables the catalogue does not name: say which, not that the file is no disclosure
      const [first] = report.unknownTables;
      const more = report.unknownTables.length > 1 ? `等 ${report.unknownTables.length} 张表` : '';
      throw new InputError(`${file}: 「${first.title}」${onPage(first.loc)}${more}不是本工具认识的表，本文件没有可以核对的公开表，也没有预决算情况说明，未检查；${UNKNOWN_TABLE_FIX}`);
    }
    // a disclosure by its title whose text holds no figures to check (its tables and sections not
    // in this file) is not called no disclosure
    const title = nothingToCheck ? disclosureTitle(sources[0].lines) : undefined;
    if (title) {
      throw new InputError(`${file}: 第 ${title.line} 行「${title.text.trim().replace(/\s+/g, ' ')}」表明这是部门预决算公开，但文件中没有找到任何公开表，文字说明中也没有可核对的数字，未检查；表格另行公开时，用 --parts 把说明与公开表一起检查`);
    }
    // a text in traditional characters: its words are there, in a script the readers do not read
    const traditional = nothingToCheck ? traditionalScript(sources[0].lines) : null;
    if (traditional) {
      throw new InputError(`${file}: 文字是繁体字（如${traditional.map((w) => `「${w}」`).join('')}），本工具按简体字读公开文件，未检查；请先转为简体字（如用 OpenCC 的 t2s）再检查`);
    }
    if (nothingToCheck) {
      throw new InputError(`${file}: 没有找到任何公开表（收支总表、公开01表…），也没有预决算情况说明，不像是部门预决算公开文件`);
    }
    const message = problems.length
      ? `${unreadSaid(sources[0])}${unreadPagesSaid(sources[0])}，读出的文字里没有公开表，只核对了${checkedWithoutTables(forms, statements)}`
      : rotated.length
        ? `有 ${rotated.length} 处文字未能读取（见 text/rotated-page），其余部分里没有公开表，只核对了${checkedWithoutTables(forms, statements)}`
        : `本文件没有公开表，只核对了${checkedWithoutTables(forms, statements)}；与表格的核对需要含表格的文件：表格另行公开时，用 --parts 把说明与公开表一起检查`;
    partial.push({ ruleId: '读取/未含公开表', severity: 1, message, ...at(file, 1, 1) });
  }
  const unread = sources.flatMap(unreadPageDiagnostics);
  const diagnostics = [...partial, ...unread, ...rotatedText(report), ...secondDisclosure(report), ...sources.flatMap(decodeWarnings), ...readingDiagnostics(report), ...runRules(report, rules, options.observe)];
  deadline.check();
  return { report, diagnostics: sortDiagnostics(diagnostics), fatal: null };
}

/** what a file without tables had checked: its forms, the figures its narrative states */
function checkedWithoutTables(forms: number, statements: number): string {
  const said = [forms ? ` ${forms} 张绩效表（自评表、目标表）本身的数字` : '', statements ? `文字说明中的 ${statements} 处数字之间的关系` : ''].filter(Boolean);
  return said.join('，以及');
}

const ROTATED_WHY = '是转了 90° 的页面的文字，提取时一个字一行，无法读取';
const ROTATED_FIX = '请核对 PDF，或按版面重新提取文本（如 pdftotext -layout）';

/** 第 1–354 行（第 1–5 页） */
function rotatedWhere(r: Report['rotatedText'][number]): string {
  const { page, line, endLine } = r.loc;
  const pages = page === undefined ? '' : r.endPage !== undefined && r.endPage !== page ? `（第 ${page}–${r.endPage} 页）` : `（第 ${page} 页）`;
  return `第 ${line}–${endLine} 行${pages}`;
}

/** a turned page's text, a character a line, was not read: what it holds was not checked, nor said missing */
function rotatedText(report: Report): Diagnostic[] {
  return report.rotatedText.map((r) => ({
    ruleId: 'text/rotated-page',
    severity: 2 as const,
    message: `${rotatedWhere(r)}${ROTATED_WHY}（${r.lines} 行，每行只是一个个单字），其中的表与文字都未检查，也不算缺表；${ROTATED_FIX}`,
    ...r.loc,
  }));
}

/** a file holding two disclosures: each is checked on its own (lintOrThrow) */
function secondDisclosure(report: Report): Diagnostic[] {
  const second = report.secondDisclosure;
  if (!second) return [];
  const where = second.page !== undefined ? `第 ${second.page} 页` : `第 ${second.line} 行`;
  const why = second.cover ? `封面「${second.title}」` : `「${second.title}」再次出现`;
  const message = `本文件含有不止一份公开文件：${where}起又是一份（${why}），各份分别检查，各自的问题按所在页列出`;
  return [{ ruleId: '读取/多份文件', severity: 1, message, ...at(report.file, second.line, 1), ...(second.page !== undefined ? { page: second.page } : {}) }];
}

/** text that was not clean UTF-8 is read anyway, and says where it was not */
function decodeWarnings(source: SourceText): Diagnostic[] {
  const bad = source.invalid;
  if (!bad) return [];
  const message = `文件不是有效的 UTF-8：第 ${bad.offset} 字节（从 0 数）起有无效字节序列，共 ${bad.count} 处，已按 UTF-8 读取，无效处以 � 代替`;
  return [{ ruleId: 'text/invalid-utf8', severity: 1, message, ...at(source.file, bad.line, bad.column) }];
}

/** a table found but not read, or read only in part, is said: its checks did not (all) run */
/** the first thing the reader left out of a table, said where it is, so the user need not dig */
function firstNote(report: Report, t: Report['tables'][number]): string {
  const prefix = `${t.id}: `;
  const note = report.notes.find((n) => n.message.startsWith(prefix) && (n.loc.page ?? 0) >= (t.loc.page ?? 0));
  if (!note) return '（见 --print-model 的 notes）';
  return `（如${placeWords(note.loc)}：${note.message.slice(prefix.length)}；全部见 --print-model 的 notes）`;
}

/** a form's title over a body not read: what was not found (its kind is no table kind --tables could add) */
const FORM_UNREAD = {
  绩效自评表: '是绩效自评表，但未能按表读出它的项目名称、资金和指标各行',
  绩效目标表: '是绩效目标表，但未能按本工具认识的格式读出它的各项目与指标',
} as const;

const UNKNOWN_TABLE_FIX = '如果它是某种已知表在当地的叫法，可用 --tables 为那种表添上这个表名';

/** （第 N 页） after a table's title, on paged input */
const onPage = (loc: { page?: number }) => (loc.page !== undefined ? `（第 ${loc.page} 页）` : '');

/**
 * why a table was not read, and, where its page lost text (pdf/unreadable-page), that too: the
 * reading may have failed for the text the page did not give
 */
function unreadReason(report: Report, reason: string, loc: { page?: number; file?: string }): string {
  // unreadPages are the report's own file's (a disclosure's other parts number their pages anew)
  const own = !loc.file || loc.file === report.file;
  return own && loc.page !== undefined && report.unreadPages.includes(loc.page) ? `${reason}（该页有文字未能提取，见 pdf/unreadable-page）` : reason;
}

export function readingDiagnostics(report: Report): Diagnostic[] {
  const out: Diagnostic[] = report.unknownTables.map(({ title, loc, sameKindAs, form }) => {
    if (form) return { ruleId: '读取/表格未能读取', severity: 1 as const, message: `「${title}」${onPage(loc)}${FORM_UNREAD[form]}，这张表的核对都已跳过`, ...loc };
    const message = sameKindAs
      ? `「${title}」${onPage(loc)}与已读的「${sameKindAs.title}」同属 ${sameKindAs.kind} 一类，本工具每类表只读一张，这张未读取，也未核对`
      : `「${title}」${onPage(loc)}不是本工具认识的表，未读取，也未核对；${UNKNOWN_TABLE_FIX}`;
    return { ruleId: '读取/不认识的表', severity: 1 as const, message, ...loc };
  });
  // a form or the 绩效目标表 found but not read: its checks did not run either; one read from cells out of place
  for (const { unread, partly, misplaced, loc } of report.notes) {
    if (misplaced) out.push({ ruleId: '读取/排版错位', severity: 1, message: misplaced, ...loc });
    if (partly) out.push({ ruleId: '读取/表格未能读取', severity: 1, message: `「${partly.title}」${onPage(loc)}${partly.reason}，涉及它们的核对没有做`, ...loc });
    if (!unread) continue;
    const message = `「${unread.title}」${onPage(loc)}未能读取：${unreadReason(report, unread.reason, loc)}；这张表的核对都已跳过`;
    out.push({ ruleId: '读取/表格未能读取', severity: 1, message, ...loc });
  }
  for (const t of report.tables) {
    if (t.cutShort && !t.unread) out.push({ ruleId: '读取/表格未能读取', severity: 1, message: `「${t.title}」${onPage(t.loc)}${t.cutShort}，各科目与其下级科目之和的核对没有做`, ...t.loc, table: t.id });
    const { unplaced, dropped } = t.reading;
    // a kind only listed (layout: unread) is said too: none of its checks ran
    if (!t.unread && unplaced === 0 && dropped === 0) continue;
    const where = onPage(t.loc);
    const message = t.unread
      ? `「${t.title}」${where}未能读取：${unreadReason(report, t.unread, t.loc)}；这张表的核对都已跳过`
      : `「${t.title}」${where}${[unplaced && `有 ${unplaced} 个数字未能归入所在的列`, dropped && `有 ${dropped} 处行或数字未能读取`].filter(Boolean).join('，')}${firstNote(report, t)}，涉及它们的核对没有做`;
    out.push({ ruleId: '读取/表格未能读取', severity: 1, message, ...t.loc, table: t.id });
  }
  return out;
}
