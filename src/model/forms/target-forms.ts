/**
 * A budget's 项目支出绩效目标表: one grid for all projects, each project a block of rows (code,
 * name, category, 预算数, 绩效目标, then indicators each ending in its 分值权重). Extracted text of
 * narrow cells comes one word per line, and a two-decimal figure may lose its last digit to the
 * next line (`766.7` / `7`), so the grid is read as a stream of words, not by lines.
 */
import type { PageRulings } from '../../ingest/rulings.js';
import type { SourceLine } from '../../ingest/text.js';
import { normalizeLabel, parseNumber } from '../../layout/tokenize.js';
import { assigned, printedCell, sourceLocation } from '../cells.js';
import { LEVEL_ONE_NAME, printsReservedWeight, TARGET_LEVEL_TWO_NAME } from './form-vocabulary.js';
import { newForm } from './new-form.js';
import { readTargetGrid } from './target-grid.js';
import type { Cell, Form, FormIndicator, FormSection, Location, ParseNote, TargetTable, Unit } from '../types.js';

export const TARGET_TITLE = /^\s*(\d{4}\s*年)?\s*(部门)?预算项目支出绩效目标表\s*$/;
const PART_END = /^\s*第[一二三四五六七八九十]+部分/;
const COMPARATOR = /^[≥≤=＝<>＜＞]$/;
const MEASURED = /^(%|次|名|人|年|月|天|元|万元|个|项|家|册|篇|户|优|良|中|差|有所|提高|完成|年内|达标|合格)$/;
/** a code block opens a project: 630200 / 25R000 / 000006 */
const CODE = /^[0-9A-Z]{6}$/;
/** a table this loose is interrupted by a page of something else; its lines are short, prose is not */
const MAX_GRID_LINE = 24;
/** the median line of a grid extracted one word per line is a word or two */
const MAX_WORD_LINE = 10;

interface Word {
  text: string;
  line: SourceLine;
  column: number;
  endColumn: number;
  /** the source line where the word ends, when its last digit wrapped */
  endLine?: SourceLine;
  lineStart: boolean;
  lineEnd: boolean;
}

function wordsOf(lines: SourceLine[]): Word[] {
  const words: Word[] = [];
  for (const line of lines) {
    const found = [...line.text.matchAll(/\S+/g)];
    found.forEach((m, j) => {
      const w: Word = { text: m[0], line, column: m.index! + 1, endColumn: m.index! + 1 + m[0].length, lineStart: j === 0, lineEnd: j === found.length - 1 };
      const last = words[words.length - 1];
      // `20.0` at a line's end and `0` opening the next: one two-decimal figure cut by the cell's width
      if (last && last.lineEnd && w.lineStart && /^\d+\.\d$/.test(last.text) && /^\d$/.test(w.text)) {
        words[words.length - 1] = { ...last, text: last.text + w.text, endLine: line, endColumn: w.endColumn, lineEnd: w.lineEnd };
      } else words.push(w);
    });
  }
  return words;
}

function wordLocation(file: string, w: Word): Location {
  const loc = sourceLocation(file, w.line);
  const end = w.endLine ? sourceLocation(file, w.endLine) : loc;
  return { ...loc, column: w.column, endLine: end.line, endColumn: w.endColumn };
}

const isNumber = (w: Word | undefined) => !!w && parseNumber(w.text) !== null && !w.text.endsWith('%');

/** a weight: assigned, exact */
const weightCell = (file: string, w: Word): Cell => assigned(printedCell(w.text, wordLocation(file, w), null));

/** the vocabulary word starting at words[j] (names split over lines: 满意度指 / 标), and how many words it spans */
function levelAt(words: Word[], j: number): { one?: string; two?: string; span: number } | null {
  for (const span of [1, 2]) {
    const text = words.slice(j, j + span).map((w) => w.text).join('');
    if (span === 2 && !words[j + 1]?.lineStart) break;
    if (LEVEL_ONE_NAME.test(text)) return { one: text, span };
    if (TARGET_LEVEL_TWO_NAME.test(text)) return { two: text, span };
  }
  return null;
}

/** Where a later part of the document cut into the grid, the grid's remaining lines, if any. */
function continuation(lines: SourceLine[], from: number): { lines: SourceLine[]; end: number } | null {
  for (let k = from; k < Math.min(lines.length, from + 120); k++) {
    const first = lines[k].text.trim().split(/\s+/)[0];
    if (!first || !(LEVEL_ONE_NAME.test(first) || TARGET_LEVEL_TWO_NAME.test(first))) continue;
    let end = k;
    while (end < lines.length && (!lines[end].text.trim() || lines[end].text.trim().length <= MAX_GRID_LINE)) end++;
    return { lines: lines.slice(k, end), end };
  }
  return null;
}

/**
 * Reads the 绩效目标表 titled at lines[i]: its projects as forms of kind 'target', and the table's
 * own 合计 and execution weight.
 */
export function readTargetTable(lines: SourceLine[], i: number, file: string, firstId: number, unitFallback: Unit | null, notes: ParseNote[], rulings?: PageRulings[]): { table: TargetTable | null; forms: Form[]; end: number } {
  const title = normalizeLabel(lines[i].text.trim());
  let end = i + 1;
  while (end < lines.length && !PART_END.test(lines[end].text)) end++;
  let gridLines = lines.slice(i + 1, end);
  // Rows laid out across the line (a PDF's lines) put a project's merged cells amid its
  // indicator rows: target-grid.ts reads them where the geometry settles which rows each
  // project spans; otherwise the table is named, not guessed at. A page's lines are read so
  // even where most of them hold a word or two (Calc wraps long cells line by line).
  const lengths = gridLines.map((l) => l.text.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  const acrossLines = !lengths.length || lengths[Math.floor(lengths.length / 2)] > MAX_WORD_LINE;
  if (acrossLines || gridLines.some((l) => l.pieces)) {
    const unit: Unit | null = /万元/.test(gridLines.slice(0, 10).map((l) => l.text).join('')) ? '万元' : unitFallback;
    const read = readTargetGrid(lines, i + 1, file, title, firstId, unit, rulings);
    if (read && 'unread' in read) {
      notes.push({ message: `${title}: ${read.unread}`, loc: sourceLocation(file, lines[i]), unread: { title, reason: read.unread } });
      return { table: null, forms: [], end };
    }
    if (read) return read;
  }
  if (acrossLines) {
    const reason = '表格按行排版，未能确定各项目跨哪几行，未逐项目读取';
    notes.push({ message: `${title}: ${reason}`, loc: sourceLocation(file, lines[i]), unread: { title, reason } });
    return { table: null, forms: [], end };
  }
  // only a grid that runs right up to the heading can have been cut by it
  const lastLine = [...gridLines].reverse().find((l) => l.text.trim());
  const cut = end < lines.length && !!lastLine && lastLine.text.trim().length <= MAX_GRID_LINE;
  const rest = cut ? continuation(lines, end + 1) : null;
  if (rest && rest.lines.length) {
    gridLines = [...gridLines, ...rest.lines];
    notes.push({ message: `${title} 被「${lines[end].text.trim()}」打断，其后第 ${rest.lines[0].line}–${rest.lines[rest.lines.length - 1].line} 行接续读取`, loc: sourceLocation(file, rest.lines[0]) });
  }
  const words = wordsOf(gridLines.filter((l) => l.text.trim()));
  const table: TargetTable = { title, total: null, executionWeight: null, loc: sourceLocation(file, lines[i]) };
  const unit: Unit | null = /万元/.test(gridLines.slice(0, 40).map((l) => l.text).join('')) ? '万元' : unitFallback;
  const first = readHeader(words, table, file, unit);
  const forms = new ProjectStream(words, { file, title, firstId, unit, notes }).read(first);
  if (!forms.length) {
    notes.push({ message: `${title}: 未读出任何项目`, loc: table.loc, unread: { title, reason: '未读出任何项目' } });
    return { table: null, forms: [], end };
  }
  return { table, forms, end: rest ? rest.end : end };
}

/** the header, up to 合计: the weight reserved for budget execution (其中：预算执行率权重10%) and the 合计; where the projects begin */
function readHeader(words: Word[], table: TargetTable, file: string, unit: Unit | null): number {
  const j = words.findIndex((w) => /^合计/.test(w.text));
  const header = words.slice(0, Math.max(0, j)).map((w) => w.text).join('');
  // (预算 may stand apart from 执行率 where the header's cells wrap and are read line by line)
  const reserved = /执行率权重(\d+(?:\.\d+)?)%?/.exec(header);
  if (reserved) {
    const heads = words.slice(0, j);
    const w = heads.find((x) => printsReservedWeight(x.text, reserved[1])) ?? heads.find((x) => /执行率|权重/.test(x.text));
    if (w) table.executionWeight = weightCell(file, { ...w, text: reserved[1] });
  }
  if (j < 0) return 0;
  const totalWord = words.slice(j, j + 6).find((w) => isNumber(w));
  if (totalWord) table.total = printedCell(totalWord.text, wordLocation(file, totalWord), unit);
  return words.indexOf(totalWord ?? words[j]) + 1;
}

interface StreamContext {
  file: string;
  title: string;
  firstId: number;
  unit: Unit | null;
  notes: ParseNote[];
}

/**
 * The projects of the grid, read word by word: a code block opens a project, then come its
 * name, category and 预算数, its 绩效目标, and its indicators, each closed by its 分值权重.
 */
class ProjectStream {
  private readonly forms: Form[] = [];
  private form: Form | null = null;
  private phase: 'name' | 'category' | 'goal' | 'indicators' = 'name';
  private name: Word[] = [];
  private value: Word[] = [];
  /** whether a value word so far reads as a quantity: kept as words come, not searched per word (a long row was quadratic) */
  private measured = false;
  private level1: string | null = null;
  private level2: string | null = null;

  constructor(
    private readonly words: Word[],
    private readonly ctx: StreamContext,
  ) {}

  read(from: number): Form[] {
    const { words } = this;
    for (let j = from; j < words.length; j++) {
      const w = words[j];
      if (w.lineStart && w.lineEnd && /^\d{6}$/.test(w.text) && CODE.test(words[j + 1]?.text ?? '') && CODE.test(words[j + 2]?.text ?? '')) {
        this.open(j);
        j += 2;
        continue;
      }
      if (this.form) j += this.take(this.form, j);
    }
    this.finish();
    return this.forms;
  }

  /** a project's code block at words[j..j+2] */
  private open(j: number): void {
    const { file, title, firstId, unit } = this.ctx;
    this.finish();
    this.form = newForm({
      id: `f${firstId + this.forms.length}`,
      kind: 'target',
      title,
      project: '',
      code: this.words.slice(j, j + 3).map((x) => x.text).join(''),
      unit,
      loc: wordLocation(file, this.words[j]),
    });
    this.forms.push(this.form);
    this.phase = 'name';
    this.name = [];
    this.value = [];
    this.measured = false;
    this.level1 = null;
    this.level2 = null;
  }

  private finish(): void {
    if (this.form && !this.form.budget) this.ctx.notes.push({ message: `${this.ctx.title}: 「${this.form.project}」的预算数未能读出`, loc: this.form.loc });
  }

  /** one word of the open project; how many words more it consumed */
  private take(form: Form, j: number): number {
    const { words } = this;
    const w = words[j];
    if (this.phase === 'name') {
      // the name (965-政 / 府雇员工 / 作经费, a year in brackets) ends where its category, budget or goal begins
      const ends = this.name.length > 0 && (isNumber(w) || /^\d+-/.test(w.text) || (w.text.length > 5 && !/^[（(]/.test(w.text)) || !!levelAt(words, j)?.one);
      if (!ends) {
        this.name.push(w);
        return 0;
      }
      form.project = normalizeLabel(this.name.map((x) => x.text).join('')).replace(/^\d+-/, '');
      this.name = [];
      this.phase = 'category';
    }
    if (this.phase === 'category') {
      if (isNumber(w)) {
        form.budget = printedCell(w.text, wordLocation(this.ctx.file, w), this.ctx.unit);
        this.phase = 'goal';
        return 0;
      }
      // 3-特 / 定目 / 标类
      if (/^\d+-/.test(w.text) || (w.text.length <= 3 && !levelAt(words, j))) return 0;
      this.phase = 'goal';
    }
    if (this.phase === 'goal') {
      if (!levelAt(words, j)?.one) return 0;
      this.phase = 'indicators';
    }
    return this.indicatorWord(form, j);
  }

  /** indicators: names, the value as printed, and the weight closing the row */
  private indicatorWord(form: Form, j: number): number {
    const w = this.words[j];
    const { file } = this.ctx;
    if (!this.value.length) {
      const at = levelAt(this.words, j);
      if (at) {
        // Words before a 一级/二级 name that end a sentence are no indicator's: the extractor's
        // reading order let the project's own merged cells run on here (the rest of its name,
        // in words of a name cell's width, then its 绩效目标).
        if (this.name.some((x) => /。$/.test(x.text))) {
          const rest = this.name.slice(0, this.name.findIndex((x) => x.text.length > 5));
          if (rest.length) form.project += normalizeLabel(rest.map((x) => x.text).join(''));
          this.name = [];
        }
        if (at.one) {
          this.level1 = at.one;
          this.level2 = null;
          if (!form.sections.some((s) => s.name === at.one)) form.sections.push({ name: at.one, weight: null, loc: wordLocation(file, w) } satisfies FormSection);
        } else this.level2 = at.two!;
        return at.span - 1;
      }
      if (COMPARATOR.test(w.text) || w.text === '定性' || isNumber(w)) this.addValue(w);
      else this.name.push(w);
      return 0;
    }
    if (isNumber(w) && w.lineEnd && this.measured) {
      const indicator: FormIndicator = {
        section: this.level1,
        name: normalizeLabel(this.name.map((x) => x.text).join('')),
        level2: this.level2,
        target: this.value.map((x) => x.text).join(' '),
        actual: null,
        weight: weightCell(file, w),
        weightText: w.text,
        score: null,
        loc: wordLocation(file, this.name[0] ?? this.value[0]),
      };
      form.indicators.push(indicator);
      this.name = [];
      this.value = [];
      this.measured = false;
      return 0;
    }
    this.addValue(w);
    return 0;
  }

  private addValue(x: Word): void {
    this.value.push(x);
    this.measured ||= MEASURED.test(x.text) || x.text.endsWith('%');
  }
}
