/**
 * What every PDF engine shares: glyphs → lines by baseline → pieces, radical folding, the test
 * for unreadable characters, and the one-line messages for files that cannot be read. An engine
 * only has to say where each character stands on its page.
 */
import { withoutGlyphStrokes } from './glyph-strokes.js';
import { repeatedRuns, withoutOverlay, withoutRuns, type LargeRun } from './watermark.js';
import type { Deadline } from './limits.js';
import type { PagePicture, PageRulings, Picture, Rulings, Segment } from './rulings.js';
import { foldFullwidthFigures, InputError, type PositionedPiece, type SourceLine, type SourceText } from './text.js';

/**
 * Why a page was not read, or read in part: a damaged content stream, a scan under OCR text,
 * characters without a Unicode map, a wrong map, text drawn but not extractable, a picture only
 */
export type PageProblemReason = 'damaged' | 'scanned' | 'unmapped-glyphs' | 'sideways' | 'mismapped' | 'no-extractable-text' | 'picture';

export interface PdfPageProblem {
  page: number;
  reason: PageProblemReason;
  message: string;
}

export interface PdfText extends SourceText {
  pages: number;
  /** pages not read, or read in part: unmapped glyphs, a picture of a page, damaged content */
  problems: PdfPageProblem[];
}

/** the pages of a PDF not read, or read in part, with why (none for text input) */
export function pageProblems(source: SourceText): PdfPageProblem[] {
  return (source as Partial<PdfText>).problems ?? [];
}

/** the pages of a PDF not read, or read in part (none for text input), each once, in order */
export function unreadPages(source: SourceText): number[] {
  return [...new Set(pageProblems(source).map((p) => p.page))];
}

/** one character as placed on the page, in viewport space (points; x right, y down) */
export interface Glyph {
  text: string;
  x0: number;
  x1: number;
  /** baseline */
  y: number;
  /** font size as drawn, points */
  size: number;
}

export interface PageGlyphs {
  glyphs: Glyph[];
  /** the page as displayed, points: text outside it is not printed */
  width: number;
  height: number;
  /** runs of characters that came out as control or private-use code points */
  unreadable: number;
  /** characters left out as a watermark (watermark.ts: set at a slant, or large over text): a page holding only those holds no text */
  slanted?: number;
  /**
   * characters left out for running another way than the page's text (turned a quarter or half
   * turn from it): a page number kept upright on a page whose table pdflscape turned, a label
   * set up a narrow cell. They would read as a column of single characters among the rows.
   */
  sideways?: number;
  /** asked only of a page without text: whether it draws glyphs, and pictures, at all */
  drawn?: () => Promise<Drawn> | Drawn;
  /** the ruled lines the page draws (table borders); read only on a page with text */
  rulings?: Rulings;
  /** where the page paints pictures (a table pasted as one); read only on a page with text */
  pictures?: Picture[];
  /** the page's object number in the file, to know it among the damaged (pdf-streams.ts) */
  objectNumber?: number;
  /** a scan with a text layer from OCR: a picture, and text drawn invisibly over it (looksScanned) */
  scanned?: boolean;
}

export interface Drawn {
  text: boolean;
  image: boolean;
}

/** an open document, page by page (1-based); close() frees what the engine holds */
export interface PdfDocument {
  pages: number;
  page(p: number): Promise<PageGlyphs>;
  close(): Promise<void> | void;
}

/** a font without a usable Unicode map comes out as control or private-use characters: not text */
export function isUnreadable(s: string): boolean {
  return /[\u0000-\u0008\u000a-\u001f\u007f\ue000-\uf8ff\ufffd]/.test(s);
}

/** isUnreadable of one character, by its code point (a negative one, as wasm gives a large one, never gets here) */
export function isUnreadableCode(c: number): boolean {
  return c <= 0x08 || (c >= 0x0a && c <= 0x1f) || c === 0x7f || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd;
}

/** a text direction (a, b) in page space → the clockwise quarter turns that make it run left to right */
export function quarterTurns(a: number, b: number): number {
  return (Math.round(Math.atan2(b, a) / (Math.PI / 2)) + 4) % 4;
}

/** text render modes that draw nothing (3: invisible, 7: clip only) */
export const INVISIBLE_RENDER_MODES = new Set([3, 7]);
/** the share of a page's characters drawn invisibly above which its text is an OCR layer, not print */
const SCANNED_SHARE = 0.95;

/**
 * A scanned page made searchable: it paints a picture and draws (nearly) all its text invisibly
 * over it, where OCR put what it recognised. That text is the OCR's reading, not what is printed:
 * its figures can be misread (1.70 as 170, 3.22 as 22), so it is not checked.
 */
export function looksScanned(invisible: number, characters: number, paintsImage: boolean): boolean {
  return paintsImage && characters > 0 && invisible >= SCANNED_SHARE * characters;
}

/** a rectangle in viewport space */
export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** a point's leeway outside a clip box: a glyph's middle a hair outside its cell's clip is still printed */
const CLIP_LEEWAY = 1;

/** whether the middle of a glyph (half an em above its baseline, as onPage measures it) lies within the box */
export function insideClip(g: Glyph, box: Box): boolean {
  const x = (g.x0 + g.x1) / 2;
  const y = g.y - 0.35 * g.size;
  return x >= box.x0 - CLIP_LEEWAY && x <= box.x1 + CLIP_LEEWAY && y >= box.y0 - CLIP_LEEWAY && y <= box.y1 + CLIP_LEEWAY;
}

/** a gap wider than this share of the font size ends a piece: cells never run into each other */
const PIECE_GAP_EMS = 0.3;
/**
 * …and between Chinese and Latin text (figures, brackets): a typesetter spaces them apart by up to
 * this (XeTeX's xeCJK 0.36 em: 20 天, ≥ 98%, 预算数 (万元)), where two cells stand further apart
 * or a rule parts them (walledOff)
 */
const AUTOSPACE_EMS = 0.4;
const ASCII_RE = /^[\x21-\x7e]$/;
const autospaced = (a: Glyph, b: Glyph) => ASCII_RE.test(a.text) !== ASCII_RE.test(b.text);

/**
 * Whether a gap between two characters, in ems, is a typesetter's spacing of Chinese and Latin
 * rather than a space: wider than a piece's own gaps, not wider than that spacing, and between
 * the two scripts. pdf.js marks such a gap with a space of its own making (PDFium does not).
 */
export function isScriptSpacing(before: string, after: string, ems: number): boolean {
  return ems > PIECE_GAP_EMS && ems <= AUTOSPACE_EMS && ASCII_RE.test(before) !== ASCII_RE.test(after);
}

/**
 * glyphs of one line, left to right → pieces: touching glyphs join, a space or a gap splits, and so
 * does a cell's rule (walls: the x of the vertical rules the line crosses) with a gap after it
 */
function piecesOf(glyphs: Glyph[], walls: number[]): PositionedPiece[] {
  const pieces: PositionedPiece[] = [];
  let current: PositionedPiece | null = null;
  let last: Glyph | null = null;
  // the gap before the piece's last glyph: 0 for its first
  let lastGap = 0;
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i];
    if (isSpace(g)) {
      // a space drawn over the glyph before it stands in no gap: iText ends each paragraph with a
      // space 2 pt under its last line, at the page's middle (项目支出绩效 目标自评表 otherwise)
      if (!(current && last && g.x0 < last.x1 - SPACE_OVERLAP_EMS * last.size)) current = null;
      continue;
    }
    // text drawn twice a hair apart (fake bold) is one text
    if (last && current && g.text === last.text && Math.abs(g.x0 - last.x0) < 0.15 * g.size) continue;
    const gap = current ? g.x0 - current.x1 : Infinity;
    const joins = gap <= PIECE_GAP_EMS * g.size || (last !== null && gap <= AUTOSPACE_EMS * g.size && autospaced(last, g));
    if (current && last && joins && !droppedSpace(last, glyphs, i, gap, lastGap) && !walledOff(last, g, gap, walls)) {
      current.text += g.text;
      current.x1 = Math.max(current.x1, g.x1);
      lastGap = gap;
    } else {
      current = { text: g.text, x0: g.x0, x1: g.x1 };
      pieces.push(current);
      lastGap = 0;
    }
    last = g;
  }
  return pieces;
}

const isSpace = (g: Glyph) => /^\s+$/.test(g.text);
/** how far a space may start inside the glyph before it and still be a space between the two */
const SPACE_OVERLAP_EMS = 0.1;

/** the gap after glyph i to the next on its line; 0 at the line's end or before a space */
function gapAfter(glyphs: Glyph[], i: number): number {
  const next = glyphs[i + 1];
  return next && !isSpace(next) ? Math.max(0, next.x0 - glyphs[i].x1) : 0;
}

/** a gap this share of the font size between letters or figures is a space (a Latin space is 0.2–0.33 em) */
const DROPPED_SPACE_EMS = 0.15;
const LETTER_OR_FIGURE = /^[0-9A-Za-z]$/;

/**
 * Whether a gap between two glyphs is a space the producer left out as a glyph and drew as a
 * move (cairo does: 630200 25T000 000000 comes out as one word 63020025T000000000 otherwise).
 * Only between letters and figures: Word and Writer leave a gap as wide (0.2–0.25 em, measured
 * on every PDF here) between figures and Chinese characters (2024 年) without a space. And only
 * where the gap stands out from those beside it (lastGap before, the next after): text spread
 * evenly is one text. The next gap is measured only for such a gap: this runs for every glyph.
 */
function droppedSpace(last: Glyph, glyphs: Glyph[], i: number, gap: number, lastGap: number): boolean {
  const g = glyphs[i];
  if (gap <= DROPPED_SPACE_EMS * g.size || !LETTER_OR_FIGURE.test(last.text) || !LETTER_OR_FIGURE.test(g.text)) return false;
  return gap - Math.max(lastGap, gapAfter(glyphs, i)) > 0.1 * g.size;
}

/** a gap this share of the font size after a glyph that ends past a cell's rule parts two cells */
const WALL_GAP_EMS = 0.1;

/**
 * Whether a cell's rule stands between two glyphs set a gap apart: the first ends past the rule,
 * the next starts after it. ReportLab, and Word with hanging punctuation (允许标点溢出边界), let a
 * closing bracket hang over the cell's right rule: the next cell's ≥6.53万人 starts 1.2 pt (0.15 em)
 * after it. Text that runs on over a rule (Excel's overflow into an empty cell) has no gap there.
 */
function walledOff(last: Glyph, g: Glyph, gap: number, walls: number[]): boolean {
  if (gap < WALL_GAP_EMS * g.size) return false;
  const mid = (last.x0 + last.x1) / 2;
  return walls.some((x) => x > mid && x <= g.x0);
}

/** the x of the vertical rules that cross a line set at baseline y in this size */
function wallsAt(vertical: Segment[], y: number, size: number): number[] {
  return vertical.filter((s) => s.from < y - 0.5 * size && s.to > y).map((s) => s.at);
}

/**
 * Positions to a hundredth of a point: PDFium computes in single precision, pdf.js in double, and
 * the layout's thresholds must not tell 463.14 from 463.14004.
 */
const hundredths = (v: number) => Math.round(v * 100) / 100;

/** group glyphs into lines by baseline; superscripts and jitter within a third of the size join */
export function buildLines(glyphs: Glyph[], page: number, firstLine: number, vertical: Segment[] = []): SourceLine[] {
  const sorted = glyphs.filter((g) => g.text !== '').sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const rows: Glyph[][] = [];
  for (const g of sorted) {
    const row = rows[rows.length - 1];
    const ref = row?.[0];
    if (row && Math.abs(ref.y - g.y) <= Math.max(2, 0.35 * Math.min(ref.size, g.size))) row.push(g);
    else rows.push([g]);
  }
  const lines: SourceLine[] = [];
  for (const row of rows) {
    const size = hundredths(row[0].size);
    const pieces = piecesOf(row.sort((a, b) => a.x0 - b.x0), vertical.length ? wallsAt(vertical, row[0].y, row[0].size) : []);
    if (!pieces.length) continue;
    // the line's text: pieces joined by one space (columns are told apart by x, not by spacing)
    let text = '';
    const placed: PositionedPiece[] = [];
    for (const p of pieces) {
      if (text) text += ' ';
      const printed = foldFullwidthFigures(p.text);
      placed.push({ text: printed, x0: hundredths(p.x0), x1: hundredths(p.x1), column: text.length + 1, size });
      text += printed;
    }
    lines.push({ line: firstLine + lines.length, pageLine: lines.length + 1, text, page, pieces: placed, y: hundredths(row[0].y), size });
  }
  return lines;
}

/** some producers leave text outside the page box (WPS 表格 repeats overflow there): it is not printed */
function onPage(g: Glyph, width: number, height: number): boolean {
  const x = (g.x0 + g.x1) / 2;
  const y = g.y - 0.35 * g.size;
  return x >= 0 && x <= width && y >= 0 && y <= height;
}

export const pdfErrors = {
  notPdf: (file: string) => new InputError(`${file} 不是 PDF 文件`),
  encrypted: (file: string) => new InputError(`${file} 是加密的 PDF，请先去除密码保护再检查`),
  corrupt: (file: string, detail: string) => new InputError(`${file} 已损坏或不完整，无法读取（${detail.trim()}）`),
};

export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

function describe(err: unknown): string {
  const e = err as { name?: string; message?: string };
  return `${e?.name ?? ''} ${e?.message ?? String(err)}`;
}

/** a Latin letter with an accent (ÿ, ó, Ā) beside a Chinese character or punctuation mark */
const MISMAPPED_LETTER = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef][\u00c0-\u024f]|[\u00c0-\u024f][\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g;
/** one alone on a page can be a foreign name; such pages have two to hundreds */
const MISMAPPED_PER_PAGE = 2;

/**
 * Characters of scripts a Chinese disclosure does not print (Greek to Khmer, bidi controls, CJK
 * strokes, CJK Extension A, Lisu to Cham): a font without a Unicode map whose glyph numbers are
 * taken for code points gives a page of them, among common Chinese characters. The scripts of
 * China's autonomous regions (Arabic for Uyghur and Kazakh, Tibetan, Mongolian, Yi, Hangul) are
 * left out: a bilingual cover prints them.
 */
const FOREIGN_SCRIPT = /[\u0370-\u05ff\u0700-\u074f\u0780-\u0eff\u1000-\u10ff\u1200-\u17ff\u18b0-\u1fff\u202a-\u202e\u2066-\u2069\u2c00-\u2dff\u31c0-\u31ef\u3400-\u4dbf\ua4d0-\uabff]/g;
/** such pages are a tenth to all of them; a name in another script is a few characters of a page */
const FOREIGN_SHARE = 0.1;
const FOREIGN_AT_LEAST = 5;

/**
 * A font whose Unicode map is wrong (a PDF rewritten by a tool that guessed it, or one that
 * dropped the map) gives characters no Chinese document prints, among the Chinese: 一般公共服ó支出,
 * 部门ÿ, or a page of ࡦ࣎ޕݳ. Up to three places where it shows, or null for a page that reads as Chinese.
 */
export function mismappedSamples(lines: SourceLine[]): string[] | null {
  const found: string[] = [];
  for (const l of lines) for (const m of l.text.matchAll(MISMAPPED_LETTER)) found.push(l.text.slice(Math.max(0, m.index! - 2), m.index! + 4));
  if (found.length >= MISMAPPED_PER_PAGE) return found.slice(0, 3);
  const foreign: string[] = [];
  let count = 0;
  let characters = 0;
  for (const l of lines) {
    characters += l.text.length - (l.text.match(/\s/g)?.length ?? 0);
    // samples from different lines: one line of them shows as much as three
    let sampled = false;
    for (const m of l.text.matchAll(FOREIGN_SCRIPT)) {
      count++;
      if (sampled || foreign.length === 3) continue;
      foreign.push(l.text.slice(Math.max(0, m.index! - 2), m.index! + 4));
      sampled = true;
    }
  }
  return count >= FOREIGN_AT_LEAST && count >= FOREIGN_SHARE * characters ? foreign : null;
}

function mismappedProblem(p: number, samples: string[]): PdfPageProblem {
  return { page: p, reason: 'mismapped', message: `第 ${p} 页的文字提取有误（字体的 Unicode 映射不对：${samples.map((s) => `「${s}」`).join('、')}等处出现了中文里不该有的字母），本页未检查` };
}

/** sideways characters left out unsaid: as many as a page number (- 12 -) */
const SIDEWAYS_UNSAID = 6;

const SCANNED_PAGE = '是扫描的图片，上面的文字是文字识别（OCR）得出的隐形文字层，识别出的数字可能有误';

/** why a page gave no text, or only part of it; null for a page read whole or blank */
async function pageProblem(p: number, page: PageGlyphs, hasText: boolean, damaged: boolean, watermarked: boolean): Promise<PdfPageProblem | null> {
  const problem = (reason: PageProblemReason, message: string): PdfPageProblem => ({ page: p, reason, message });
  if (damaged) return problem('damaged', `第 ${p} 页的内容数据已损坏（解压失败），本页未检查`);
  if (page.scanned) return problem('scanned', `第 ${p} 页${SCANNED_PAGE}，本页未检查`);
  if (page.unreadable > 0) return problem('unmapped-glyphs', `第 ${p} 页有 ${page.unreadable} 处文字提取不出（字体缺少可用的 Unicode 映射），这些文字未检查`);
  if ((page.sideways ?? 0) > SIDEWAYS_UNSAID) return problem('sideways', `第 ${p} 页有 ${page.sideways} 个字与本页正文的方向不同（转了 90° 或 180°），这些文字未检查`);
  if (hasText) return null;
  const drawn = await page.drawn?.();
  if (drawn?.text && !watermarked) return problem('no-extractable-text', `第 ${p} 页绘制了文字，但提取不到文本（字体缺少可用的 Unicode 映射），本页未检查`);
  // a page with neither text nor picture is left blank on purpose
  if (drawn?.image) return problem('picture', `第 ${p} 页没有文本层（图片），未检查`);
  return null;
}

/** a PDF with no page read: why, by what its pages said */
function noText(file: string, problems: PdfPageProblem[]): InputError {
  const says = (...reasons: PageProblemReason[]) => problems.some((q) => reasons.includes(q.reason));
  if (says('scanned')) return new InputError(`${file} 是扫描件，文字来自文字识别（OCR），识别出的数字可能有误，未检查；请用原始电子文件导出的 PDF 检查`);
  if (says('mismapped')) return new InputError(`${file} 的文字提取有误（字体的 Unicode 映射不对，提取出的文字与印出的不同），请用原始文件重新导出 PDF`);
  if (says('unmapped-glyphs', 'no-extractable-text')) return new InputError(`${file} 的文字无法提取（字体缺少 Unicode 映射），请用原始文件重新导出 PDF`);
  if (says('damaged')) return pdfErrors.corrupt(file, '页面内容数据解压失败');
  return new InputError(`${file} 没有文本层（图片或扫描件），未检查；请用原始电子文件导出的 PDF 检查（扫描件做文字识别得出的数字可能有误，本工具不据此检查）`);
}

/**
 * every page of an open document → lines and page problems; the document is closed after.
 * damaged: the object numbers of pages whose content stream is broken (their text is left out:
 * a page read up to its damage would be checked as if whole), awaited once the first page is
 * read (the streams inflate meanwhile)
 */
export async function readPages(file: string, doc: PdfDocument, deadline?: Deadline, damagedPages: Set<number> | Promise<Set<number>> = new Set()): Promise<PdfText> {
  const lines: SourceLine[] = [];
  const problems: PdfPageProblem[] = [];
  const rulings: PageRulings[] = [];
  const pictures: PagePicture[] = [];
  let textPages = 0;
  let damaged: Set<number> | undefined;
  // each page read, to build its lines again where a watermark that crosses no text shows (repeatedRuns)
  const read: Array<{ p: number; printed: Glyph[]; vertical?: Segment[]; runs: LargeRun[] }> = [];
  try {
    for (let p = 1; p <= doc.pages; p++) {
      deadline?.check();
      const page = await (deadline ? deadline.within(doc.page(p)) : doc.page(p));
      damaged ??= await damagedPages;
      const broken = page.objectNumber !== undefined && damaged.has(page.objectNumber);
      const { glyphs: printed, left, runs } = withoutOverlay(broken || page.scanned ? [] : page.glyphs.filter((g) => onPage(g, page.width, page.height)));
      const watermarked = (page.slanted ?? 0) + left > 0;
      const r = printed.length && page.rulings ? withoutGlyphStrokes(page.rulings, printed) : undefined;
      const built = printed.length ? buildLines(printed, p, lines.length + 1, r?.vertical) : [];
      // text through a wrong Unicode map reads, but not as printed: figures included, so none is checked
      const mismapped = mismappedSamples(built);
      const pageLines = mismapped ? [] : built;
      if (pageLines.length) {
        textPages++;
        lines.push(...pageLines);
        read.push({ p, printed, vertical: r?.vertical, runs });
        if (r && (r.horizontal.length || r.vertical.length)) rulings.push({ page: p, horizontal: r.horizontal, vertical: r.vertical });
        for (const box of page.pictures ?? []) pictures.push({ page: p, ...box });
      }
      const problem = mismapped ? mismappedProblem(p, mismapped) : await pageProblem(p, page, pageLines.length > 0, broken, watermarked);
      if (problem) problems.push(problem);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw pdfErrors.corrupt(file, describe(err));
  } finally {
    await doc.close();
  }
  if (textPages === 0) throw noText(file, problems);
  return { file, encoding: 'utf-8', lines: withoutRepeatedRuns(read) ?? lines, rulings, pictures, pages: doc.pages, problems };
}

/** the pages' lines built again without a level watermark that crosses no text, if one shows */
function withoutRepeatedRuns(read: Array<{ p: number; printed: Glyph[]; vertical?: Segment[]; runs: LargeRun[] }>): SourceLine[] | null {
  const repeated = repeatedRuns(read.map((r) => r.runs));
  if (!repeated.size) return null;
  const lines: SourceLine[] = [];
  for (const { p, printed, vertical } of read) lines.push(...buildLines(withoutRuns(printed, repeated), p, lines.length + 1, vertical));
  return lines;
}

export { describe as describeError };
