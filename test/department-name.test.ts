/** The document's department as its cover names it, where no heading of the usual forms does. */
import { describe, expect, it } from 'vitest';
import { reportOf } from './helpers.js';

describe('the department a cover names', () => {
  it('a title worded 关于…的说明 names the department without its 关于', () => {
    const text = ['关于某市民政局2024年部门预算的说明', '', '一、部门基本情况', '某市民政局主要职责是负责全市民政工作。', '二、收支预算情况说明', '某市民政局2024年收入预算总计120.00万元，支出预算总计120.00万元。', ''].join('\n');
    expect(reportOf(text, 'guanyu.txt').department).toBe('某市民政局');
    expect(reportOf(text.replace('关于某市民政局', '某市民政局'), 'plain.txt').department).toBe('某市民政局');
  });
});
