/**
 * Performance self-assessment forms (项目支出绩效自评表 and kin): a funds block whose columns
 * come from its own header, indicator rows ending in 分值 and 得分 (names wrap over lines),
 * section headers that may state their weight (产出指标(50分)), and the 总分 row.
 */
import type { SourceLine } from '../ingest/text.js';
import { normalizeLabel, tokenizeLine, type Token } from '../layout/tokenize.js';
import { numberCell, printedCell, sourceLocation } from './cells.js';
import { newForm } from './new-form.js';
import { OVERALL_TITLE, readOverallForm } from './overall-forms.js';
import { readTargetTable, TARGET_TITLE } from './target-forms.js';
import type { Cell, Form, FormIndicator, FormSection, FundsRow, GradeBand, GradeEntry, ParseNote, Report, TargetTable, Unit } from './types.js';

const FORM_TITLE = /绩效(目标)?自评表\s*([（(][^）)]*[）)])?\s*$/;
const NOT_A_FORM = /汇总表|详见|附件|报告/;
const FUNDS_ROW = /^(年度资金总额|其中[:：]?当年财政拨款|当年财政拨款|财政拨款|上年结转资金|上年结转|其他资金|其他)[:：]?$/;
const FUNDS_COLUMNS: Array<[RegExp, string]> = [
  [/年初预算/, '年初预算数'],
  [/全年预算/, '全年预算数'],
  [/全年执行/, '全年执行数'],
  [/分值/, '分值'],
  [/执行率/, '执行率'],
  [/得分/, '得分'],
];
const SECTION = /(产出|效益|满意度|成本)指标\s*[（(](\d+(?:\.\d+)?)分[）)]/;
const PLACEHOLDER = /^[—–\-－]+$/;

/**
 * Weights and scores are assigned, not measured: 45 means 45, not anything in [44.5, 45.5].
 * (The funds row's 得分 is computed from the execution rate and keeps its rounding interval.)
 */
function assigned(cell: Cell): Cell {
  return { ...cell, lo: cell.value, hi: cell.value };
}

/** a figure read off a line's text (`(50分)`, `执行率为75%`), located where the line prints it */
function lineFigure(file: string, line: SourceLine, raw: string, percent = false): Cell {
  const column = Math.max(1, line.text.indexOf(raw) + 1);
  return printedCell(raw, { ...sourceLocation(file, line), column, endColumn: column + raw.length }, null, percent);
}

/** a weight read off a header such as `(50分)` */
function headerWeight(file: string, line: SourceLine, raw: string): Cell {
  return assigned(lineFigure(file, line, raw));
}

function fundsKey(label: string): string {
  if (/年度资金总额/.test(label)) return '年度资金总额';
  if (/当年财政拨款|^财政拨款/.test(label)) return '当年财政拨款';
  if (/上年结转/.test(label)) return '上年结转资金';
  return '其他资金';
}

/** the funds block's columns, in the order its header prints them */
function fundsColumns(header: string): string[] {
  const found = FUNDS_COLUMNS.map(([re, key]) => ({ key, at: header.search(re) })).filter((c) => c.at >= 0);
  return found.sort((a, b) => a.at - b.at).map((c) => c.key);
}

/**
 * The row's 分值 and 得分: its last two plain numbers. Where three numbers close the row and only
 * the first two make sense as 分值 ≥ 得分, the third is a stray (a page number run into the row):
 * it is returned so that the reader can say so.
 */
function trailingScores(tokens: Token[]): { weight: Token; score: Token; stray?: Token } | null {
  const nums = tokens.filter((t) => t.kind === 'number' && !t.num!.percent);
  if (nums.length < 2) return null;
  const run = tokens.slice(-3);
  if (run.length === 3 && run.every((t) => t.kind === 'number' && !t.num!.percent)) {
    const [a, b, c] = run;
    if (b.num!.value <= a.num!.value && c.num!.value > b.num!.value) return { weight: a, score: b, stray: c };
  }
  const [w, s] = nums.slice(-2);
  const last = tokens[tokens.length - 1];
  // 分值 得分 close the row, or stand just before a 偏差原因 note
  const tail = tokens.slice(tokens.indexOf(s) + 1);
  if (tail.some((t) => t.kind === 'number') || (last !== s && tail.some((t) => /[≥≤=＝%]/.test(t.text)))) return null;
  if (w.num!.value > 100 || s.num!.value > 100) return null;
  return { weight: w, score: s };
}

/** The document's forms of every kind, and a budget's 绩效目标表 as a whole. */
export function extractForms(lines: SourceLine[], file: string, unitFallback: Unit | null, notes: ParseNote[] = []): { forms: Form[]; targetTable: TargetTable | null } {
  const forms: Form[] = [];
  let targetTable: TargetTable | null = null;
  for (let i = 0; i < lines.length; i++) {
    const title = lines[i].text.trim();
    if (TARGET_TITLE.test(title) && !targetTable) {
      const read = readTargetTable(lines, i, file, forms.length + 1, unitFallback, notes);
      forms.push(...read.forms);
      targetTable = read.table;
      i = read.end - 1;
      continue;
    }
    if (!FORM_TITLE.test(title) || NOT_A_FORM.test(title)) continue;
    if (OVERALL_TITLE.test(title)) {
      const read = readOverallForm(lines, i, file, `f${forms.length + 1}`, unitFallback, notes);
      if (read) {
        forms.push(read.form);
        i = read.end - 1;
      }
      continue;
    }
    // a form has its 项目名称 within a few lines of its title
    const nameAt = lines.slice(i + 1, i + 8).findIndex((l) => /^\s*项目名称/.test(l.text));
    if (nameAt < 0) continue;
    const nameLine = lines[i + 1 + nameAt];
    const project = normalizeLabel(nameLine.text.replace(/^\s*项目名称/, '').trim().split(/\s{2,}|\t|主管部门|项目负责人/)[0]);
    const form: Form = newForm({
      id: `f${forms.length + 1}`,
      kind: 'project',
      title: normalizeLabel(title),
      project,
      unit: unitFallback,
      loc: sourceLocation(file, lines[i]),
    });
    let header = '';
    let inIndicators = false;
    /** tab-separated forms: the cells of 分值 and 得分 in the indicator header */
    let weightCell = -1;
    let scoreCell = -1;
    let levelOneCell = -1;
    /** tab-separated forms: where 二级指标, 三级指标, 指标值 and 实际完成值 stand */
    let textCells = { level2: -1, level3: -1, target: -1, actual: -1 };
    let level2: string | null = null;
    let pending: Token[] = [];
    let section: FormSection | null = null;
    let k = i + 1 + nameAt;
    for (; k < lines.length; k++) {
      const line = lines[k];
      const text = line.text;
      if (k > i + 1 + nameAt && FORM_TITLE.test(text.trim()) && !NOT_A_FORM.test(text)) break;
      const u = /[（(](万元|元)[）)]/.exec(text);
      if (u && !inIndicators && !form.funds.length) form.unit = u[1] as Unit;
      const tokens = tokenizeLine(line).tokens.filter((t) => t.kind !== 'blank');
      if (!tokens.length) continue;
      const first = normalizeLabel(tokens[0].text);
      // the funds block's header: everything before its first row (names wrap: 全年执行 / 数)
      if (!inIndicators && !form.funds.length) header += text.replace(/\s+/g, '');
      if (!inIndicators && FUNDS_ROW.test(first.replace(/^-+/, ''))) {
        if (!form.fundsColumns.length) form.fundsColumns = fundsColumns(header);
        const values = tokens.slice(1).filter((t) => t.kind === 'number' || PLACEHOLDER.test(t.text));
        const cells: Record<string, Cell | null> = Object.create(null);
        form.fundsColumns.forEach((c, j) => {
          const t = values[j];
          if (!t || t.kind !== 'number') cells[c] = null;
          else {
            let cell = numberCell(file, t, c === '执行率' || c === '分值' || c === '得分' ? null : form.unit);
            // 75.00 under 执行率 is a percentage even without its sign
            if (c === '执行率') cell.percent = true;
            if (c === '分值') cell = assigned(cell);
            cells[c] = cell;
          }
        });
        const row: FundsRow = { key: fundsKey(first), label: first, cells, loc: sourceLocation(file, line) };
        if (!form.funds.some((f) => f.key === row.key)) form.funds.push(row);
        continue;
      }
      if (/一级指标/.test(text.replace(/[ \u3000]/g, ''))) {
        inIndicators = true;
        pending = [];
        if (text.includes('\t')) {
          const cells = text.split('\t').map((c) => normalizeLabel(c));
          weightCell = cells.findIndex((c) => c === '分值');
          scoreCell = cells.findIndex((c) => c === '得分');
          levelOneCell = cells.findIndex((c) => c === '一级指标');
          const at = (re: RegExp) => cells.findIndex((c) => re.test(c));
          textCells = { level2: at(/^二级指标/), level3: at(/^三级指标/), target: at(/指标值/), actual: at(/实际/) };
        }
        continue;
      }
      if (!inIndicators) continue;
      if (/^总\s*分/.test(text.trim())) {
        const nums = tokens.filter((t) => t.kind === 'number');
        if (nums.length >= 2) form.total = { weight: assigned(numberCell(file, nums[0], null)), score: assigned(numberCell(file, nums[1], null)), loc: sourceLocation(file, line) };
        else if (nums.length === 1) form.total = { weight: assigned(numberCell(file, nums[0], null)), score: null, loc: sourceLocation(file, line) };
        k++;
        break;
      }
      if (weightCell >= 0 && scoreCell >= 0 && text.includes('\t') && !/^总\s*分/.test(text.trim())) {
        // tab-separated: 分值 and 得分 stand in their own cells, in the header's order
        const cells = text.split('\t');
        const sec = SECTION.exec(normalizeLabel(text));
        // only the 一级指标 column opens a section (成本指标 is also a 二级 name)
        const bare = /^(产出|效益|满意度|成本)指标$/.exec(normalizeLabel(levelOneCell >= 0 ? cells[levelOneCell] ?? '' : ''));
        if (sec) {
          section = { name: `${sec[1]}指标`, weight: headerWeight(file, line, sec[2]), loc: sourceLocation(file, line) };
          form.sections.push(section);
        } else if (bare && (section as FormSection | null)?.name !== bare[0]) {
          section = { name: bare[0], weight: null, loc: sourceLocation(file, line) };
          form.sections.push(section);
        }
        const cellTokens = (n: number) => tokens.filter((t) => t.cell === n);
        const wText = (cells[weightCell] ?? '').trim();
        const sText = (cells[scoreCell] ?? '').trim();
        if (!wText && !sText) continue;
        const wTok = cellTokens(weightCell).find((t) => t.kind === 'number' && !t.num!.percent && t.text === wText);
        const sTok = cellTokens(scoreCell).find((t) => t.kind === 'number' && t.text === sText);
        const textAt = (n: number) => (n >= 0 ? normalizeLabel(cells[n] ?? '') || null : null);
        // the 三级指标 names the row; without that column, all words before 分值
        const name = textAt(textCells.level3) ?? normalizeLabel(cells.slice(0, weightCell).join('')).replace(SECTION, '');
        // a 二级 name is printed once for the rows under it
        level2 = textAt(textCells.level2) ?? (bare || sec ? null : level2);
        form.indicators.push({
          section: section?.name ?? null,
          name,
          level2,
          target: textAt(textCells.target),
          actual: textAt(textCells.actual),
          weight: wTok ? assigned(numberCell(file, wTok, null)) : null,
          weightText: wText,
          score: sTok ? assigned(numberCell(file, sTok, null)) : null,
          loc: sourceLocation(file, line),
        });
        continue;
      }
      pending.push(...tokens);
      const joined = normalizeLabel(pending.map((t) => t.text).join(''));
      // a bare 一级 name opens a section only in forms that state no section weights:
      // where weights are stated, 成本指标 and the like are 二级 names under a weighted header
      const bare = /^(产出|效益|满意度|成本)指标$/.exec(normalizeLabel(pending[0].text));
      const weighted = form.sections.some((s) => s.weight);
      if (bare && !weighted && !SECTION.test(joined) && (!section || section.name !== bare[0])) {
        // a section header without a stated weight
        section = { name: bare[0], weight: null, loc: sourceLocation(file, line) };
        form.sections.push(section);
      }
      const sec = SECTION.exec(joined);
      if (sec) {
        // `(50分)` reads as one label: the weight is taken from the header's own text
        const headerLine = [...lines.slice(i, k + 1)].reverse().find((l) => l.text.includes(`${sec[2]}分`)) ?? line;
        const weight = headerWeight(file, headerLine, sec[2]);
        const weightToken = pending.find((t) => t.text.includes(`${sec[2]}分`) || (t.kind === 'number' && t.text === sec[2]));
        if (section && section.name === `${sec[1]}指标` && !section.weight && !form.indicators.some((x) => x.section === section!.name)) {
          // `产出指标` on one line, `(50分)` on the next: one header
          section.weight = weight;
        } else {
          section = { name: `${sec[1]}指标`, weight, loc: sourceLocation(file, line) };
          form.sections.push(section);
        }
        // what follows the header on the same lines belongs to the first indicator
        const after = weightToken ? pending.slice(pending.indexOf(weightToken) + 1).filter((t) => !/^[)）分]+$/.test(t.text)) : [];
        pending = after;
        if (!pending.length) continue;
      }
      const scores = trailingScores(pending);
      if (!scores) continue;
      const { weight: w, score: s, stray } = scores;
      if (stray) notes.push({ message: `${form.project}: 指标行末多出数字 ${stray.text}，按 分值 ${w.text}、得分 ${s.text} 读取`, loc: sourceLocation(file, line) });
      // the rest of a wrapped `(10分)` header is not part of the name
      const name = normalizeLabel(pending.slice(0, pending.indexOf(w)).filter((t) => t.kind === 'label').map((t) => t.text).join('')).replace(/^分?[)）]+/, '');
      const indicator: FormIndicator = {
        section: section?.name ?? null,
        name,
        weight: assigned(numberCell(file, w, null)),
        weightText: w.text,
        score: assigned(numberCell(file, s, null)),
        loc: sourceLocation(file, line),
      };
      form.indicators.push(indicator);
      pending = [];
    }
    // 自评结论: 该项目全年预算执行率为75%; 自评得分 90 分 (until the next form)
    for (let c = k; c < Math.min(lines.length, k + 15); c++) {
      const text = lines[c].text;
      if (FORM_TITLE.test(text.trim())) break;
      const rate = /执行率为\s*(\d+(?:\.\d+)?)\s*%/.exec(text);
      if (rate && !form.conclusion.rate) form.conclusion.rate = lineFigure(file, lines[c], rate[1], true);
    }
    forms.push(form);
    i = k - 1;
  }
  return { forms, targetTable };
}

const BAND = /(\d+(?:\.\d+)?)\s*[（(]含[）)]\s*[-—–~～至]\s*(\d+(?:\.\d+)?)\s*(?:分)?\s*为\s*[“"]?(优|良|中|差|合格|不合格)[”"]?/g;
const BAND_BELOW = /(\d+(?:\.\d+)?)\s*分?以下为\s*[“"]?(优|良|中|差|合格|不合格)[”"]?/;
const GRADE_LINE = /^\s*\d+\s+(\S+)\s+\S+\s+(\d+(?:\.\d+)?)\s+(优|良|中|差)\s*$/;

/** Grade bands stated in the document, and the summary lines (项目 单位 得分 等级) they grade. */
export function extractGrades(lines: SourceLine[], file: string): Report['grades'] {
  const bands: GradeBand[] = [];
  const entries: GradeEntry[] = [];
  for (const line of lines) {
    for (const m of line.text.matchAll(BAND)) bands.push({ grade: m[3], min: Number(m[1]), max: Number(m[2]) });
    const below = BAND_BELOW.exec(line.text);
    if (below && bands.length) bands.push({ grade: below[2], min: -Infinity, max: Number(below[1]) });
    const g = GRADE_LINE.exec(line.text);
    if (g) {
      const tokens = tokenizeLine(line).tokens;
      const scoreToken = [...tokens].reverse().find((t) => t.kind === 'number' && t.text === g[2]);
      if (!scoreToken) continue;
      entries.push({ project: normalizeLabel(g[1]), score: assigned(numberCell(file, scoreToken, null)), grade: g[3], loc: sourceLocation(file, line) });
    }
  }
  return { bands, entries: bands.length ? entries : [] };
}
