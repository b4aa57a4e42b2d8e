/**
 * A 其中 list adds up to the amount the sentence states for its subject (预算数为 3.22 万元), not
 * to the change said after it (比上年减少 0.98 万元); an item's own change (公务接待费 1.7 万元，
 * 减少 0.98 万元) is no part. Fixture: three 三公 sentences as the 海东 and 南湖 documents write them.
 */
import { describe, expect, it } from 'vitest';
import { brief, fixtureText, lineOf, lintText, mutate } from './helpers.js';

const FIXTURE = 'text/three-public-parts.txt';

describe('叙述/分项之和 with a change stated before 其中', () => {
  it('silent where the parts make the stated amount; the finding where they do not (0 + 2.5 + 1.7 ≠ 3.22)', async () => {
    const text = fixtureText(FIXTURE);
    const ds = (await lintText(text, FIXTURE)).filter((d) => d.ruleId !== '读取/未含公开表');
    expect(ds.map(brief)).toEqual([
      // located at the stated amount
      { ruleId: '叙述/分项之和', severity: 1, line: lineOf(text, '某市档案局2025年一般公共预算“三公”经费预算数为 3.22'), actual: '3.22 万元', expected: '4.2 万元', difference: '0.98 万元' },
    ]);
    expect(ds[0].line).toBe(15);
    expect(ds[0].message).toBe('「某市档案局2025年一般公共预算“三公”经费预算数」合计写 3.22 万元，其中所列各项之和为 4.2 万元，相差 0.98 万元');
  });

  it('the short form (预算数为6.50万元，比上年减少0.70万元，其中：…) is summed against 6.50, not 0.70', async () => {
    // a part written 0 may stand for up to 0.5: the difference must exceed that
    const text = mutate(fixtureText(FIXTURE), '公务接待费2.00万元', '公务接待费3.00万元');
    const ds = (await lintText(text, FIXTURE)).filter((d) => d.ruleId === '叙述/分项之和');
    expect(ds.map(brief)).toEqual([
      { ruleId: '叙述/分项之和', severity: 1, line: 11, actual: '6.50 万元', expected: '7.50 万元', difference: '1.00 万元' },
      { ruleId: '叙述/分项之和', severity: 1, line: 15, actual: '3.22 万元', expected: '4.2 万元', difference: '0.98 万元' },
    ]);
  });
});
