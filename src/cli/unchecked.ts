/** --report-unchecked: per file, which rules checked something, and which did not and why. */
import type { Report } from '../model/index.js';
import { CoverageCollector, type RuleCoverage } from '../rules/coverage.js';
import type { Rule, RuleObserver } from '../rules/index.js';

export class UncheckedReport {
  private current: CoverageCollector | null = null;
  private readonly files: Array<{ file: string; coverage: RuleCoverage[] | null }> = [];

  /** a file begins, with the rules it runs: the observer to hand to its lint */
  start(_file: string, rules: Rule[]): RuleObserver {
    this.current = new CoverageCollector(rules);
    return this.current.observe;
  }

  /** a file is done (report null: it could not be linted at all) */
  finish(file: string, report: Report | null): void {
    this.files.push({ file, coverage: report && this.current ? this.current.result(report) : null });
    this.current = null;
  }

  text(): string {
    const out: string[] = [];
    for (const { file, coverage } of this.files) {
      out.push('', `${file}：规则覆盖`);
      if (!coverage) {
        out.push('  文件未能检查，没有规则运行');
        continue;
      }
      const checked = coverage.filter((c) => c.status === 'checked');
      const nothing = coverage.filter((c) => c.status === 'nothing');
      const absent = coverage.filter((c) => c.status === 'absent');
      out.push(`  运行 ${coverage.length} 条规则：${checked.length} 条查到了对象，${nothing.length} 条表格（或所查对象）在却没有查到任何对象，${absent.length} 条所查的表格或对象本文件没有`);
      if (checked.length) out.push(`  查到了：${checked.map((c) => `${c.rule.id}（${c.checked}）`).join('、')}`);
      if (nothing.length) {
        out.push('  在却没有查到：');
        for (const c of nothing) out.push(`    ${c.rule.id}：${c.reason}`);
      }
      if (absent.length) {
        out.push('  本文件没有所查的对象：');
        // grouped by reason: one line per missing table set
        const byReason = new Map<string, string[]>();
        for (const c of absent) byReason.set(c.reason!, [...(byReason.get(c.reason!) ?? []), c.rule.id]);
        for (const [reason, ids] of byReason) out.push(`    ${reason}：${ids.join('、')}`);
      }
    }
    return out.join('\n') + '\n';
  }
}
