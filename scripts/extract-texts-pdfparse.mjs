// Text as pdf-parse (2.x, pdf.js underneath; the extractor Node projects reach for) gives it, for
// test/extracted-texts.test.ts: NAME.pdfparse.txt, getText() as it comes, a tab between a line's
// text items that stand apart and none for a blank cell; pages parted by a form feed, as
// scripts/extract-texts.py parts them. Run by hand (CI uses the committed files):
//   npm install --no-save pdf-parse@2.4.5
//   node scripts/extract-texts-pdfparse.mjs fixtures/pdf/final-full.libreoffice.pdf ...
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const { PDFParse } = await import('pdf-parse');
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'text', 'extracted');
for (const file of process.argv.slice(2)) {
  const parser = new PDFParse({ data: readFileSync(file) });
  const { text } = await parser.getText({ pageJoiner: '\f' });
  await parser.destroy();
  writeFileSync(path.join(out, `${path.basename(file, '.pdf')}.pdfparse.txt`), text);
}
