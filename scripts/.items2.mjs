import { getDocumentProxy } from 'unpdf';
import { readFileSync } from 'node:fs';
const [file, page, y0, y1] = process.argv.slice(2);
const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)), { verbosity: 0, disableFontFace: true, isEvalSupported: false });
const pg = await pdf.getPage(+page); const tc = await pg.getTextContent();
for (const x of tc.items) if (x.transform && x.transform[5] >= +y0 && x.transform[5] <= +y1) console.log(JSON.stringify([x.str, +x.transform[4].toFixed(2), +x.transform[5].toFixed(2), +x.width.toFixed(2), x.height, x.fontName]));
