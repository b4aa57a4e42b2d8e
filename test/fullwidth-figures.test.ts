/** Figures typed in full-width forms read as the figures they are, in tables and in the narrative. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldFullwidthFigures } from '../src/ingest/text.js';
import { buildLines } from '../src/ingest/glyph-lines.js';
import { FIXTURES, lintText } from './helpers.js';

/** digits, a point between digits, thousands commas and a percent sign after a digit, as a full-width input method types them */
const fullwidth = (text: string) =>
  text
    .replace(/(?<=\d)\.(?=\d)/g, '．')
    .replace(/(?<=\d)%/g, '％')
    .replace(/(?<=\d),(?=\d{3})/g, '，')
    .replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x30 + 0xff10));

describe('full-width figures', () => {
  it('fold one character for one; other full-width punctuation stays', () => {
    expect(foldFullwidthFigures('本年收入合计１２，３４５．６７万元，占８．５％（２０２３年）')).toBe('本年收入合计12,345.67万元，占8.5%（2023年）');
    // a comma between figures that do not group thousands is the sentence's own
    expect(foldFullwidthFigures('第１，２项；２０２２，２０２３年；第一部分．概况：完成率％')).toBe('第1，2项；2022，2023年；第一部分．概况：完成率％');
  });

  it('fold Chinese marks typed between ASCII digits (1，215.34, 12．50), not a list\'s or two years\' comma', () => {
    expect(foldFullwidthFigures('合计1，215.34万元，占12．50％；第1，2项；2022，2023年')).toBe('合计1,215.34万元，占12.50%；第1，2项；2022，2023年');
    // ％ alone after an ASCII digit stays (an engine may set it apart from the digit; the narrative reads it as %)
    expect(foldFullwidthFigures('完成年初预算的147.51％')).toBe('完成年初预算的147.51％');
  });

  // read as 1 and 215.34, 部门公开表1's 一般公共预算拨款收入 was 1 万元 against the narrative's 1,215.34
  it('a document whose thousands are set apart by ， (ASCII digits) gives the diagnostics of the same document with ,', async () => {
    const text = readFileSync(path.join(FIXTURES, 'pdf', 'corpus-haidong-city-2025-budget.txt'), 'utf8');
    const typed = text.replace(/(?<=\d),(?=\d{3}\.\d)/g, '，');
    expect(typed).not.toBe(text);
    const brief = (ds: Awaited<ReturnType<typeof lintText>>) => ds.map((d) => [d.ruleId, d.line, d.column, d.message]);
    expect(brief(await lintText(typed))).toEqual(brief(await lintText(text)));
  });

  it('a document typed so gives the diagnostics of the same document in ASCII figures', async () => {
    const text = readFileSync(path.join(FIXTURES, 'pdf', 'corpus-haidong-city-2025-budget.txt'), 'utf8');
    const typed = fullwidth(text);
    expect(typed).not.toBe(text);
    const brief = (ds: Awaited<ReturnType<typeof lintText>>) => ds.map((d) => [d.ruleId, d.line, d.column, d.message]);
    const ascii = brief(await lintText(text));
    expect(ascii.length).toBeGreaterThan(0);
    expect(brief(await lintText(typed))).toEqual(ascii);
  });

  it('a PDF line keeps its pieces where they are printed', () => {
    const glyphs = [...'合计 １２．５０'].map((ch, k) => ({ text: ch, x0: 10 + 10 * k, x1: 19 + 10 * k, y: 100, size: 10 }));
    const [line] = buildLines(glyphs, 1, 1);
    expect(line.text).toBe('合计 12.50');
    expect(line.pieces!.map((p) => [p.text, p.x0, p.column])).toEqual([['合计', 10, 1], ['12.50', 40, 4]]);
  });
});
