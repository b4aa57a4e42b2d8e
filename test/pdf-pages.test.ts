/** Every page is read or said: a page turned by /Rotate, a broken page, a page that is a picture. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/cli/lint.js';
import { readPdfFile, type PdfEngine } from '../src/ingest/index.js';
import { buildReport } from '../src/model/index.js';
import { builtinRules, FIXTURES } from './helpers.js';

const PDF = (name: string) => path.join(FIXTURES, 'pdf', name);

for (const engine of ['pdfium', 'unpdf'] as PdfEngine[]) {
  describe(`pages (${engine})`, () => {
    it('a page turned by /Rotate 90 (qpdf --rotate=+90:2) gives the model of the unturned file', async () => {
      const model = async (name: string) => {
        const { file, ...rest } = buildReport(await readPdfFile(PDF(name), { engine }));
        return JSON.parse(JSON.stringify(rest).replaceAll(file, ''));
      };
      const turned = await readPdfFile(PDF('final-full.rotated.pdf'), { engine });
      expect(turned.problems).toEqual([]);
      expect(await model('final-full.rotated.pdf')).toEqual(await model('final-full.libreoffice.pdf'));
      const outcome = await lintFile(PDF('final-full.rotated.pdf'), await builtinRules(), { pdfEngine: engine });
      expect(outcome.diagnostics.filter((d) => d.ruleId === 'pdf/unreadable-page')).toEqual([]);
    }, 30000);
  });
}
