/**
 * How many columns a string takes where a CJK or fullwidth character takes two (a terminal, or
 * text laid out as printed, in which such a character is as wide on the page as two digits).
 */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
