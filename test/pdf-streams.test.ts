/** The scan for damaged content streams: object headers found exactly as its regular expression did, and the damaged page found, at the top level or in object streams. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { damagedPages, fileObjects, objectHeaders } from '../src/ingest/pdf-streams.js';

const OBJ_RE = /(\d+)\s+\d+\s+obj\b/g;
const byRegex = (text: string) => [...text.matchAll(OBJ_RE)].map((m) => ({ num: Number(m[1]), end: m.index + m[0].length }));
const FIXTURES = path.join(import.meta.dirname, '../fixtures');

describe('object headers', () => {
  it('as /(\\d+)\\s+\\d+\\s+obj\\b/g finds them, in odd places too', () => {
    const samples = ['1 0 obj', ' 12  3\n obj ', 'x1 0 obj', '1 0 objx', '1 0 obj_', '1 0 obj-', '5 6 7 obj 8 9 obj', '\u00a01\u00a00\u00a0obj', '1 0 obj1 0 obj', 'obj 1 obj 1 2 obj', '1 0obj', '10 obj', '99 0 obj\n<<>>\nendobj 100 0 obj', ''];
    for (const s of samples) expect([...objectHeaders(Buffer.from(s, 'latin1'))], JSON.stringify(s)).toEqual(byRegex(s));
  });

  it('in every fixture PDF, binary streams included', () => {
    for (const dir of ['pdf', 'pdf-structure', 'sample', 'bad']) {
      for (const f of readdirSync(path.join(FIXTURES, dir)).filter((n) => n.endsWith('.pdf'))) {
        const bytes = readFileSync(path.join(FIXTURES, dir, f));
        expect([...objectHeaders(bytes)], f).toEqual(byRegex(bytes.toString('latin1')));
      }
    }
  });

  it('the damaged fixture has one damaged page, and its undamaged original none', () => {
    const damaged = (file: string) => {
      const bytes = readFileSync(path.join(FIXTURES, file));
      const pages = damagedPages(fileObjects(bytes));
      return [...new Set([...objectHeaders(bytes)].map((h) => h.num))].filter((num) => pages.has(num));
    };
    expect(damaged('pdf/final-full.damaged.pdf')).toHaveLength(1);
    expect(damaged('pdf/final-full.libreoffice.pdf')).toEqual([]);
  });

  it('finds it too where the page objects are packed in object streams', () => {
    const bytes = readFileSync(path.join(FIXTURES, 'pdf-structure/final-full.damaged.objstm.pdf'));
    // no page object stands at the top level: the scan has to unpack to find one
    expect(/\/Type\s*\/Page\b/.test(bytes.toString('latin1'))).toBe(false);
    expect(/\/Type\s*\/ObjStm/.test(bytes.toString('latin1'))).toBe(true);
    // every object number the file has (its cross-reference stream's /Size), asked as the readers ask of a page's
    const size = Number(/\/Size (\d+)/.exec(bytes.toString('latin1'))![1]);
    const pages = damagedPages(fileObjects(bytes));
    expect(Array.from({ length: size }, (_, num) => num).filter((num) => pages.has(num))).toHaveLength(1);
  });
});
