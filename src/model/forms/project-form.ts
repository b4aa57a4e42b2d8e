/**
 * One project's 绩效自评表, read line by line from its 项目名称: the funds block (columns from
 * its own header), the indicator header, indicator rows ending in 分值 and 得分 (names wrap over
 * lines, or cells of their own), section headers that may state their weight (产出指标(50分)),
 * the 总分 row, and the 自评结论 below.
 */
import type { PageRulings } from '../../ingest/rulings.js';
import type { SourceLine } from '../../ingest/text.js';
import { normalizeLabel, tokenizeLine, type Token } from '../../layout/tokenize.js';
import { columnTexts } from '../../layout/grid.js';
import { assigned, numberCell, sourceLocation } from '../cells.js';
import { FORM_TITLE, PROJECT_INFO_ROW, TOTAL_ROW } from './form-vocabulary.js';
import { figuresApart, FUNDS_FIGURES_APART, FUNDS_LABEL, FUNDS_LABEL_START, FUNDS_ROW, fundsColumns, fundsHeaderUnread, fundsRow, fundsUnit, PLACEHOLDER, alignedValues } from './funds.js';
import { newForm } from './new-form.js';
import { readConclusion } from './conclusion.js';
import { cutShort } from './cut-short.js';
import { figuresIn, figuresLeftUnread } from './rows-lost.js';
import { placeSections } from './centred-sections.js';
import { headerOrderUnread, pastHeaderNames } from './header-order.js';
import { readIndicatorGrid } from './project-grid.js';
import { blockScores, cellPerLineHeader, figureLinesBelow, figuresBelow } from './cell-lines.js';
import { headerWeight, readTabIndicator, SECTION, tabColumns, type TabColumns } from './tab-cells.js';
import { INDICATOR_HEADER, labelAfterWeight, laidOut, leadingJunkOff, LEVEL_NAME_ANYWHERE, LEVEL_TWO, LEVEL_TWO_INSIDE, printedValues, trailingScores } from './row-words.js';
import type { Form, FormIndicator, FormSection, ParseNote, Unit } from '../types.js';

export const NOT_A_FORM = /汇总表|详见|附件|报告/;
/** the labels of a form's fields and its funds block: never a project's name */
const FIELD_LABEL = /^(项目资金|主管部门|实施单位|项目负责人|资金来源|年度资金|一级指标)/;
/** a line opening with a 一级 or 二级 name */
const opensWithLevelName = (text: string) => LEVEL_TWO.test(text) || /^(产出|效益|满意度|成本)指标/.test(text);
/** words a form's indicator row may hold before its 分值 and 得分 close it */
const MAX_PENDING = 400;


/**
 * A project form from its title (at `start`) and 项目名称 line (at `nameIndex`): the form, the
 * index after its last row (`end`) and after its 自评结论 (`concluded`).
 */
export function readProjectForm(lines: SourceLine[], start: number, nameIndex: number, title: string, id: string, file: string, unitFallback: Unit | null, notes: ParseNote[], textOfLine: Map<number, string>, rulings?: PageRulings[]): { form: Form; end: number; concluded: number } {
  const nameLine = lines[nameIndex];
  const project = normalizeLabel(nameLine.text.replace(/^\s*项目名称/, '').trim().split(/\s{2,}|\t|主管部门|项目负责人/)[0]) + nameTail(nameLine, lines[nameIndex + 1]);
  const form: Form = newForm({
    id,
    kind: 'project',
    title: normalizeLabel(title),
    project,
    unit: unitFallback,
    loc: sourceLocation(file, lines[start]),
  });
  const reader = new ProjectFormReader(lines, start, nameIndex, file, notes, textOfLine, form, rulings);
  const end = reader.readRows();
  // a cell to a line: the project's name is the line under 项目名称
  const next = lines[nameIndex + 1];
  if (!form.project && reader.cellLines && next?.text.trim() && !FIELD_LABEL.test(normalizeLabel(next.text))) form.project = normalizeLabel(next.text);
  reader.sayWhatWasNotRead(end);
  const concluded = readConclusion(lines, end, form, file);
  return { form, end, concluded };
}

/**
 * On a page, the project's name wrapped in its cell (医疗保障政策管 / 理): the line just under the
 * 项目名称 line holding one piece only, no figure nor field label, set where the name's piece starts.
 * Its text, or '' (a cell centred, or more than the name wrapped, is not guessed at).
 */
function nameTail(nameLine: SourceLine, next: SourceLine | undefined): string {
  if (!next || !cellLineUnder(nameLine, next) || next.pieces!.length !== 1) return '';
  const size = nameLine.size ?? 10;
  const tail = next.pieces![0];
  if (/\d|[:：]/.test(tail.text) || FIELD_LABEL.test(normalizeLabel(tail.text)) || FUNDS_LABEL.test(normalizeLabel(tail.text))) return '';
  const head = nameLine.pieces!.find((p) => !/^项目名称/.test(p.text) && Math.abs(p.x0 - tail.x0) <= size / 2);
  return head ? normalizeLabel(tail.text) : '';
}

/** lines of one cell stand closer than this (font sizes) */
const NAME_WRAP_GAP = 1.6;

/** on a page, whether `next` stands just under `line`, as a cell's next line does */
const cellLineUnder = (line: SourceLine, next: SourceLine) =>
  !!line.pieces && !!next.pieces && next.page === line.page && line.y !== undefined && next.y !== undefined && next.y - line.y <= NAME_WRAP_GAP * (line.size ?? 10);

/** a weighted 一级 name cut inside its weight: the words before the figure (满意度指标（ 10) */
const SECTION_OPEN = /^(产出|效益|满意度|成本)指标[（(]$/;

/**
 * A section header whose cell wraps inside its weight (满意度指标（10 / 分）): text read row by row
 * closes the row with its figures before the line with 分） is read. The pending words hold the
 * name and its figure, the next line opens with 分）: as SECTION would match the header whole, or null.
 */
function weightWrapped(pending: Token[], next: SourceLine | undefined): RegExpExecArray | null {
  if (!next || !/^\s*分\s*[）)]/.test(next.text)) return null;
  for (let j = 0; j + 1 < pending.length; j++) {
    const open = SECTION_OPEN.exec(normalizeLabel(pending[j].text));
    if (open && pending[j + 1].kind === 'number') return SECTION.exec(`${open[1]}指标（${pending[j + 1].text}分）`);
  }
  return null;
}

/**
 * On a page, a funds row whose label wraps in its cell (年度资金总 / 额:, 其中：当年财政拨 / 款): the
 * line just under it holding words only, left of the row's first figure, that complete its words
 * into a funds row's label. The label, or null.
 */
function wrappedFundsLabel(lines: SourceLine[], k: number, tokens: Token[]): string | null {
  const line = lines[k];
  const next = lines[k + 1];
  if (!next || !cellLineUnder(line, next)) return null;
  const figure = tokens.findIndex((t) => t.kind === 'number');
  if (figure <= 0) return null;
  const figureAt = tokens[figure].x0 ?? Infinity;
  if (next.pieces!.some((p) => /\d/.test(p.text) || p.x0 >= figureAt)) return null;
  const label = normalizeLabel(tokens.slice(0, figure).map((t) => t.text).join('') + next.pieces!.map((p) => p.text).join('')).replace(FUNDS_LABEL_START, '');
  return FUNDS_ROW.test(label.replace(/^-+/, '')) ? label : null;
}

/** The parse state of one project form while its rows are read. */

class ProjectFormReader {
  /** the funds block's header: everything before its first row (names wrap: 全年执行 / 数) */
  private header = '';
  /** …and its words, as the text orders them */
  private headerWords: string[] = [];
  private inIndicators = false;
  /** forms read by cells (tab-separated): where the indicator header puts each column */
  private tabColumns: TabColumns | null = null;
  private level2: string | null = null;
  private pending: Token[] = [];
  private section: FormSection | null = null;
  /** why the indicators, read as words, cannot be (分值 printed before 指标值): they and 总分 are left out */
  private indicatorsUnread: string | null = null;
  /** a weighted 一级 cell's text stands below rows of its own (centred over them): its rows read in order are in doubt (centred-sections.ts) */
  private sectionsInDoubt = false;
  /** figures of the indicator block no row took (dropped from the pending words, or left at 总分) */
  private figuresLeft = 0;
  /** the indicator header, read as words, is laid out in columns (pdftotext -layout) */
  private laidOut = false;
  /** the indicator header sets a name to a line, and rows are blocks of lines, a cell to a line (cell-lines.ts) */
  cellLines = false;
  /** why the funds block's figures cannot be put under its columns: it, and 总分 that counts its 分值, are left out */
  private fundsUnread: string | null = null;

  constructor(
    private readonly lines: SourceLine[],
    private readonly start: number,
    private readonly nameIndex: number,
    private readonly file: string,
    private readonly notes: ParseNote[],
    private readonly textOfLine: Map<number, string>,
    private readonly form: Form,
    /** the PDF's ruled lines: where they close the indicator block's cells, they place its words */
    private readonly rulings?: PageRulings[],
  ) {}

  /** The funds block, the indicator header and rows, up to 总分 or the next form: the index after them. */
  readRows(): number {
    const { lines, form } = this;
    let k = this.nameIndex;
    form.unit = fundsUnit(lines, k) ?? form.unit;
    for (; k < lines.length; k++) {
      const line = lines[k];
      const text = line.text;
      if (k > this.nameIndex && FORM_TITLE.test(text.trim()) && !NOT_A_FORM.test(text)) break;
      const all = tokenizeLine(line).tokens.filter((t) => t.kind !== 'blank');
      // on a page the funds block's merged label (项目资金（元）) may stand on one of its rows
      const tokens = this.inIndicators ? all : all.slice(Math.max(0, all.findIndex((t) => !FUNDS_LABEL.test(normalizeLabel(t.text)))));
      if (!tokens.length) {
        if (this.cellLines && this.inIndicators && !this.indicatorsUnread) this.closeBlock();
        continue;
      }
      // …or run into a row's own label (项目资金（万元）年度资金总额：)
      const lead = normalizeLabel(tokens[0].text);
      const unlabelled = this.inIndicators ? lead : lead.replace(FUNDS_LABEL_START, '');
      const first = FUNDS_ROW.test(unlabelled.replace(/^-+/, '')) ? unlabelled : lead;
      if (!this.inIndicators && !form.funds.length) {
        this.header += text.replace(/\s+/g, '');
        this.headerWords.push(...text.trim().split(/\s+/));
      }
      // on a page a row's label may wrap in its cell (年度资金总 / 额:): the line under it completes it
      const wrapped = !this.inIndicators && line.pieces && !FUNDS_ROW.test(first.replace(/^-+/, '')) ? wrappedFundsLabel(lines, k, tokens) : null;
      if (wrapped) {
        this.readFundsRow(line, k, tokens, wrapped);
        k++;
        continue;
      }
      if (!this.inIndicators && FUNDS_ROW.test(first.replace(/^-+/, ''))) {
        // a cell to a line: the row's figures stand on the lines under its label
        const below = tokens.length === 1 && !line.pieces ? figuresBelow(lines, k, fundsColumns(this.header).length) : [];
        this.readFundsRow(line, k, [...tokens, ...below], first);
        k += below.length;
        continue;
      }
      if (!this.inIndicators && !line.pieces && figuresApart(form.funds, tokens)) {
        this.fundsUnread ??= FUNDS_FIGURES_APART;
        continue;
      }
      // a ruled form's header may wrap 一级指标 within its cell (一级指 / 标): its rules find the row
      const bare = text.replace(/[ \u3000]/g, '');
      if (!/一级指标/.test(bare) && /三级指标/.test(bare) && line.pieces && this.rulings?.length) {
        const end = readIndicatorGrid(this.lines, k, this.file, this.form, false, this.rulings, true);
        if (end !== null) {
          this.inIndicators = true;
          k = end;
          break;
        }
      }
      if (/一级指标/.test(text.replace(/[ \u3000]/g, ''))) {
        const end = this.readIndicatorHeader(line, k);
        if (end !== null) {
          k = end;
          break;
        }
        continue;
      }
      if (!this.inIndicators) continue;
      if (this.indicatorsUnread) continue;
      if (TOTAL_ROW.test(text.trim())) {
        this.figuresLeft += figuresIn(this.pending);
        // a cell to a line: the 分值 and 得分 stand on the lines under 总分
        const below = this.cellLines ? figureLinesBelow(lines, k) : [];
        this.readTotal(line, [...tokens, ...below]);
        k += 1 + below.length;
        break;
      }
      if (this.tabColumns && text.includes('\t')) {
        ({ section: this.section, level2: this.level2 } = readTabIndicator(form, this.file, this.tabColumns, { section: this.section, level2: this.level2 }, text.split('\t'), tokens, line));
        continue;
      }
      // the header, and the header again where a page break splits the block
      if (!this.pending.length && text.trim().split(/\s+/).every((x) => INDICATOR_HEADER.test(x))) continue;
      this.readIndicatorWords(line, k, tokens);
    }
    // the last row's block ends where the form does (总分, the next form, the text's end)
    if (this.cellLines && this.inIndicators && !this.indicatorsUnread) this.closeBlock();
    return k;
  }

  /** the funds block's header lines before line k: not the form's rows naming who runs the project */
  private fundsHeaderLines(k: number): SourceLine[] {
    return this.lines.slice(this.nameIndex + 1, k).filter((l) => !PROJECT_INFO_ROW.test(normalizeLabel(l.text)));
  }

  /** a row of the funds block (年度资金总额, 其中：财政拨款 …), its figures under the header's columns */
  private readFundsRow(line: SourceLine, k: number, tokens: Token[], first: string): void {
    const { form, file } = this;
    // on a page, the header's cells read by columns (their names wrap: 全年预算 / 数, 执行 / 率); a row
    // above it naming who runs the project (主管部门 … 实施单位 市公路事业发展中心) would run columns together
    if (!form.fundsColumns.length) form.fundsColumns = fundsColumns(line.pieces ? columnTexts(this.fundsHeaderLines(k)).join(' ') : this.header);
    const tabbed = !line.pieces && line.text.includes('\t');
    const printed = tokens.slice(1).filter((t) => t.kind === 'number' || PLACEHOLDER.test(t.text));
    const values = (tabbed ? alignedValues(this.fundsHeaderLines(k), form.fundsColumns, tokens) : null) ?? printed;
    // read as text, a header whose names wrap may not give the columns' order
    this.fundsUnread ??= line.pieces ? null : fundsHeaderUnread(this.headerWords, form.fundsColumns, values.filter((t) => t !== undefined), tabbed);
    if (this.fundsUnread) return;
    const row = fundsRow(file, form, line, values, first);
    if (!form.funds.some((f) => f.key === row.key)) form.funds.push(row);
  }

  /** the indicator header (一级指标 …): the rows below are indicators; a PDF's grid is read whole (the index after it) */
  private readIndicatorHeader(line: SourceLine, k: number): number | null {
    const text = line.text;
    this.inIndicators = true;
    this.pending = [];
    if (text.includes('\t')) this.tabColumns = tabColumns(text.split('\t').map((c) => normalizeLabel(c)));
    else if (line.pieces) {
      // a PDF: the header's columns place each figure, as tabs do (分值 may come before 指标值),
      // and merged 一级/二级 cells take the rows they are centred over
      const end = readIndicatorGrid(this.lines, k, this.file, this.form, false, this.rulings);
      // no grid (rows as close as a cell's lines, and no rules to part them): read as words, which
      // close a row on its 分值 and 得分, so a header printing 分值 first leaves them unknown
      if (end === null) this.indicatorsUnread = headerOrderUnread(this.lines, k, this.nameIndex + 1);
      return end;
    } else {
      this.laidOut = laidOut(text);
      this.cellLines = cellPerLineHeader(this.lines, k);
      // words close a row with its 分值 and 得分: where 分值 comes first, or may, a row's figures cannot be told apart
      this.indicatorsUnread = headerOrderUnread(this.lines, k, this.nameIndex + 1);
    }
    return null;
  }

  /** the 总分 row: its 分值 and 得分 */
  private readTotal(line: SourceLine, tokens: Token[]): void {
    const { form, file } = this;
    const nums = tokens.filter((t) => t.kind === 'number');
    if (nums.length >= 2) form.total = { weight: assigned(numberCell(file, nums[0], null)), score: assigned(numberCell(file, nums[1], null)), loc: sourceLocation(file, line) };
    else if (nums.length === 1) form.total = { weight: assigned(numberCell(file, nums[0], null)), score: null, loc: sourceLocation(file, line) };
  }

  /** a line of an indicator row printed in words: pending until its 分值 and 得分 close it */
  private readIndicatorWords(line: SourceLine, k: number, tokens: Token[]): void {
    // a block ends at a blank line, or where lines were left out between (a page's last blank line at its
    // break); a 一级 or 二级 name under a row's 得分 in its block is a cell centred over rows, not the row's
    const last = this.pending[this.pending.length - 1];
    if (this.cellLines && last && (line.line > last.line + 1 || (opensWithLevelName(normalizeLabel(line.text)) && blockScores(this.pending)))) this.closeBlock();
    for (const t of tokens) this.pending.push(t);
    // a row is a few dozen words: without a close (prose running on) only its last words are kept,
    // since every line below re-reads all that is pending (20,000 such lines took 48 s)
    if (this.pending.length > MAX_PENDING) {
      this.figuresLeft += figuresIn(this.pending.slice(0, -MAX_PENDING));
      this.pending = this.pending.slice(-MAX_PENDING);
    }
    if (!this.readSectionHeader(line, k)) return;
    if (this.cellLines) return;
    const scores = trailingScores(this.pending);
    if (!scores) return;
    this.readWordsIndicator(line, scores);
    this.pending = [];
  }

  /** a row's block ended (a blank line): its words and figures make an indicator, where it prints its 分值 and 得分 */
  private closeBlock(): void {
    const scores = blockScores(this.pending);
    // a section's header alone, or a name wrapped over blocks: its words go on to the next block
    if (!scores) return;
    const tail = this.pending.slice(this.pending.indexOf(scores.score) + 1);
    this.pending = this.pending.slice(0, this.pending.indexOf(scores.score) + 1);
    const line = this.lines.find((l) => l.line === scores.score.line)!;
    this.readWordsIndicator(line, scores);
    // words under the 得分 are its 未完成原因 cell
    const note = normalizeLabel(tail.map((t) => t.text).join(''));
    const indicator = this.form.indicators[this.form.indicators.length - 1];
    if (note && indicator && !indicator.note) indicator.note = note;
    this.pending = [];
  }

  /** a section header among the pending words (产出指标, 产出指标(50分)): false when nothing follows it yet */
  private readSectionHeader(line: SourceLine, k: number): boolean {
    const { form, file } = this;
    const pending = this.pending;
    const joined = normalizeLabel(pending.map((t) => t.text).join(''));
    // a bare 一级 name opens a section only in forms that state no section weights:
    // where weights are stated, 成本指标 and the like are 二级 names under a weighted header
    const head = leadingJunkOff(normalizeLabel(pending.filter((t) => t.kind === 'label').map((t) => t.text)[0] ?? ''));
    const opening = /^(产出|效益|满意度|成本)指标/.exec(head);
    const bare = opening && (head.length === opening[0].length || LEVEL_TWO.test(head.slice(opening[0].length))) ? opening : null;
    const weighted = form.sections.some((s) => s.weight);
    if (bare && !weighted && !SECTION.test(joined) && (!this.section || this.section.name !== bare[0])) {
      // a section header without a stated weight
      this.section = { name: bare[0], weight: null, loc: sourceLocation(file, line) };
      form.sections.push(this.section);
    }
    const sec = SECTION.exec(joined) ?? weightWrapped(pending, this.lines[k + 1]);
    if (sec) {
      // `(50分)` reads as one label: the weight is taken from the header's own text
      const headerLine = [...this.lines.slice(this.start, k + 1)].reverse().find((l) => l.text.includes(`${sec[2]}分`)) ?? line;
      const weight = headerWeight(file, headerLine, sec[2]);
      const weightToken = pending.find((t) => t.text.includes(`${sec[2]}分`) || (t.kind === 'number' && t.text === sec[2]));
      const section = this.section;
      if (section && section.name === `${sec[1]}指标` && !section.weight && !form.indicators.some((x) => x.section === section.name)) {
        // `产出指标` on one line, `(50分)` on the next: one header
        section.weight = weight;
      } else {
        this.section = { name: `${sec[1]}指标`, weight, loc: sourceLocation(file, line) };
        form.sections.push(this.section);
      }
      // what follows the header on the same lines belongs to the first indicator, the rest of a
      // label the header runs into among them (cells one space apart are one label)
      const rest = weightToken && labelAfterWeight(weightToken, sec[2], this.textOfLine.get(weightToken.line) ?? '');
      const after = weightToken ? [...(rest ? [rest] : []), ...pending.slice(pending.indexOf(weightToken) + 1).filter((t) => !/^[)）分]+$/.test(t.text))] : [];
      // Where weights are stated every row is under a weighted header, so rows read above the
      // first one show its cell centred over rows above it and below, in any text (pdfplumber's
      // lines by position as much as pdftotext -layout's columns). In text laid out in columns a
      // cell set at the top of its rows shares its first row's line: one alone on its line below
      // rows already read is centred too.
      const above = form.indicators.some((x) => x.section === null);
      if (form.indicators.length && (above || (this.laidOut && !after.length))) this.sectionsInDoubt = true;
      this.figuresLeft += figuresIn(pending.filter((t) => t !== weightToken && !after.includes(t)));
      this.pending = after;
      if (!this.pending.length) return false;
    }
    return true;
  }

  /** the indicator the pending words make, closed by its 分值 and 得分 */
  private readWordsIndicator(line: SourceLine, scores: { weight: Token; score: Token; stray?: Token }): void {
    const { form, file, textOfLine, section } = this;
    const { weight: w, score: s, stray } = scores;
    if (stray) this.notes.push({ message: `${form.project}: 指标行末多出数字 ${stray.text}，按 分值 ${w.text}、得分 ${s.text} 读取`, loc: sourceLocation(file, line) });
    // the row's words as printed (spaces kept: they part 指标值 from 实际值), up to its 分值
    const before = this.pending.slice(0, this.pending.indexOf(w));
    const segment = (n: number) => {
      const from = Math.min(...before.filter((t) => t.line === n).map((t) => t.column));
      return (textOfLine.get(n) ?? '').slice(from - 1, n === w.line ? w.column - 1 : undefined);
    };
    const rowLines = [...new Set(before.map((t) => t.line))];
    let rowText = rowLines.map(segment).join(' ');
    // A row that lost points explains why in prose printed under it; when the next row's name
    // starts its own line, that prose is all that stands between them.
    const above = form.indicators[form.indicators.length - 1];
    const opener = before.find((t) => t.line === w.line);
    const earlier = normalizeLabel(rowLines.filter((n) => n !== w.line).map(segment).join(''));
    if (above && !above.note && above.score && above.weight && above.score.value < above.weight.value && opener?.kind === 'label' && !/^[≥≤=＝<>＜＞]/.test(opener.text) && /[，。；]|^(由于|因为|因|受)/.test(earlier) && !LEVEL_NAME_ANYWHERE.test(earlier)) {
      above.note = earlier;
      rowText = segment(w.line);
    }
    const values = printedValues(rowText);
    // the name: what precedes the values, without the section's and the 二级 name;
    // the rest of a wrapped `(10分)` header is not part of it
    let words = leadingJunkOff(normalizeLabel(rowText.slice(0, values.first ?? rowText.length)).replace(/^分?[)）]+/, ''));
    if (section && words.startsWith(section.name) && words.length > section.name.length) words = words.slice(section.name.length);
    // a note in prose before a 二级 name belongs to the row above (偏差原因分析)
    const inside = [...words.matchAll(LEVEL_TWO_INSIDE)].pop();
    const previous = form.indicators[form.indicators.length - 1];
    if (inside && inside.index! > 0 && /[，。；]/.test(words.slice(0, inside.index)) && previous) {
      previous.note = words.slice(0, inside.index);
      words = words.slice(inside.index);
    }
    const two = LEVEL_TWO.exec(words);
    if (two) this.level2 = two[0];
    else if (!form.indicators.some((x) => x.section === (section?.name ?? null))) this.level2 = null;
    const indicator: FormIndicator = {
      section: section?.name ?? null,
      // a row that is all 二级 name (数量指标 数量指标 ≥79114人) keeps it as its name
      name: (two ? words.slice(two[0].length) : words) || words,
      level2: this.level2,
      target: values.target,
      actual: values.actual,
      weight: assigned(numberCell(file, w, null)),
      weightText: w.text,
      score: assigned(numberCell(file, s, null)),
      loc: sourceLocation(file, line),
    };
    form.indicators.push(indicator);
    // figures closing a row with no words of its own: the text's lines are out of the page's order
    // (a cell's lines grouped apart from its row's), and no row can be trusted to be one row
    if (!indicator.name && !indicator.target && !this.indicatorsUnread) this.indicatorsUnread = '指标行的文字与分值、得分不在同一行（提取的文字打乱了表格的行），指标与总分未读取';
    // the header's names run into the row: its name is what follows them; a row that then has
    // no 分值 took its figures from other cells, and which figure is whose is not known
    const name = pastHeaderNames(indicator.name);
    if (name !== null) {
      indicator.name = name;
      if (!((indicator.weight?.value ?? 0) > 0) && !this.indicatorsUnread) this.indicatorsUnread = '指标表头的栏名连进了指标行（提取的文字打乱了表格的行），分不清各数字属于哪一栏，指标与总分未读取';
    }
  }

  /** notes, said as diagnostics, for what of the form could not be read (end: where the form ended) */
  sayWhatWasNotRead(end: number): void {
    const { form, notes } = this;
    const title = form.title.includes(form.project) ? form.title : `${form.project} ${form.title}`;
    const say = (reason: string) => notes.push({ message: `${form.project}: ${reason}`, loc: form.loc, partly: { title, reason } });
    const cut = this.indicatorsUnread ? null : cutShort(form, this.lines, end);
    // no indicator read (its header's 一级 / 指标 wrapped over lines, its words run into others): never a silent pass
    if (!form.indicators.length && !this.indicatorsUnread) this.indicatorsUnread = '未能读出任何一行绩效指标（未找到指标表头，或其下各行没有分值、得分），指标与总分未读取';
    const left = this.indicatorsUnread || cut ? null : figuresLeftUnread(form, this.figuresLeft);
    if (this.indicatorsUnread) {
      form.indicators = [];
      form.sections = [];
      form.total = null;
      say(this.indicatorsUnread);
    } else if (left) {
      // rows lost among the indicators: what each row says stays, sums over rows are not checked
      form.total = null;
      form.sections = [];
      for (const x of form.indicators) x.section = null;
      say(left);
    } else if (cut) {
      // the last 一级 cell lost rows, and cells centred over rows cut off cannot be placed
      form.sections = [];
      for (const x of form.indicators) x.section = null;
      say(cut);
    } else if (placeSections(form, this.sectionsInDoubt) === 'unplaced') {
      // a guess would put one section's rows under another and misstate 分区分值
      form.sections = [];
      for (const x of form.indicators) x.section = null;
      say('一级指标的单元格印在其各行之间，分不清各行属于哪个一级指标，各一级指标的分值未核对');
    }
    if (this.fundsUnread) {
      form.funds = [];
      form.total = null;
      say(this.fundsUnread);
    }
  }
}
