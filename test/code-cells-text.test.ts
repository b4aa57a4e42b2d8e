/**
 * Text laid out as printed (pdftotext -layout of the 青海 final account rendered by Chromium with
 * 类 and 款 in cells of their own): the 基本支出 table prints three groups side by side, and its
 * header sets the third group's 类 款 one space apart, four characters left of the rows' parts.
 * The third group's 款 parts (09 土地补偿) stood under no header word and were read as figures of
 * the second group's rows whose amount cells are blank (因公出国（境）费用 09): 302's items summed
 * to 377.40 against its 174.40, an error the PDF does not give.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/cli/lint.js';
import { builtinRules, FIXTURES, fixtureText, reportOf } from './helpers.js';

const FILE = 'text/layout-three-groups-squeezed-header.txt';

describe('three groups of 类 | 款 cells under a header that sets the last group\'s 类 款 close together', () => {
  const table = () => reportOf(fixtureText(FILE), FILE).tables.find((t) => t.id === '公开06')!;

  it('reads the third group\'s parts as codes of its class, not as the second group\'s figures', () => {
    const rows = new Map(table().rows.map((r) => [r.key, r]));
    expect(['310', '31001', '31002', '31009', '31099', '399', '39907', '39999'].filter((c) => !rows.has(c))).toEqual([]);
    expect(rows.get('31002')!.cells['决算数'].value).toBe(0.88);
    // 12 因公出国（境）费用 (blank) 09 土地补偿: the blank is 30212's, the 09 is 31009's code
    expect(rows.get('30212')!.cells['决算数'].blank).toBe(true);
    expect(rows.get('31009')!.name).toBe('土地补偿');
  });

  it('gives no error', async () => {
    const { diagnostics } = await lintFile(path.join(FIXTURES, FILE), await builtinRules());
    expect(diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual([]);
  });
});
