/**
 * PDF ingest with unpdf (pdf.js): positioned text items per page → lines rebuilt by baseline,
 * each line keeping its pieces' x-positions so that table columns can be told apart where the
 * text alone cannot (blank cells). Pages are read one at a time and released.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { InputError, readInputFile, type PositionedPiece, type SourceLine, type SourceText } from './text.js';

export interface PdfPageProblem {
  page: number;
  message: string;
}

export interface PdfText extends SourceText {
  pages: number;
  /** pages that draw glyphs but give no text (a font without a usable Unicode map) */
  problems: PdfPageProblem[];
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** pdf.js needs the predefined CJK CMaps as a plain directory path (a file:// URL did not work) */
function cMapDirectory(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps') + path.sep;
}

/**
 * Some CJK fonts map glyphs to radical code points (⻔ for 门, ⼊ for 入, ⼾ for 户). Kangxi
 * radicals fold under NFKC, though ⼾ folds to the traditional 戶; the simplified-form radicals
 * of the CJK Radicals Supplement do not fold, so they are listed (Unicode's equivalent unified
 * ideographs). Only radicals are touched: a 戶 printed as such stays.
 */
const RADICAL_EQUIVALENTS: Record<string, string> = {
  '\u2ea0': '民', '\u2ec5': '见', '\u2ec6': '角', '\u2ec8': '讠', '\u2ec9': '贝', '\u2ecb': '车',
  '\u2ed3': '长', '\u2ed4': '门', '\u2ed8': '青', '\u2eda': '页', '\u2edb': '风', '\u2edc': '飞',
  '\u2edd': '食', '\u2ee0': '饣', '\u2ee2': '马', '\u2ee4': '鬼', '\u2ee5': '鱼', '\u2ee6': '鸟',
  '\u2ee9': '黄', '\u2eec': '齐', '\u2eee': '齿', '\u2ef0': '龙', '\u2ef3': '龟',
};
const SIMPLIFIED_AFTER_NFKC: Record<string, string> = { 戶: '户' };

function normalizeText(s: string): string {
  return s.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/g, (c) => {
    const folded = RADICAL_EQUIVALENTS[c] ?? c.normalize('NFKC');
    return SIMPLIFIED_AFTER_NFKC[folded] ?? folded;
  });
}

/** rough advance of a character in ems, to place pieces inside one pdf.js item */
function ems(ch: string): number {
  const c = ch.charCodeAt(0);
  if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef)) return 1;
  return c === 0x20 ? 0.28 : 0.55;
}

/** split an item at spaces into pieces, each with its share of the item's width */
function splitItem(it: Item): PositionedPiece[] {
  const chars = [...it.str];
  const total = chars.reduce((s, c) => s + ems(c), 0) || 1;
  const scale = it.width / total;
  const pieces: PositionedPiece[] = [];
  let x = it.x;
  let current = '';
  let start = x;
  for (const c of chars) {
    const w = ems(c) * scale;
    if (/\s/.test(c)) {
      if (current) pieces.push({ text: current, x0: start, x1: x });
      current = '';
      x += w;
      start = x;
      continue;
    }
    if (!current) start = x;
    current += c;
    x += w;
  }
  if (current) pieces.push({ text: current, x0: start, x1: x });
  return pieces;
}

/** items that touch are one run of text (some producers emit an item per glyph or per font) */
function touchingJoined(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const it of items) {
    const prev = out[out.length - 1];
    if (prev && it.x - (prev.x + prev.width) < 0.15 * Math.min(prev.size, it.size) && it.x >= prev.x) {
      out[out.length - 1] = { ...prev, str: prev.str + it.str, width: it.x + it.width - prev.x };
    } else {
      out.push(it);
    }
  }
  return out;
}

/** group items into lines by baseline; superscripts and jitter within a third of the size join */
function buildLines(items: Item[], page: number, firstLine: number): SourceLine[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    const ref = row?.[0];
    if (row && Math.abs(ref.y - it.y) <= Math.max(2, 0.35 * Math.min(ref.size, it.size))) row.push(it);
    else rows.push([it]);
  }
  return rows.map((row, i) => {
    const pieces = touchingJoined(row.sort((a, b) => a.x - b.x))
      .flatMap(splitItem)
      .sort((a, b) => a.x0 - b.x0);
    // the line's text: pieces joined by one space (columns are told apart by x, not by spacing)
    let text = '';
    const placed: PositionedPiece[] = [];
    for (const p of pieces) {
      if (text) text += ' ';
      placed.push({ ...p, column: text.length + 1, size: row[0].size });
      text += p.text;
    }
    return { line: firstLine + i, pageLine: i + 1, text, page, pieces: placed, y: -row[0].y, size: row[0].size };
  });
}

function describe(err: unknown): string {
  const e = err as { name?: string; message?: string };
  return `${e?.name ?? ''} ${e?.message ?? String(err)}`;
}

export async function readPdfFile(file: string): Promise<PdfText> {
  return readPdfBytes(file, await readInputFile(file));
}

export async function readPdfBytes(file: string, bytes: Uint8Array): Promise<PdfText> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new InputError(`${file} 不是 PDF 文件`);
  let pdf;
  try {
    // a copy, as a plain Uint8Array: pdf.js refuses Node's Buffer, and detaches what it is given
    pdf = await getDocumentProxy(new Uint8Array(bytes), {
      cMapUrl: cMapDirectory(),
      cMapPacked: true,
      isEvalSupported: false,
      disableFontFace: true,
      verbosity: 0,
    });
  } catch (err) {
    const d = describe(err);
    if (/Password/i.test(d)) throw new InputError(`${file} 是加密的 PDF，请先去除密码保护再检查`);
    throw new InputError(`${file} 已损坏或不完整，无法读取（${d.trim()}）`);
  }
  const lines: SourceLine[] = [];
  const problems: PdfPageProblem[] = [];
  let textPages = 0;
  try {
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: Item[] = [];
      let unreadable = 0;
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        // a font without a usable Unicode map comes out as control or private-use characters: not text
        if (/[\u0000-\u0008\u000a-\u001f\u007f\ue000-\uf8ff\ufffd]/.test(raw.str)) {
          unreadable++;
          continue;
        }
        // to viewport space (x right, y down) so that rotated (landscape) pages read the same way
        const [a, b, , , e, f] = raw.transform as number[];
        const [vx, vy] = viewport.convertToViewportPoint(e, f) as [number, number];
        const size = Math.hypot(a, b) || raw.height || 10;
        items.push({ str: normalizeText(raw.str), x: vx, y: -vy, width: raw.width, size });
      }
      const hasText = items.some((i) => i.str.trim() !== '');
      if (hasText) {
        textPages++;
        lines.push(...buildLines(items, p, lines.length + 1));
      }
      if (unreadable > 0) {
        problems.push({ page: p, message: `第 ${p} 页有 ${unreadable} 处文字提取不出（字体缺少可用的 Unicode 映射），这些文字未检查` });
      } else if (!hasText && (await drawsGlyphs(page))) {
        problems.push({ page: p, message: `第 ${p} 页绘制了文字，但提取不到文本（字体缺少可用的 Unicode 映射），本页未检查` });
      }
      page.cleanup();
    }
  } catch (err) {
    throw new InputError(`${file} 已损坏或不完整，无法读取（${describe(err).trim()}）`);
  } finally {
    await pdf.destroy();
  }
  if (textPages === 0) {
    throw new InputError(
      problems.length
        ? `${file} 的文字无法提取（字体缺少 Unicode 映射），请用原始文件重新导出 PDF`
        : `${file} 没有文本层（图片或扫描件），请先做文字识别（OCR）再检查`,
    );
  }
  return { file, encoding: 'utf-8', lines, pages: pdf.numPages, problems };
}

async function drawsGlyphs(page: { getOperatorList(): Promise<{ fnArray: number[] }> }): Promise<boolean> {
  const { OPS } = await import('unpdf/pdfjs').then((m) => m as unknown as { OPS: Record<string, number> });
  const ops = await page.getOperatorList();
  const show = new Set([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
  return ops.fnArray.some((f) => show.has(f));
}
