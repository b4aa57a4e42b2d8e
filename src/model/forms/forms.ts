/**
 * Performance self-assessment forms (项目支出绩效自评表 and kin), found by their titles: each
 * project form is read by project-form.ts, the overall and target forms by their own readers;
 * and the grade bands a document states.
 */
import type { PageRulings } from '../../ingest/rulings.js';
import type { SourceLine } from '../../ingest/text.js';
import { normalizeLabel, tokenizeLine } from '../../layout/tokenize.js';
import { assigned, numberCell, sourceLocation } from '../cells.js';
import { FORM_TITLE } from './form-vocabulary.js';
import { OVERALL_TITLE, readOverallForm } from './overall-forms.js';
import { NOT_A_FORM, readProjectForm } from './project-form.js';
import { readTargetTable, TARGET_TITLE } from './target-forms.js';
import { readTargetSheet, TARGET_SHEET_TITLE } from './target-sheet.js';
import type { Form, GradeBand, GradeEntry, ParseNote, Report, TargetTable, Unit } from '../types.js';

/** The document's forms of every kind, and a budget's 绩效目标表 as a whole. */
/** rulings: the PDF's ruled lines, which place a form's words in the cells they close */
/**
 * unnamed: the titles of project forms with no 项目名称 line under them that no form read took in
 * (text in the order a page was drawn sets the title after the form's body): forms not read
 */
export function extractForms(lines: SourceLine[], file: string, unitFallback: Unit | null, notes: ParseNote[] = [], rulings?: PageRulings[]): { forms: Form[]; targetTable: TargetTable | null; formLines: Set<number>; unnamed: SourceLine[] } {
  const forms: Form[] = [];
  const unnamed: SourceLine[] = [];
  let targetTable: TargetTable | null = null;
  /** the lines each form was read from (its title to its 总分 and 自评结论): not narrative */
  const formLines = new Set<number>();
  const took = (from: number, to: number) => lines.slice(from, to).forEach((l) => formLines.add(l.line));
  const textOfLine = new Map(lines.map((l) => [l.line, l.text]));
  for (let i = 0; i < lines.length; i++) {
    const title = lines[i].text.trim();
    if (TARGET_TITLE.test(title) && !targetTable) {
      const read = readTargetTable(lines, i, file, forms.length + 1, unitFallback, notes, rulings);
      forms.push(...read.forms);
      targetTable = read.table;
      took(i, read.end);
      i = read.end - 1;
      continue;
    }
    // forms read whole by a reader of their own: a project's 绩效目标填报表, an 整体支出 form
    const own = TARGET_SHEET_TITLE.test(title) ? readTargetSheet : FORM_TITLE.test(title) && !NOT_A_FORM.test(title) && OVERALL_TITLE.test(title) ? readOverallForm : null;
    if (own) {
      const read = own(lines, i, file, `f${forms.length + 1}`, unitFallback, notes, rulings);
      if (read) {
        forms.push(read.form);
        took(i, read.end);
        i = read.end - 1;
      }
      continue;
    }
    if (!FORM_TITLE.test(title) || NOT_A_FORM.test(title)) continue;
    // a form has its 项目名称 within a few lines of its title
    const nameAt = lines.slice(i + 1, i + 8).findIndex((l) => /^\s*项目名称/.test(l.text));
    if (nameAt < 0) {
      unnamed.push(lines[i]);
      continue;
    }
    const read = readProjectForm(lines, i, i + 1 + nameAt, title, `f${forms.length + 1}`, file, unitFallback, notes, textOfLine, rulings);
    forms.push(read.form);
    took(i, read.concluded);
    i = read.end - 1;
  }
  return { forms, targetTable, formLines, unnamed: unnamed.filter((l) => !formLines.has(l.line)) };
}

const BAND = /(\d+(?:\.\d+)?)\s*[（(]含[）)]\s*[-—–~～至]\s*(\d+(?:\.\d+)?)\s*(?:分)?\s*为\s*[“"]?(优|良|中|差|合格|不合格)[”"]?/g;
const BAND_BELOW = /(\d+(?:\.\d+)?)\s*分?以下为\s*[“"]?(优|良|中|差|合格|不合格)[”"]?/g;
const GRADE_LINE = /^\s*\d+\s+(\S+)\s+\S+\s+(\d+(?:\.\d+)?)\s+(优|良|中|差)\s*$/;

/**
 * The grade bands the document states, in its order: read over its lines joined, since a
 * paragraph may wrap inside one (60分以下为“ / 差”). A band below the lowest is one only after a
 * band of the same scale.
 */
function gradeBands(lines: SourceLine[]): GradeBand[] {
  const text = lines.map((l) => l.text.trim()).join('');
  const found = [
    ...[...text.matchAll(BAND)].map((m) => ({ at: m.index, band: { grade: m[3], min: Number(m[1]), max: Number(m[2]) } })),
    ...[...text.matchAll(BAND_BELOW)].map((m) => ({ at: m.index, band: { grade: m[2], min: -Infinity, max: Number(m[1]) }, below: true })),
  ].sort((a, b) => a.at - b.at);
  const bands: GradeBand[] = [];
  for (const f of found) if (!('below' in f) || bands.length) bands.push(f.band);
  return bands;
}

/** Grade bands stated in the document, and the summary lines (项目 单位 得分 等级) they grade, with the source lines of those. */
export function extractGrades(lines: SourceLine[], file: string): { grades: Report['grades']; lines: Set<number> } {
  const bands = gradeBands(lines);
  const entries: GradeEntry[] = [];
  const at = new Set<number>();
  for (const line of lines) {
    const g = GRADE_LINE.exec(line.text);
    if (g) {
      const tokens = tokenizeLine(line).tokens;
      const scoreToken = [...tokens].reverse().find((t) => t.kind === 'number' && t.text === g[2]);
      if (!scoreToken) continue;
      entries.push({ project: normalizeLabel(g[1]), score: assigned(numberCell(file, scoreToken, null)), grade: g[3], loc: sourceLocation(file, line) });
      at.add(line.line);
    }
  }
  return bands.length ? { grades: { bands, entries }, lines: at } : { grades: { bands, entries: [] }, lines: new Set() };
}
