/**
 * A grid's group words printed with years instead of 上年/本年 (2016年预算数 | 2017年预算数, as
 * counties print the 三公 table): the later year is 本年, the earlier 上年; a year before a word
 * that is a group itself (2023年预算数 | 2023年决算数) is only the table's year.
 */
import type { PositionedPiece } from '../../ingest/text.js';
import { columnLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import { joinWrappedNames } from './header.js';

const YEAR_WORD = /^(\d{4})年度?(.+)$/;

/** a header label's words, cut before each year (one-space text joins 2016年预算数 2017年预算数 into one label) */
const yearParts = (label: string) => label.split(/(?=\d{4}年)/).map((s) => s.trim());

/** a grid's header as read: its lines of tokens, and on a page its pieces, all and by row */
export interface GridHeader {
  tokenLines: TokenLine[];
  pieces: PositionedPiece[];
  rows: PositionedPiece[][];
}

/**
 * The header with its group words printed with years named as the groups they are (2016年预算数
 * 2017年预算数 → 上年预算数 本年预算数), before anything reads it: copies, the lines are the region's
 */
export function namingYearGroups(header: GridHeader, groups: string[]): GridHeader {
  // text cuts 2016年预算数 into the number 2016 and the label 年预算数, and so does a PDF engine that
  // gives digits and CJK as pieces of their own (pdf.js: a font a run): one label again
  const tokenLines = header.tokenLines.map((l) => ({ ...l, tokens: joinYears(l.tokens) }));
  const pieces = joinYearPieces(header.pieces);
  // on a page, a year's word wrapped in its cell (2022年预算 / 数) is read joined; so is a change
  // column's (2023年预算数 / 增减), which is then no year's group
  const rows = wrapsYearWord(header.rows) ? joinWrappedNames(header.rows.map(joinYearPieces)) : header.rows.map(joinYearPieces);
  // the rows' words (a page's pieces but its 栏次 numbers, or aligned text's cells standing in for them)
  const labels = [...tokenLines.flatMap((l) => l.tokens.filter((t) => t.kind === 'label').map((t) => t.text)), ...rows.flat().map((p) => p.text)];
  const named = yearGroupNames(labels.map(columnLabel).flatMap(yearParts), groups);
  if (!named.size) return { ...header, tokenLines };
  // a label or piece with its group words named, or itself where it prints none
  const renamed = <T extends { text: string }>(x: T): T => {
    const parts = /\d{4}年/.test(x.text) ? yearParts(columnLabel(x.text)) : [];
    return parts.some((part) => named.has(part)) ? { ...x, text: parts.map((part) => named.get(part) ?? part).join(' ') } : x;
  };
  return {
    tokenLines: tokenLines.map((l) => ({ ...l, tokens: l.tokens.map((t) => (t.kind === 'label' ? renamed(t) : t)) })),
    pieces: pieces.map(renamed),
    rows: rows.map((row) => row.map(renamed)),
  };
}

/** a header whose word with a year is cut inside its cell (2022年预算 over 数): no year word ends a group word there */
function wrapsYearWord(rows: PositionedPiece[][]): boolean {
  const words = rows.flat().map((p) => columnLabel(p.text));
  return words.some((w) => /^\d{4}年/.test(w) && !/(数|额)$/.test(w));
}

/** a year's digits and the word after it (2023 | 年预算数), set close on one line, as one piece */
function joinYearPieces(pieces: PositionedPiece[]): PositionedPiece[] {
  const out: PositionedPiece[] = [];
  for (const p of pieces) {
    const prev = out[out.length - 1];
    const close = prev && p.x0 >= prev.x1 && p.x0 - prev.x1 < YEAR_GAP && (prev.y === undefined || p.y === undefined || Math.abs(prev.y - p.y) < 1);
    if (close && /^\d{4}$/.test(prev.text) && p.text.startsWith('年')) out[out.length - 1] = { ...prev, text: prev.text + p.text, x1: p.x1 };
    else out.push(p);
  }
  return out;
}

/** points between a year's digits and its word that still make one word (less than a character) */
const YEAR_GAP = 4;

/** a year cut from its word (2016 | 年预算数) joined to it as one label */
function joinYears(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (t.kind === 'label' && t.text.startsWith('年') && prev?.kind === 'number' && /^\d{4}$/.test(prev.text)) out[out.length - 1] = { ...prev, kind: 'label', text: prev.text + t.text, endColumn: t.endColumn, x1: t.x1, num: undefined };
    else out.push(t);
  }
  return out;
}

/** each header label that is a group word with a year, and the group it names */
function yearGroupNames(labels: string[], groups: string[]): Map<string, string> {
  const named = new Map<string, string>();
  // the labels of a word that is 上年… and 本年…, with their years
  const yearly = new Map<string, Array<{ label: string; year: number }>>();
  for (const label of labels) {
    const m = YEAR_WORD.exec(label);
    if (!m) continue;
    const [, year, word] = m;
    if (groups.includes(word)) named.set(label, word);
    else if (groups.includes(`上年${word}`) && groups.includes(`本年${word}`)) yearly.set(word, [...(yearly.get(word) ?? []), { label, year: Number(year) }]);
  }
  for (const [word, printed] of yearly) {
    // two years of one word, or one: the latest is this year's; more than two are not a pair
    const years = new Set(printed.map((p) => p.year));
    if (years.size > 2) continue;
    const latest = Math.max(...years);
    for (const { label, year } of printed) named.set(label, `${year === latest ? '本年' : '上年'}${word}`);
  }
  return named;
}
