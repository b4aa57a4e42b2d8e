/**
 * A 自评表 as pdftotext -layout gives a PDF whose cells set their text at the top (pdfmake's
 * rendering of 贵州's 行政单位医疗): the 满意度 header wraps inside its weight (满意度指标（10 / 分）),
 * and its row's figures stand on the header's first line. The header is the section's, weight and
 * all, and its row is under it: the sections add up, as the form does.
 */
import { describe, expect, it } from 'vitest';
import { fixtureText, lintText, reportOf } from './helpers.js';

const FILE = 'text/form-weight-wrapped.layout.txt';

describe('a section header wrapped inside its weight, in text laid out as printed', () => {
  it('opens its section with its weight, its row under it', () => {
    const form = reportOf(fixtureText(FILE), FILE).forms[0];
    expect(form.sections.map((s) => [s.name, s.weight?.raw])).toEqual([
      ['产出指标', '50'],
      ['效益指标', '30'],
      ['满意度指标', '10'],
    ]);
    expect(form.indicators.map((x) => [x.section, x.weight?.raw])).toEqual([
      ['产出指标', '10'],
      ['产出指标', '15'],
      ['产出指标', '15'],
      ['产出指标', '10'],
      ['效益指标', '30'],
      ['满意度指标', '10'],
    ]);
  });

  it('gives no finding: the form adds up', async () => {
    expect((await lintText(fixtureText(FILE), FILE)).filter((d) => d.ruleId.startsWith('自评表/'))).toEqual([]);
  });
});
