/** The whole document → the normalized report: metadata, tables, and what could not be read. */
import type { SourceLine, SourceText } from '../ingest/text.js';
import { mostCommon } from '../common/counts.js';
import { unreadPages } from '../ingest/pdf-common.js';
import { scopeClaims } from './scope-words.js';
import { malformedYearClaims } from './printed-years.js';
import { sourceLocation } from './cells.js';
import { withoutPageFurniture } from '../layout/page-furniture.js';
import { withoutSheetHeadings } from '../layout/sheet-headings.js';
import { joinVerticalText } from '../layout/vertical-text.js';
import { joinFiguresWrappedInCells } from '../layout/cell-figures.js';
import { joinFigureTailsInText } from '../layout/text-figure-tails.js';
import { joinPagesAcross } from '../layout/pages-across.js';
import { findTableRegions, type TableRegion, type UnreadTitle } from '../layout/regions.js';
import { findRotatedText, withoutRotatedText } from '../layout/rotated-text.js';
import { copiedTableLines, findSecondDisclosure } from './second-disclosure.js';
import { readContents } from './contents.js';
import { readNames } from './names.js';
import { nilClauses, nilStatementOf } from './nil-statements.js';
import { buildTables } from './tables/build.js';
import { markEarlierClassNames } from './tables/class-names.js';
import { defaultCatalog, familyOf, specFor, type Catalog } from './tables/catalog.js';
import { tableKinds } from './tables/kinds.js';
import { extractClaims } from './claims/claims.js';
import { extractForms, extractGrades } from './forms/forms.js';
import { findScoringRule } from './forms/scoring-rule.js';
import { formKindOfTitle } from './forms/form-vocabulary.js';
import type { DocumentKind, ParseNote, Report, Unit } from './types.js';
import { mergeParts } from './parts.js';

const HEAD_LINES = 400;
/** a grades summary's first graded project stands this close under its title (its header, a group's name between) */
const GRADES_UNDER_TITLE = 12;

/** by the family of its tables (most of them), else by what its text calls itself */
function detectKind(text: string, head: string, families: DocumentKind[]): DocumentKind {
  const finals = families.filter((f) => f === '决算').length;
  const budgets = families.filter((f) => f === '预算').length;
  if (finals || budgets) return finals >= budgets ? '决算' : '预算';
  // what the cover calls it, or the first statement of a year's own 预算 or 决算, before a mention
  // anywhere of the other (a budget's 三公 note states last year's 决算 after its own 预算)
  const named = coverKind(text) ?? statedKind(head, text);
  if (named) return named;
  if (/决算/.test(text)) return '决算';
  if (/预算/.test(text)) return '预算';
  return 'unknown';
}

/** what the cover calls the document (2019年度部门预算公开, 某局2023年度部门决算), or undefined */
const COVER_KIND_RE = /(?:部门|单位)\s*(决算|预算)|(决算|预算)\s*公开/;
/** lines of print a cover spans */
const COVER_LINES = 40;

function coverKind(text: string): DocumentKind | undefined {
  const named = COVER_KIND_RE.exec(firstPrinted(text, 600));
  return named ? ((named[1] ?? named[2]) as DocumentKind) : undefined;
}

function coverLines(lines: SourceLine[]): SourceLine[] {
  return lines.filter((l) => l.text.trim()).slice(0, COVER_LINES);
}

/**
 * the cover's line that names the document a department's (or unit's) budget or final account
 * (某乡人民政府2022年部门预算, 2019年度部门预算公开), if one does: a title, not a sentence or a note that
 * speaks of 部门预算管理
 */
export function disclosureTitle(lines: SourceLine[]): SourceLine | undefined {
  return coverLines(lines).find((l) => COVER_KIND_RE.test(l.text) && l.text.trim().length <= TITLE_LENGTH && !/[，,。；;：:]/.test(l.text));
}
/** characters a title's line holds at most */
const TITLE_LENGTH = 40;

/** the text's first n characters, its runs of white space one space each: a text laid out as on the page pads a cover with spaces */
function firstPrinted(text: string, n: number): string {
  let out = '';
  for (let from = 0; out.length < n && from < text.length; from += 4 * n) out += text.slice(from, from + 4 * n).replace(/\s+/g, ' ');
  return out.replace(/\s+/g, ' ').slice(0, n);
}

/**
 * The kind the head's first statement of a year's own budget or final account names (2022年“三公”经费
 * 预算安排情况), or 决算 where the text states that year's 决算 anywhere: not a year compared with, a
 * year's 执行 (the final account of a budget), its 年初 or 调整 budget (what a final account compares
 * with), nor a fund's name (一般公共预算).
 */
function statedKind(head: string, text: string): DocumentKind | undefined {
  // 2023年一般公共预算财政拨款基本支出: 一般公共预算 is a fund, not what the document is
  const own = (o: RegExpMatchArray) => !/执行$|年初|调整|一般公共预算$|基金预算$|经营预算$/.test(o[0]);
  const m = ownedYears(head, OWN_YEAR_RE).find(own);
  if (!m) return undefined;
  return /决算/.test(m[0]) || statesFinalOf(text, m[1]) ? '决算' : '预算';
}

/**
 * Whether the text says 决算 of the year (2023年度“三公”经费预算为 A 万元，支出决算为 B 万元: the
 * sentence's year, or none): a final account states its year's budget too; a budget states only
 * another year's 决算 (2021年“三公”经费决算情况, 上年决算数).
 */
function statesFinalOf(text: string, year: string): boolean {
  for (const m of text.matchAll(/决算/g)) {
    // 上年决算数; 预决算 (budgets and final accounts, what a body reviews) names no year's 决算
    if (/(上|上一|以前)年度?(支出)?$|预$/.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    const start = Math.max(text.lastIndexOf('。', m.index), text.lastIndexOf('\n', m.index)) + 1;
    const said = [...text.slice(start, m.index).matchAll(/(20\d{2})\s*年/g)].pop();
    if (!said || said[1] === year) return true;
  }
  return false;
}

// 2023年度部门决算, 2023年区级部门预算, 2024年单位预算 (…预算执行 kept in the match: a year's execution is the year before's);
// not a year said to have none (2014年也未安排此项预算, 眉山 2015)
const OWN_YEAR_RE = /(20\d{2})\s*年(?:度)?[^\d\n，。、；也未无没]{0,6}?(?:部门|单位)?\s*(?:决算|预算)(?:执行)?/g;

/** the years `re` finds in text, never the year a comparison names (比2021年预算增加…, 与2020年预算基本持平, 比2019年（疫情前）决算数减少…), which is another year's */
const ownedYears = (text: string, re: RegExp) => [...text.matchAll(re)].filter((m) => !COMPARED_YEAR.test(text.slice(Math.max(0, m.index - 4), m.index)));

/** where the line of text that holds a match starts */
const lineStart = (text: string, m: RegExpMatchArray) => text.lastIndexOf('\n', m.index!) + 1;

/**
 * the latest year the matches name on each line of text, by where the line starts: a header naming
 * two years' columns (2016年预算数 2017年预算数) is of the later one's table, the earlier compared with
 */
function latestByLine(text: string, found: RegExpMatchArray[]): Map<number, number> {
  const latest = new Map<number, number>();
  for (const m of found) {
    const at = lineStart(text, m);
    latest.set(at, Math.max(latest.get(at) ?? -Infinity, Number(m[1])));
  }
  return latest;
}

function detectYear(head: string): number | null {
  const found = ownedYears(head, OWN_YEAR_RE);
  const m = found[0] ?? ownedYears(head, /(20\d{2})\s*年度/g)[0];
  if (!m) return null;
  return Math.max(latestByLine(head, found).get(lineStart(head, m)) ?? -Infinity, Number(m[1]));
}

/**
 * The document's year: the one its front names first, unless the whole document names another far
 * more often (a cover or a first heading mistyped, 2018年度 in a 2019 budget whose every title and
 * statement says 2019: taking the typo would make every one of them wrong)
 */
function documentYear(head: string, all: string): number | null {
  const first = detectYear(head);
  const votes = new Map<number, number>();
  const owned = ownedYears(all, OWN_YEAR_RE);
  // a line naming a later year's too (a header's 2023年预算数 beside 2024年预算数) names the year compared with
  const latest = latestByLine(all, owned);
  const compared = (m: RegExpMatchArray) => latest.get(lineStart(all, m))! > Number(m[1]);
  for (const m of owned) if (!m[0].endsWith('执行') && !compared(m)) votes.set(Number(m[1]), (votes.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of votes) if (best === null || n > votes.get(best)!) best = y;
  if (first === null) return best;
  return best !== null && best !== first && votes.get(best)! >= 3 && votes.get(best)! >= 2 * (votes.get(first) ?? 0) ? best : first;
}
/** the words before a year that make it the year compared with: 比, 较, 与, 同, 相比, 对比 */
const COMPARED_YEAR = /(比|较|与|同|相比|对比|相较)\s*$/;

/** the cover's name before its title: 上海市普陀区规划和自然资源局 | 2024 年度部门决算 */
const COVER_NAME_RE = /^([^\d\s，。、:：]{4,40}?)\s*(?:20\d{2}|XX|xx)\s*年度?\s*(?:部门|单位)?\s*(?:决算|预算)/;

function detectDepartment(head: string): string | null {
  const cover = head.split('\n', 4).join('').replace(/\s/g, '');
  const m =
    /部门(?:（单位）)?\s*[:：]\s*([^\s:：金]{2,40}?)(?=\s|金额|单位|$)/m.exec(head) ??
    /(?:预算单位|预算主管部门|编制单位|单位名称)\s*[:：]\s*([^\s:：金]{2,40}?)(?=\s|金额|单位|$)/m.exec(head) ??
    COVER_NAME_RE.exec(cover) ??
    /纳入\s*\d{4}\s*年度.*?具体包括[:：]\s*\n*\s*([^\s（(]{2,40})/.exec(head) ??
    /([^\s，。、]{2,30}?(?:局|办公室|委员会|中心))部门\s*\d{4}\s*年/.exec(head);
  // 关于某市民政局2024年部门预算的说明: the title's 关于 is no part of the name
  return m ? m[1].replace(/^(?:纳入|关于)/, '') : null;
}

/**
 * Whether any of these lines stands between two line numbers: what the narrative leaves out
 * between two of its lines (a table, a form) is among them; a page number taken away is not.
 */
function linesBetween(lines: SourceLine[]): (a: number, b: number) => boolean {
  const numbers = Int32Array.from(lines, (l) => l.line).sort();
  return (a, b) => {
    // the first number after a (binary search), and whether it comes before b
    let lo = 0;
    let hi = numbers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (numbers[mid] <= a) lo = mid + 1;
      else hi = mid;
    }
    return lo < numbers.length && numbers[lo] < b;
  };
}

/**
 * companions: the reports of the other parts of the same disclosure, published as files of their
 * own (the 说明 in one PDF, the 公开表 in another): their tables are this part's too, so that its
 * sentences are checked against them, its 目录 finds them and it may say why one is empty; the
 * report returned holds every part (mergeParts), each figure located in its own file.
 */
export function buildReport(printed: SourceText, catalog: Catalog = defaultCatalog(), companions: Report[] = []): Report {
  // a turned page's text, a character a line, is said and not read (its lines blanked)
  const rotated = findRotatedText(printed.lines);
  // a figure broken over lines in its ruled cell is one figure, for every reader
  const read = joinFigureTailsInText(joinFiguresWrappedInCells(withoutRotatedText(printed.lines, rotated), printed.rulings));
  const whole: SourceText = { ...printed, lines: joinPagesAcross(withoutPageFurniture(withoutSheetHeadings(read))) };
  const notes: ParseNote[] = [];
  // a title that says neither 预算 nor 决算 is of the kind of document the cover names
  const cover = coverLines(whole.lines).map((l) => l.text);
  const kinds = tableKinds(catalog, coverKind(cover.join('\n')));
  let unknown: UnreadTitle[] = [];
  let regions = findTableRegions(whole, kinds, unknown);
  // a table printed twice (a copy-all's text past a page's edge) is read once
  const copies = copiedTableLines(regions);
  const withoutCopies = (found: TableRegion[]) => (copies.size ? found.map((r) => ({ ...r, lines: r.lines.filter((l) => !copies.has(l.source.line)) })) : found);
  regions = withoutCopies(regions);
  // a second disclosure in the same file is cut off, not merged into the first
  const second = findSecondDisclosure(regions, whole.lines);
  const source = second ? { ...whole, lines: whole.lines.filter((l) => l.line < second.from) } : whole;
  if (second) regions = withoutCopies(findTableRegions(source, kinds, (unknown = [])));
  const tables = buildTables(regions, source.file, notes, catalog, source);
  const all = source.lines.map((l) => l.text).join('\n');
  const head = source.lines
    .slice(0, HEAD_LINES)
    .map((l) => l.text)
    .join('\n');
  const theirs = companions.flatMap((c) => c.tables);
  const known = [...tables, ...theirs];
  markEarlierClassNames(tables, known, catalog);
  const units = known.map((t) => t.unit).filter((u): u is Unit => u !== null);
  const unit = mostCommon(units) ?? null;
  const kind = detectKind(all, head, known.map((t) => specFor(catalog, t.id)?.document ?? 'unknown'));
  const inTables = new Set<number>(copies);
  for (const r of regions) {
    inTables.add(r.anchorLine);
    if (r.titleLine !== null) inTables.add(r.titleLine);
    for (const l of r.lines) for (const n of [l.source.line, ...(l.source.joined ?? [])]) inTables.add(n);
  }
  const narrative = source.lines.filter((l) => !inTables.has(l.line));
  // forms first: a score stated in the narrative is matched to its form by project name
  // a form's words set down its cells (项目资金（元）, 绩效指标) are put back together for the forms; a
  // line that held only such characters is no narrative either
  const upright = joinVerticalText(narrative);
  const kept = new Set(upright.map((l) => l.line));
  const { forms, targetTable, formLines, unnamed } = extractForms(upright, source.file, unit, notes, source.rulings);
  // a project form's title with no 项目名称 under it is a form not read (said, and counted as published), unless a table's title already said it
  for (const line of unnamed) if (!unknown.some((u) => u.line.line === line.line)) unknown.push({ line });
  const family = known.length ? familyOf(catalog, kind, known.map((t) => t.id)) : null;
  const year = documentYear(head, all) ?? companions.find((c) => c.year !== null)?.year ?? null;
  const claimLines = narrative.filter((l) => !formLines.has(l.line) && kept.has(l.line));
  // an empty table may be explained in the narrative instead of a note under it
  const nil = nilClauses(claimLines, source.file);
  for (const t of known) {
    const spec = specFor(catalog, t.id);
    // a companion's table keeps what its own file said of it being empty
    if (!theirs.includes(t) || !t.nilInNarrative) t.nilInNarrative = nilStatementOf(nil, spec?.subjects.length ? spec.subjects : [t.kindName]);
  }
  const names = readNames(source.lines, source.file, new Set(claimLines.map((l) => l.line)));
  const allForms = [...forms, ...companions.flatMap((c) => c.forms)];
  const graded = extractGrades(narrative, source.file);
  const gradedUnder = (title: SourceLine) => [...graded.lines].some((n) => n > title.line && n - title.line <= GRADES_UNDER_TITLE);
  const stated = extractClaims(claimLines, source.file, { tables: known, kind, year, forms: allForms, catalog }, linesBetween(source.lines));
  const report: Report = {
    file: source.file,
    kind,
    year,
    department: names.self ?? detectDepartment(all),
    names: names.mentions,
    unit,
    tables,
    family: family && { id: family.id, required: family.required.map((id) => ({ id, name: specFor(catalog, id)?.title ?? id })) },
    // a form's cells are no sentences: its figures are the form's, not claims
    // …and the headings that name the document's scope (部门, 单位), as its cover does or not, and years printed
    // wrongly anywhere
    claims: [...stated.claims, ...scopeClaims(source.lines, source.file), ...malformedYearClaims(source.lines, source.file)],
    sentences: stated.sentences,
    forms,
    grades: graded.grades,
    scoringRule: findScoringRule(narrative, source.file),
    targetTable,
    // pages of a PDF not read, or read in part, a text's pages without text: what is not found may stand there
    unreadPages: unreadPages(printed),
    rotatedText: rotated.map((r) => ({ loc: { ...sourceLocation(printed.file, r.from), endLine: r.to.line, endColumn: r.to.text.length + 1 }, ...(r.to.page !== undefined ? { endPage: r.to.page } : {}), lines: r.lines })),
    // a section the 目录 lists may stand in text or on pages that were not read: not known, rather than missing
    contents: readContents(source.lines, source.file, known.flatMap((t) => [t.title, t.kindName])).map((e) => ((rotated.length || (unreadPages(printed).length && !e.near)) && e.found === false ? { ...e, found: null } : e)),
    notes,
    // a form's title is the forms' reader's (项目支出绩效自评表), not an unknown table; one whose body it found no rows of is a form not read
    // …nor is the title of a summary of the projects' grades whose lines the grades' reader read (…绩效自评情况汇总表)
    unknownTables: unknown.filter((u) => !formLines.has(u.line.line) && !gradedUnder(u.line)).map((u) => {
      const form = formKindOfTitle(u.line.text);
      return { title: u.line.text.trim(), loc: sourceLocation(source.file, u.line), ...(u.sameKindAs ? { sameKindAs: u.sameKindAs } : {}), ...(form ? { form } : {}) };
    }),
    ...(second ? { secondDisclosure: second } : {}),
  };
  return companions.length ? mergeParts(report, companions) : report;
}

