/**
 * A ligature (ﬁ, ﬂ, ﬀ: Chromium and Word set them in Latin text, URLs included) is one glyph that
 * the font's Unicode map gives as two or three letters. PDFium reports each letter at the glyph's
 * origin, with a letter's own width: the glyph's advance is lost, and the gap to the next glyph
 * reads as a space (fi le:///). The letters share the ligature's extent instead, up to where the
 * next glyph starts.
 */
import type { Glyph } from './pdf-common.js';

const LATIN_LETTER_RE = /^[A-Za-z]$/;
/** two origins this close (points) are one */
const SAME_ORIGIN = 0.01;

/** glyphs as read in drawing order; sameRun(a, b): glyphs a and b came from one text object */
export function spreadLigatures(glyphs: Glyph[], sameRun: (a: number, b: number) => boolean): void {
  const letters = (k: number) => LATIN_LETTER_RE.test(glyphs[k].text);
  for (let k = 0; k + 1 < glyphs.length; k++) {
    let end = k + 1;
    while (end < glyphs.length && letters(end) && sameRun(k, end) && glyphs[end].y === glyphs[k].y && Math.abs(glyphs[end].x0 - glyphs[k].x0) < SAME_ORIGIN) end++;
    if (end - k < 2 || !letters(k)) continue;
    const [first, next] = [glyphs[k], glyphs[end]];
    // the ligature's advance: to the next glyph on its line, within an em a letter
    const reach = next && next.y === first.y && next.x0 > first.x0 && next.x0 - first.x0 <= (end - k) * first.size ? next.x0 : Math.max(...glyphs.slice(k, end).map((g) => g.x1));
    const share = (reach - first.x0) / (end - k);
    for (let j = k; j < end; j++) glyphs[j] = { ...glyphs[j], x0: first.x0 + (j - k) * share, x1: first.x0 + (j - k + 1) * share };
    k = end - 1;
  }
}
