/** The parts of a report and its diagnostics that must not depend on how the input was read. */
import type { Report } from '../src/model/index.js';
import { runRules, type Diagnostic, type Rule } from '../src/rules/index.js';

/** the model without locations: what must not depend on the input format */
export function content(r: Report) {
  return r.tables.map((t) => ({
    id: t.id,
    unit: t.unit,
    empty: t.empty,
    explained: t.emptyNote !== null,
    rows: Object.fromEntries(
      t.rows
        .map((x) => [
          x.key,
          {
            name: x.name,
            code: x.code,
            level: x.level,
            kind: x.kind,
            side: x.side,
            lineNo: x.lineNo,
            parent: x.parent,
            cells: Object.fromEntries(Object.entries(x.cells).map(([k, c]) => [k, [c.raw, c.value, c.decimals, c.blank]])),
            unplaced: x.unplaced.map((c) => c.raw),
          },
        ] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  }));
}

/** the forms without locations */
export function formContent(r: Report) {
  return r.forms.map((f) => ({
    kind: f.kind,
    project: f.project,
    code: f.code ?? null,
    budget: f.budget?.raw ?? null,
    unit: f.unit,
    funds: f.funds.map((x) => [x.key, Object.values(x.cells).map((c) => c?.raw ?? null)]),
    sections: f.sections.map((x) => [x.name, x.weight?.raw ?? null]),
    indicators: f.indicators.map((x) => [x.section, x.level2, x.name, x.target, x.actual, x.weightText, x.score?.raw ?? null]),
    tasks: [...f.tasks, ...(f.tasksTotal ? [f.tasksTotal] : [])].map((t) => [t.name, t.outcome, Object.values(t.cells).map((c) => c?.raw ?? null)]),
    total: [f.total?.weight.raw ?? null, f.total?.score?.raw ?? null],
    conclusion: f.conclusion.rate?.raw ?? null,
  }));
}

export const placeless = (ds: Diagnostic[]) =>
  ds.map((d) => [d.ruleId, d.severity, d.message, d.table, d.row, d.tableColumn, d.expected, d.actual, d.difference]).sort((a, b) => String(a).localeCompare(String(b)));

/** pdf.js puts a space where fonts switch (公开 01 表): texts are compared without spaces */
const spaceless = (s: string) => s.replace(/\s+/g, '');

/** the narrative's claims without locations */
export function claimContent(r: Report) {
  return r.claims.map((c) => ({
    kind: c.kind,
    subject: spaceless(c.subject),
    section: spaceless(c.section),
    direction: c.direction ?? null,
    text: spaceless(c.text),
    figures: Object.fromEntries(Object.entries(c.figures).map(([k, f]) => [k, f.raw])),
    parts: c.parts.map((p) => p.raw),
    link: c.link,
    whole: c.whole,
    project: c.project ?? null,
  }));
}

/** grades, a budget's 绩效目标表 as a whole, and what the reader noted, without locations */
export function restContent(r: Report) {
  return {
    head: [r.kind, r.year, r.unit],
    grades: { bands: r.grades.bands, entries: r.grades.entries.map((e) => [e.project, e.score.raw, e.grade]) },
    targetTable: r.targetTable && [spaceless(r.targetTable.title), r.targetTable.total?.raw ?? null, r.targetTable.executionWeight?.raw ?? null],
    notes: r.notes.map((n) => spaceless(n.message)),
  };
}

/** everything a rendering must share with its text version: the model and the diagnostics, without locations */
export function reading(r: Report, rules: Rule[]) {
  return { rest: restContent(r), tables: content(r), forms: formContent(r), claims: claimContent(r), diagnostics: placeless(runRules(r, rules)) };
}

/**
 * Diagnostics placeless, each table named by its kind («公开07») instead of as printed: a message
 * names a table by its printed number or title, which other printings of a document change.
 */
export function namedPlaceless(r: Report, ds: Diagnostic[]) {
  const names = r.tables.map((t) => [t.printedId ?? t.title, `«${t.id}»`] as const).sort((a, b) => b[0].length - a[0].length);
  return placeless(ds.map((d) => ({ ...d, message: names.reduce((m, [printed, id]) => m.split(printed).join(id), d.message) })));
}
