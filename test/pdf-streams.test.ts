/** The scan for damaged content streams finds object headers exactly as its regular expression did. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { damagedPages, objectHeaders } from '../src/ingest/pdf-streams.js';

const OBJ_RE = /(\d+)\s+\d+\s+obj\b/g;
const byRegex = (text: string) => [...text.matchAll(OBJ_RE)].map((m) => ({ num: Number(m[1]), end: m.index + m[0].length }));
const FIXTURES = path.join(import.meta.dirname, '../fixtures');

describe('object headers', () => {
  it('as /(\\d+)\\s+\\d+\\s+obj\\b/g finds them, in odd places too', () => {
    const samples = ['1 0 obj', ' 12  3\n obj ', 'x1 0 obj', '1 0 objx', '1 0 obj_', '1 0 obj-', '5 6 7 obj 8 9 obj', '\u00a01\u00a00\u00a0obj', '1 0 obj1 0 obj', 'obj 1 obj 1 2 obj', '1 0obj', '10 obj', '99 0 obj\n<<>>\nendobj 100 0 obj', ''];
    for (const s of samples) expect([...objectHeaders(Buffer.from(s, 'latin1'))], JSON.stringify(s)).toEqual(byRegex(s));
  });

  it('in every fixture PDF, binary streams included', () => {
    for (const dir of ['pdf', 'sample', 'bad']) {
      for (const f of readdirSync(path.join(FIXTURES, dir)).filter((n) => n.endsWith('.pdf'))) {
        const bytes = readFileSync(path.join(FIXTURES, dir, f));
        expect([...objectHeaders(bytes)], f).toEqual(byRegex(bytes.toString('latin1')));
      }
    }
  });

  it('the damaged fixture has one damaged page, and its undamaged original none', () => {
    const damaged = (file: string) => {
      const bytes = readFileSync(path.join(FIXTURES, file));
      const pages = damagedPages(bytes);
      return [...new Set([...objectHeaders(bytes)].map((h) => h.num))].filter((num) => pages.has(num));
    };
    expect(damaged('pdf/final-full.damaged.pdf')).toHaveLength(1);
    expect(damaged('pdf/final-full.libreoffice.pdf')).toEqual([]);
  });
});
