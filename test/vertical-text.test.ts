/**
 * Words set down a cell, a character a line (竖排), put back together for the forms
 * (corpus-guizhou-office-2023-final.vertical.chromium.pdf in variants.test.ts is the same in a PDF).
 */
import { describe, expect, it } from 'vitest';
import type { PositionedPiece, SourceLine } from '../src/ingest/text.js';
import { joinVerticalText } from '../src/layout/vertical-text.js';

const SIZE = 7.5;
const piece = (text: string, x0: number): PositionedPiece => ({ text, x0, x1: x0 + SIZE * [...text].length, size: SIZE });
/** lines 7.5 pt apart from y = 100, each of the pieces given */
const page = (rows: PositionedPiece[][], pitch = SIZE): SourceLine[] =>
  rows.map((pieces, i) => ({ line: i + 1, pageLine: i + 1, page: 1, y: 100 + i * pitch, size: SIZE, text: pieces.map((p) => p.text).join(' '), pieces }));
const texts = (lines: SourceLine[]) => joinVerticalText(lines).map((l) => l.text);

describe('joinVerticalText', () => {
  it('joins 项目资金（元） set down its cell on the line of its middle character, the rows beside it kept', () => {
    const label = [...'项目资金（元）'];
    const rows = label.map((ch, i) => [piece(ch, 66), ...(i === 1 ? [piece('年度资金总额：', 103), piece('251624000', 308)] : [])]);
    expect(texts(page(rows))).toEqual(['年度资金总额： 251624000', '项目资金（元）']);
  });

  it('joins no characters that are the rows’ own: one unit repeated (次 / 次 / 次), rows farther apart than a line, a letter-spaced word', () => {
    expect(texts(page([[piece('次', 478)], [piece('次', 478)], [piece('次', 478)]]))).toEqual(['次', '次', '次']);
    expect(texts(page([[piece('是', 66)], [piece('否', 66)], [piece('有', 66)]], 2 * SIZE))).toEqual(['是', '否', '有']);
    const spaced = [[piece('行', 66), piece('政', 76)], [piece('单', 66), piece('位', 76)], [piece('医', 66), piece('疗', 76)]];
    expect(texts(page(spaced))).toEqual(['行 政', '单 位', '医 疗']);
  });

  it('parts two cells’ labels where the characters stand further apart (成本指标 / 产出指标)', () => {
    const lines = page([...'成本指标', ...'产出指标'].map((ch) => [piece(ch, 66)]));
    const moved = lines.map((l, i) => (i >= 4 ? { ...l, y: l.y! + 6 } : l));
    expect(texts(moved)).toEqual(['成本指标', '产出指标']);
  });
});
