/**
 * The rule tester: each case's document is read, only the rules the case names are run on it,
 * and what they say is held to what the case expects: every diagnostic, in document order, with
 * the fields the case gives; none at all for `valid: true`. Across a test file, every rule under
 * test needs a case where it fires and a valid case where it checked something and stayed silent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { didYouMean } from '../../common/suggest.js';
import { readDocument, splitLines, type SourceText } from '../../ingest/index.js';
import { buildReport, loadCatalog, type Catalog, type Report } from '../../model/index.js';
import { CoverageCollector } from '../coverage.js';
import { runRules } from '../engine.js';
import { loadRules } from '../loader.js';
import type { Diagnostic, Rule } from '../types.js';
import { parseRuleTests, type ExpectedDiagnostic, type RuleTestCase, type RuleTestFile } from './cases.js';

export interface CaseResult {
  testCase: RuleTestCase;
  ok: boolean;
  problems: string[];
  diagnostics: Diagnostic[];
  /** the case's rules that checked at least one binding */
  checked: Set<string>;
}

export interface RuleTestResult {
  file: string;
  /** the rules under test, by id */
  rules: string[];
  cases: CaseResult[];
  /** rules without a firing case, or without a valid case that checked something */
  problems: string[];
}

/** a case's document: the text given, or the file (its replacements applied) */
async function documentOf(testFile: string, c: RuleTestCase, cache: Map<string, Promise<SourceText>>): Promise<{ source: SourceText; text: string | null }> {
  const dir = path.dirname(testFile);
  if (c.text !== undefined) {
    const text = applyReplacements(c.text, c);
    return { source: splitLines(`${testFile}:${c.pos.line}`, text), text };
  }
  const file = path.resolve(dir, c.file!);
  if (!c.replace.length) {
    // unchanged files are read once, whatever the number of cases on them (and PDFs can be read)
    if (!cache.has(file)) cache.set(file, readDocument(file));
    const source = await cache.get(file)!;
    return { source, text: source.lines.some((l) => l.page !== undefined) ? null : source.lines.map((l) => l.text).join('\n') };
  }
  if (/\.pdf$/i.test(file)) throw new Error(`PDF 不能用 replace：${c.file}`);
  const text = applyReplacements(readFileSync(file, 'utf8'), c);
  return { source: splitLines(file, text), text };
}

function applyReplacements(text: string, c: RuleTestCase): string {
  let out = text;
  for (const r of c.replace) {
    if (r.pattern !== undefined) {
      const re = new RegExp(r.pattern, 'gmu');
      if (!re.test(out)) throw new Error(`replace 的 pattern /${r.pattern}/ 在文件中没有匹配`);
      out = out.replace(new RegExp(r.pattern, 'gmu'), r.to);
      continue;
    }
    const n = out.split(r.from!).length - 1;
    if (r.all ? n === 0 : n !== 1) throw new Error(`replace 的「${r.from}」在文件中出现 ${n} 次${r.all ? '' : '（应恰好 1 次；全部替换写 all: true）'}`);
    out = r.all ? out.split(r.from!).join(r.to) : out.replace(r.from!, () => r.to);
  }
  return out;
}

/** the line an expectation points at */
function expectedLine(e: ExpectedDiagnostic, text: string | null): number | undefined {
  if (e.at === undefined) return e.line;
  if (text === null) throw new Error('at 只用于文本文件（PDF 请写 page 和 line）');
  const lines = text.split('\n');
  const start = e.after === undefined ? 0 : lines.findIndex((l) => l.includes(e.after!)) + 1;
  if (e.after !== undefined && start === 0) throw new Error(`没有一行含「${e.after}」`);
  const i = lines.findIndex((l, k) => k >= start && l.includes(e.at!));
  if (i < 0) throw new Error(`没有一行含「${e.at}」${e.after !== undefined ? `（在含「${e.after}」的行之后）` : ''}`);
  return i + 1;
}

function brief(d: Diagnostic): string {
  const at = `${d.page !== undefined ? `p.${d.page} ` : ''}${d.line}:${d.column}`;
  return `${at} ${d.severity === 2 ? 'error' : 'warn'} ${d.ruleId}：${d.message}`;
}

const FIELDS = ['severity', 'message', 'actual', 'expected', 'difference', 'table', 'row', 'tableColumn', 'page'] as const;

/**
 * What differs between an expectation and a diagnostic. Its severity, unless written, is the
 * rule's own: an error rule's finding downgraded to a warning (off by less than a unit of the
 * last printed digit) is expected only where the case says `severity: warn`.
 */
function differences(e: ExpectedDiagnostic, d: Diagnostic, rule: Rule, line: number | undefined): string[] {
  const out: string[] = [];
  if (d.ruleId !== rule.id) out.push(`规则：期望 ${rule.id}，实际 ${d.ruleId}`);
  if (line !== undefined && d.line !== line) out.push(`行：期望 ${line}，实际 ${d.line}`);
  const want = { ...e, severity: e.severity ?? (rule.severity === 'warn' ? 1 : 2) };
  for (const k of FIELDS) {
    if (want[k] === undefined) continue;
    if (d[k] !== want[k]) out.push(`${k}：期望 ${JSON.stringify(want[k])}，实际 ${JSON.stringify(d[k] ?? null)}`);
  }
  return out;
}

export async function runCase(testFile: string, c: RuleTestCase, rules: Rule[], catalog: Catalog, cache: Map<string, Promise<SourceText>> = new Map()): Promise<CaseResult> {
  const result: CaseResult = { testCase: c, ok: false, problems: [], diagnostics: [], checked: new Set() };
  const mine = rules.filter((r) => c.rules.includes(r.id)).map((r) => ({ ...r, severity: r.severity === 'off' ? ('error' as const) : r.severity }));
  let doc: { source: SourceText; text: string | null };
  let report: Report;
  try {
    doc = await documentOf(testFile, c, cache);
    report = buildReport(doc.source, catalog);
  } catch (err) {
    result.problems.push(`文件读不了：${err instanceof Error ? err.message : String(err)}`);
    return result;
  }
  const coverage = new CoverageCollector(mine);
  const ds = runRules(report, mine, coverage.observe);
  for (const cov of coverage.result(report)) if (cov.status === 'checked') result.checked.add(cov.rule.id);
  result.diagnostics = ds;
  const broken = ds.filter((d) => d.ruleId === 'rule-error');
  for (const d of broken) result.problems.push(`规则运行出错：${d.message}`);
  if (c.valid) {
    for (const d of ds.filter((x) => x.ruleId !== 'rule-error')) result.problems.push(`应当不报，却报了：${brief(d)}`);
  } else {
    const fired = ds.filter((d) => d.ruleId !== 'rule-error');
    if (fired.length !== c.errors.length) {
      result.problems.push(`期望 ${c.errors.length} 个诊断，实际 ${fired.length} 个${fired.length ? `：\n${fired.map((d) => `  ${brief(d)}`).join('\n')}` : ''}`);
    } else {
      c.errors.forEach((e, i) => {
        try {
          const rule = rules.find((r) => r.id === (e.rule ?? c.rules[0]))!;
          const diff = differences(e, fired[i], rule, expectedLine(e, doc.text));
          if (diff.length) result.problems.push(`第 ${i + 1} 个诊断（期望写在第 ${e.pos.line} 行）${diff.join('；')}\n  实际：${brief(fired[i])}`);
        } catch (err) {
          result.problems.push(`第 ${i + 1} 个诊断：${(err as Error).message}`);
        }
      });
    }
  }
  result.ok = result.problems.length === 0;
  return result;
}

/** the rule files a test file is about: those it names, else X.yaml beside X.test.yaml */
export function ruleFilesOf(t: RuleTestFile): string[] {
  const dir = path.dirname(t.file);
  if (t.ruleFiles.length) return t.ruleFiles.map((f) => path.resolve(dir, f));
  const base = t.file.replace(/\.test\.ya?ml$/i, '');
  const found = ['.yaml', '.yml'].map((ext) => base + ext).find((f) => existsSync(f));
  if (!found) throw new Error(`${t.file}: 旁边没有同名的规则文件（${path.basename(base)}.yaml）；在测试文件里用 rules: 指明`);
  return [found];
}

/** one test file: its rules loaded (against the catalogue, with the file's own tables), every case run */
export async function runRuleTestFile(file: string, tablePaths: string[] = []): Promise<RuleTestResult> {
  const t = parseRuleTests(file, readFileSync(file, 'utf8'));
  const dir = path.dirname(file);
  const catalog = loadCatalog([...tablePaths, ...t.tableFiles.map((f) => path.resolve(dir, f))]);
  const rules = await loadRules(ruleFilesOf(t), catalog);
  const ids = rules.map((r) => r.id);
  const result: RuleTestResult = { file, rules: ids, cases: [], problems: [] };
  const cache = new Map<string, Promise<SourceText>>();
  for (const c of t.cases) {
    const unknown = c.rules.filter((id) => !ids.includes(id));
    const named = c.errors.map((e) => e.rule).filter((id): id is string => id !== undefined && !c.rules.includes(id));
    if (unknown.length || named.length) {
      const bad = [...unknown, ...named];
      const message = bad.map((id) => `规则「${id}」不在所测的规则文件中${didYouMean(id, ids)}`).join('；');
      result.cases.push({ testCase: c, ok: false, problems: [`${file}:${c.rulePos.line}:${c.rulePos.column}: ${message}`], diagnostics: [], checked: new Set() });
      continue;
    }
    result.cases.push(await runCase(file, c, rules, catalog, cache));
  }
  for (const id of ids) {
    const mine = result.cases.filter((r) => r.testCase.rules.includes(id));
    if (!mine.some((r) => !r.testCase.valid)) result.problems.push(`规则 ${id} 没有会报错的用例（errors）`);
    const valid = mine.filter((r) => r.testCase.valid);
    if (!valid.length) result.problems.push(`规则 ${id} 没有不报错的用例（valid: true）`);
    else if (!valid.some((r) => r.checked.has(id))) result.problems.push(`规则 ${id} 的 valid 用例中它都没有查到对象（表格不在或取不到数），不能说明它不误报`);
  }
  return result;
}
