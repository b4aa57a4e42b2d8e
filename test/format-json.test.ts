import { describe, expect, it } from 'vitest';
import { formatJson } from '../src/format/index.js';
import { lintResults, NARRATIVE_TXT, suppressFirst } from './format-helpers.js';

const PARTIAL = {
  ruleId: '读取/未含公开表',
  severity: 1,
  message: '本文件没有公开表，只核对了文字说明中的 4 处数字之间的关系；与表格的核对需要含表格的文件：表格另行公开时，用 --parts 把说明与公开表一起检查',
  file: NARRATIVE_TXT,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
};

const RATE = {
  ruleId: '叙述/同比变化率',
  severity: 2,
  message: '「2025年本部门支出预算总额」变化率写 9.33%，按本年数与增减额（10 万元 ÷ （130 万元 − 10 万元） × 100%）应为 8.33%；若变化率无误，增减额应为 11.04～11.14 万元',
  file: NARRATIVE_TXT,
  line: 5,
  column: 36,
  endLine: 5,
  endColumn: 41,
  subject: '2025年本部门支出预算总额',
  // a rate's figures are in percent; the difference is in percentage points, printed without %
  expected: 8.33,
  actual: 9.33,
  difference: 1,
  unit: '%',
  expectedText: '8.33%',
  actualText: '9.33%',
  differenceText: '1.00',
};

const COUNTS = { fixableErrorCount: 0, fixableWarningCount: 0 };

describe('json', () => {
  it('gives figures as numbers with their unit, the printed text beside them', async () => {
    const { results } = await lintResults([NARRATIVE_TXT]);
    expect(JSON.parse(formatJson(results))).toEqual([
      { filePath: NARRATIVE_TXT, messages: [PARTIAL, RATE], errorCount: 1, warningCount: 1, fatalErrorCount: 0, ...COUNTS },
    ]);
  });

  it('passes suppressed findings through, shaped like the others, with their suppressions', async () => {
    const { results } = await lintResults([NARRATIVE_TXT]);
    const [r] = JSON.parse(formatJson([suppressFirst(results[0], '分两个文件公开，表格见另一文件')]));
    expect(r).toEqual({
      filePath: NARRATIVE_TXT,
      messages: [RATE],
      suppressedMessages: [{ ...PARTIAL, suppressions: [{ kind: 'file', justification: '分两个文件公开，表格见另一文件' }] }],
      errorCount: 1,
      warningCount: 0,
      fatalErrorCount: 0,
      ...COUNTS,
      suppressedCount: 1,
    });
  });
});
