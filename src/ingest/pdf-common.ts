/**
 * What every PDF engine shares: its pages read into lines (glyph-lines.ts), the test for
 * unreadable characters, the pages not read and why, and the one-line messages for files that
 * cannot be read. An engine only has to say where each character stands on its page.
 */
import { withoutGlyphStrokes } from './glyph-strokes.js';
import { repeatedRuns, withoutOverlay, withoutRuns, type LargeRun } from './watermark.js';
import type { Deadline } from './limits.js';
import type { DamagedPages } from './pdf-streams.js';
import type { PagePicture, PageRulings, Picture, Rulings, Segment } from './rulings.js';
import { officeKind, officeKindMessage } from './file-kinds.js';
import { buildLines, onPage } from './glyph-lines.js';
import { InputError, type SourceLine, type SourceText } from './text.js';

/**
 * Why a page was not read, or read in part: a damaged content stream, a scan under OCR text,
 * characters without a Unicode map, a wrong map, text drawn but not extractable, a picture only;
 * in text with pages, a page that holds no text at all (empty-pages.ts)
 */
export type PageProblemReason = 'damaged' | 'scanned' | 'unmapped-glyphs' | 'sideways' | 'mismapped' | 'no-extractable-text' | 'picture' | 'no-text';

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
  /**
   * whether page() does all its work before it returns (PDFium): no timer can cut such a read
   * short, so none is set for it (a timer and a race per page cost more than reading a short page);
   * the deadline is still checked between pages
   */
  readsAtOnce?: boolean;
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

/**
 * An engine met a character its font's ToUnicode map maps, which the engine's own parser left
 * unread (PDFium, PDFKit's maps): the file is to be read by the other engine.
 */
export class FontMapUnread extends Error {}

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

export const pdfErrors = {
  /** a file named .pdf that is not one: said what it is, where its first bytes tell (a .docx renamed) */
  notPdf: (file: string, bytes?: Uint8Array) => {
    const kind = bytes && officeKind(bytes);
    return new InputError(kind ? officeKindMessage(file, kind) : `${file} 不是 PDF 文件`);
  },
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
  // no page drew a picture either: its text was drawn as shapes (转曲, gs -dNoOutputFonts), or it is blank
  if (!says('picture')) return new InputError(`${file} 没有可提取的文字：页面上既没有文本，也没有图片（文字可能已转成曲线，或页面是空白的），未检查；请用原始电子文件导出的 PDF 检查`);
  return new InputError(`${file} 没有文本层（图片或扫描件），未检查；请用原始电子文件导出的 PDF 检查（扫描件做文字识别得出的数字可能有误，本工具不据此检查）`);
}

/**
 * every page of an open document → lines and page problems; the document is closed after.
 * damaged: the object numbers of pages whose content stream is broken (their text is left out:
 * a page read up to its damage would be checked as if whole), asked once the page is read
 */
export async function readPages(file: string, doc: PdfDocument, deadline?: Deadline, damaged: DamagedPages = new Set()): Promise<PdfText> {
  const lines: SourceLine[] = [];
  const problems: PdfPageProblem[] = [];
  const rulings: PageRulings[] = [];
  const pictures: PagePicture[] = [];
  let textPages = 0;
  // each page read, to build its lines again where a watermark that crosses no text shows (repeatedRuns)
  const read: Array<{ p: number; printed: Glyph[]; vertical?: Segment[]; runs: LargeRun[] }> = [];
  try {
    for (let p = 1; p <= doc.pages; p++) {
      deadline?.check();
      const page = await (deadline && !doc.readsAtOnce ? deadline.within(doc.page(p)) : doc.page(p));
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
    if (err instanceof InputError || err instanceof FontMapUnread) throw err;
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
