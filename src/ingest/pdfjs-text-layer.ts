/**
 * pdf.js: how a page draws its text, from its operator list: how many glyphs it shows, how many
 * of them in a render mode that draws nothing (an OCR layer over a scan), and whether it paints a
 * picture at all. pdf.js's text content does not say how its text is drawn.
 */
import { PAINT_IMAGE, type OperatorList } from './pdfjs-rulings.js';
import { INVISIBLE_RENDER_MODES } from './pdf-common.js';

/** pdf.js's operator numbers (OPS) as its 5.x releases define them */
const OP = { save: 10, restore: 11, setTextRenderingMode: 38, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75 } as const;
/** showText, showSpacedText, nextLineShowText, nextLineSetSpacingShowText: their arguments hold the glyphs */
const SHOW_TEXT = new Set([44, 45, 46, 47]);

export interface TextDrawing {
  glyphs: number;
  invisible: number;
  paintsImage: boolean;
}

/** the glyphs of a show-text operator's arguments (glyph objects; numbers are spacing) */
function glyphsIn(args: unknown[]): number {
  let n = 0;
  for (const a of args) if (Array.isArray(a)) for (const g of a) if (g !== null && typeof g === 'object') n++;
  return n;
}

export function textDrawing({ fnArray, argsArray }: OperatorList): TextDrawing {
  const out: TextDrawing = { glyphs: 0, invisible: 0, paintsImage: false };
  // the render mode is part of the graphics state: saved and restored with it, forms included
  let mode = 0;
  const stack: number[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === OP.save || fn === OP.paintFormXObjectBegin) stack.push(mode);
    else if (fn === OP.restore || fn === OP.paintFormXObjectEnd) mode = stack.pop() ?? mode;
    else if (fn === OP.setTextRenderingMode) mode = Number((argsArray[i] as unknown[])[0]);
    else if (PAINT_IMAGE.has(fn)) out.paintsImage = true;
    else if (SHOW_TEXT.has(fn)) {
      const n = glyphsIn(argsArray[i] as unknown[]);
      out.glyphs += n;
      if (INVISIBLE_RENDER_MODES.has(mode)) out.invisible += n;
    }
  }
  return out;
}
