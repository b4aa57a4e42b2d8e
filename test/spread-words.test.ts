/**
 * Words spread over their cell, as Excel's and WPS's 分散对齐 and a justified cell's last line set
 * them (行    政    单    位    离    退    休, 分    值), and letters spaced out: each character stands
 * apart by more than a piece's own gap, and is read as one piece again where that is certain.
 */
import { describe, expect, it } from 'vitest';
import { buildLines } from '../src/ingest/glyph-lines.js';
import type { Segment } from '../src/ingest/rulings.js';

const SIZE = 9;

/** glyphs of pieces set from x = 40: [text, gap before it in em]; `spread`: the gap (em) between a piece's Chinese characters */
function set(parts: Array<[string, number]>, spread = 0) {
  let x = 40;
  const glyphs = [];
  for (const [text, before] of parts) {
    x += before * SIZE;
    [...text].forEach((ch, i) => {
      const chinese = /[\u4e00-\u9fff：（）、]/.test(ch);
      if (i > 0 && chinese) x += spread * SIZE;
      const width = chinese ? SIZE : 0.555 * SIZE;
      glyphs.push({ text: ch, x0: x, x1: x + width, y: 93, size: SIZE });
      x += width;
    });
  }
  return glyphs;
}

/** vertical rules at these x, crossing the line */
const rules = (...xs: number[]): Segment[] => xs.map((at) => ({ at, from: 60, to: 120 }));
const pieces = (glyphs: ReturnType<typeof set>, vertical: Segment[] = []) => buildLines(glyphs, 1, 1, vertical)[0].pieces!.map((p) => p.text);

describe('words spread over their cell', () => {
  it('three or more single characters at even gaps are one word; a figure after them stays its own', () => {
    expect(pieces(set([['行政单位离退休', 0], ['7.22', 4]], 2.5))).toEqual(['行政单位离退休', '7.22']);
    // letters spaced out by 0.6 em
    expect(pieces(set([['一般公共服务支出', 0]], 0.6))).toEqual(['一般公共服务支出']);
  });

  it('uneven gaps, two characters, and 类 款 项 are left apart where no rule says they are one cell', () => {
    expect(pieces(set([['收', 0], ['入', 2], ['支', 6]]))).toEqual(['收', '入', '支']);
    expect(pieces(set([['合', 0], ['计', 3]]))).toEqual(['合', '计']);
    expect(pieces(set([['类', 0], ['款', 2], ['项', 2]]))).toEqual(['类', '款', '项']);
  });

  it('in a ruled table, single characters that are all their cell holds are its word, however far apart', () => {
    // 合    计 in a cell ruled at 30 and 120, its figure in the next cell
    const glyphs = set([['合', 0], ['计', 5], ['12,366.72', 2]]);
    expect(pieces(glyphs, rules(30, 120, 200))).toEqual(['合计', '12,366.72']);
    // a cell that holds other words besides is not one spread word: 医疗救助 | 威海市… under one rule pair
    expect(pieces(set([['医疗救助', 0], ['某', 2], ['中心', 2]]), rules(30, 200))).toEqual(['医疗救助', '某', '中心']);
    // characters a rule parts stay apart
    expect(pieces(set([['收', 0], ['入', 3]]), rules(30, 55, 120))).toEqual(['收', '入']);
  });

  it('punctuation spaced off its words joins them (年度资金总额 ：, 项目资金 （ 元 ）)', () => {
    expect(pieces(set([['年度资金总额', 0], ['：', 0.6], ['51868200', 3]]))).toEqual(['年度资金总额：', '51868200']);
    expect(pieces(set([['项目资金', 0], ['（', 0.6], ['元', 0.6], ['）', 0.6]]))).toEqual(['项目资金', '（元）']);
  });
});
