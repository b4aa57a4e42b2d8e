/**
 * Text ingest: bytes of an extracted-text disclosure → lines. Chinese offices still produce
 * GB18030/GBK text, so anything that is not valid UTF-8 is decoded as GB18030 (a superset of GBK).
 */
import { readFile } from 'node:fs/promises';

/** a piece of a PDF line: its text and horizontal extent on the page (points, left to right) */
export interface PositionedPiece {
  text: string;
  x0: number;
  x1: number;
  /** 1-based column of the piece in the line's text */
  column?: number;
  /** font size, points */
  size?: number;
}

export interface SourceLine {
  /** 1-based line number, unique in the input (PDF: counted across pages) */
  line: number;
  text: string;
  /** 1-based page where the input marks pages (form feeds in text, real pages in PDF) */
  page?: number;
  /** PDF: the line's number on its page, which is what a reader counts */
  pageLine?: number;
  /** PDF: where each piece of the line stands */
  pieces?: PositionedPiece[];
  /** PDF: baseline, points from the top of the page, and font size */
  y?: number;
  size?: number;
}

export interface SourceText {
  file: string;
  encoding: 'utf-8' | 'gb18030';
  lines: SourceLine[];
}

export class InputError extends Error {}

export function decodeText(bytes: Uint8Array): { text: string; encoding: SourceText['encoding'] } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

export function splitLines(file: string, text: string, encoding: SourceText['encoding'] = 'utf-8'): SourceText {
  const raw = text.split(/\r\n|\n|\r/);
  const hasPages = text.includes('\f');
  let page = 1;
  const lines: SourceLine[] = raw.map((t, i) => {
    let body = t;
    if (hasPages && body.includes('\f')) {
      page += body.split('\f').length - 1;
      body = body.replace(/\f/g, '');
    }
    return hasPages ? { line: i + 1, text: body, page } : { line: i + 1, text: body };
  });
  return { file, encoding, lines };
}

/** A user's file as bytes, or an InputError that says why it cannot be read. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `找不到文件: ${file}` : `无法读取文件 ${file} (${code ?? String(err)})`);
  }
}

export async function readTextFile(file: string): Promise<SourceText> {
  return textFromBytes(file, await readInputFile(file));
}

export function textFromBytes(file: string, bytes: Uint8Array): SourceText {
  if (bytes.includes(0)) throw new InputError(`${file} 不是文本文件（含二进制内容）`);
  const { text, encoding } = decodeText(bytes);
  return splitLines(file, text, encoding);
}
