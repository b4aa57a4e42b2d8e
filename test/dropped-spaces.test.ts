/**
 * A space a producer draws as a move, not as a glyph (cairo): between letters and figures, a gap
 * of a Latin space splits the text as a space glyph would. Text spread evenly, and the gap Word
 * and Writer leave between figures and Chinese characters, stay one piece.
 */
import { describe, expect, it } from 'vitest';
import { buildLines } from '../src/ingest/glyph-lines.js';

const SIZE = 7.5;
const DIGIT = 0.555 * SIZE;
const CJK = SIZE;

/** glyphs of text set from x = 40, each followed by the gap given for it (in em) */
function set(text: string, gapAfter: (i: number) => number = () => 0) {
  let x = 40;
  return [...text].map((ch, i) => {
    const width = /[\u4e00-\u9fff]/.test(ch) ? CJK : DIGIT;
    const g = { text: ch, x0: x, x1: x + width, y: 93, size: SIZE };
    x += width + gapAfter(i) * SIZE;
    return g;
  });
}

const piecesOf = (glyphs: ReturnType<typeof set>) => buildLines(glyphs, 1, 1)[0].pieces!.map((p) => p.text);

describe('spaces drawn as moves', () => {
  it('a project code whose spaces are moves of 0.22 em reads as its three words', () => {
    const text = '63020025T000000000';
    expect(piecesOf(set(text, (i) => (i === 5 || i === 11 ? 0.224 : 0)))).toEqual(['630200', '25T000', '000000']);
    // the same code set without the moves is one word, as printed
    expect(piecesOf(set(text))).toEqual([text]);
  });

  it('figures spread evenly (letter-spaced, justified) stay one piece', () => {
    expect(piecesOf(set('2,025.00', () => 0.2))).toEqual(['2,025.00']);
    expect(piecesOf(set('2025', () => 0.2))).toEqual(['2025']);
  });

  it('the gap between figures and a Chinese character stays inside the piece', () => {
    expect(piecesOf(set('2024年预算数', (i) => (i === 3 ? 0.25 : 0)))).toEqual(['2024年预算数']);
  });

  it('a gap of a third of an em or more splits any text, as before', () => {
    expect(piecesOf(set('合计12.50', (i) => (i === 1 ? 0.5 : 0)))).toEqual(['合计', '12.50']);
  });
});

/**
 * iText ends each paragraph with a space glyph in another font, 2 pt under its last line at the
 * page's middle: drawn over a character, it stands in no gap, and must not split the title there.
 */
describe('a space drawn over the text', () => {
  const title = () => set('项目支出绩效目标自评表');

  it('inside the glyph before it, joins nothing apart', () => {
    const glyphs = title();
    const 效 = glyphs[5];
    const space = { text: ' ', x0: 效.x0 + 0.37 * CJK, x1: 效.x0 + 0.63 * CJK, y: 95, size: 12 };
    expect(piecesOf([...glyphs.slice(0, 6), space, ...glyphs.slice(6)])).toEqual(['项目支出绩效目标自评表']);
  });

  it('where it starts at the glyph\'s end, parts the text as a typed space does', () => {
    const glyphs = set('630200 25R000', (i) => (i === 5 ? 0.25 : 0)).filter((g) => g.text !== ' ');
    const space = { text: ' ', x0: glyphs[5].x1, x1: glyphs[6].x0, y: 93, size: SIZE };
    expect(piecesOf([...glyphs.slice(0, 6), space, ...glyphs.slice(6)])).toEqual(['630200', '25R000']);
    // and a space whose neighbours abut (no gap drawn) parts them too, as it did
    const tight = set('630200', () => 0);
    expect(piecesOf([...tight.slice(0, 3), { text: ' ', x0: tight[2].x1, x1: tight[2].x1, y: 93, size: SIZE }, ...tight.slice(3)])).toEqual(['630', '200']);
  });
});

/**
 * A cell's rule between two glyphs: ReportLab (and Word, with hanging punctuation) lets a closing
 * bracket hang over its cell's right rule, and the next cell's text starts 0.15 em after it; Calc
 * sets a right-aligned figure 0.25 em before the next cell's left-aligned name. Figures from
 * corpus-guizhou-office-2023-final.reportlab.pdf p.17 and layout-codes.calc.pdf p.2.
 */
describe("a cell's rule between two glyphs", () => {
  const lineAt = (rules: Array<[number, number, number]>, glyphs: ReturnType<typeof set>) =>
    buildLines(glyphs, 1, 1, rules.map(([at, from, to]) => ({ at, from, to })))[0].pieces!.map((p) => p.text);
  /** 在职）≥6.53万人 as ReportLab set it at 8 pt: ） over the rule at 483.93, ≥ 1.16 pt after its end */
  const hanging = () => {
    const glyphs = [...'在职）≥6.53万人'].map((text) => ({ text, x0: 0, x1: 0, y: 166, size: 8 }));
    const x0s = [461.77, 469.77, 477.77, 486.93, 494.93, 498.63, 500.53, 504.23, 507.92, 515.92, 523.92];
    glyphs.forEach((g, i) => Object.assign(g, { x0: x0s[i], x1: x0s[i + 1] }));
    glyphs[2].x1 = 485.77;
    return glyphs;
  };

  it('parts a bracket hanging over the rule from the next cell set a gap after it', () => {
    expect(lineAt([[483.93, 72, 254]], hanging())).toEqual(['在职）', '≥6.53万人']);
  });

  it('parts nothing where no rule crosses the line: the gap alone is inside a piece, as before', () => {
    expect(lineAt([], hanging())).toEqual(['在职）≥6.53万人']);
    // a rule that ends above the line's baseline is another row's
    expect(lineAt([[483.93, 72, 150]], hanging())).toEqual(['在职）≥6.53万人']);
  });

  it('parts a figure from the name in the next cell, 0.25 em after it across the rule', () => {
    const glyphs = set('1,142.78一、一般公共服务支出', (i) => (i === 7 ? 0.25 : 0));
    const rule = glyphs[7].x1 + 0.12 * SIZE;
    expect(lineAt([[rule, 80, 100]], glyphs)).toEqual(['1,142.78', '一、一般公共服务支出']);
  });

  it('keeps text that runs on over a rule without a gap (Excel lets a long name overflow into an empty cell)', () => {
    const glyphs = set('省级医保事业单位基本医疗财政补助');
    expect(lineAt([[glyphs[4].x1, 80, 100], [(glyphs[9].x0 + glyphs[9].x1) / 2, 80, 100]], glyphs)).toEqual(['省级医保事业单位基本医疗财政补助']);
  });
});
