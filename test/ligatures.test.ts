/**
 * A ligature's letters (ﬁ → f, i) share the glyph's origin under PDFium, each with its own width:
 * they share the ligature's advance instead, so no gap reads as a space in `file:///`.
 */
import { describe, expect, it } from 'vitest';
import { spreadLigatures } from '../src/ingest/ligatures.js';
import type { Glyph } from '../src/ingest/pdf-common.js';

const glyph = (text: string, x0: number, x1: number, y = 800): Glyph => ({ text, x0, x1, y, size: 8 });
const spread = (glyphs: Glyph[], objects = glyphs.map(() => 1)) => {
  spreadLigatures(glyphs, (a, b) => objects[a] === objects[b]);
  return glyphs.map((g) => [g.text, Number(g.x0.toFixed(2)), Number(g.x1.toFixed(2))]);
};

describe('spreadLigatures', () => {
  it('gives the letters of a ligature its advance, to where the next glyph starts', () => {
    // as PDFium reads Chromium's `file:`: f and i both at 24.0, l at 29.0
    expect(spread([glyph('f', 24, 26.8), glyph('i', 24, 26.2), glyph('l', 29, 31.2), glyph('e', 31.3, 36.2)])).toEqual([
      ['f', 24, 26.5],
      ['i', 26.5, 29],
      ['l', 29, 31.2],
      ['e', 31.3, 36.2],
    ]);
  });

  it('leaves alone letters at one origin from different text objects, other lines, or not Latin', () => {
    const twice = [glyph('f', 24, 26.8), glyph('f', 24, 26.8), glyph('x', 29, 31)];
    expect(spread(twice, [1, 2, 2])).toEqual([['f', 24, 26.8], ['f', 24, 26.8], ['x', 29, 31]]);
    expect(spread([glyph('合', 24, 32), glyph('计', 24, 32), glyph('x', 40, 44)])).toEqual([['合', 24, 32], ['计', 24, 32], ['x', 40, 44]]);
    expect(spread([glyph('f', 24, 26.8), glyph('i', 24, 26.2, 820), glyph('l', 29, 31.2)])).toEqual([['f', 24, 26.8], ['i', 24, 26.2], ['l', 29, 31.2]]);
  });

  it('keeps a ligature ending its line to its letters\' own widths', () => {
    expect(spread([glyph('f', 24, 26.8), glyph('i', 24, 26.2)])).toEqual([['f', 24, 25.4], ['i', 25.4, 26.8]]);
  });
});
