import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatSarif, type FileResult, type FormatContext } from '../src/format/index.js';
import { contextFor, lintResults, NARRATIVE_TXT, NOT_PDF, SAMPLE_PDF, SAMPLE_TXT, suppressFirst } from './format-helpers.js';
import { ROOT } from './helpers.js';

/**
 * The SARIF 2.1.0 JSON schema as Microsoft's SARIF SDK ships it (sarif-2.1.0-rtm.5, draft-04):
 * the only npm package we found that carries the schema as a file.
 */
const SCHEMA = path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function validator() {
  // unicodeRegExp off: one pattern of the schema (a language tag) is not valid with the u flag
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
}

type Sarif = { runs: Array<Record<string, any>> };

describe('sarif', () => {
  let results: FileResult[];
  let context: FormatContext;
  beforeAll(async () => {
    ({ results } = await lintResults([SAMPLE_PDF, SAMPLE_TXT, NARRATIVE_TXT, NOT_PDF]));
    context = await contextFor();
  });

  it('is valid SARIF 2.1.0 by the official schema, and the schema check does catch a fault', () => {
    const validate = validator();
    const withSuppressed = [...results.slice(0, 2), suppressFirst(results[2], '已报财政局同意'), results[3]];
    const log = JSON.parse(formatSarif(withSuppressed, context));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('gives each finding its rule, level, region, page, table cell and figures', () => {
    const run = (JSON.parse(formatSarif(results, context)) as Sarif).runs[0];
    const rules = run.tool.driver.rules as Array<{ id: string }>;
    const pdf = run.results.filter((r: any) => r.locations[0].physicalLocation.artifactLocation.uri === 'fixtures/sample/budget-2025.pdf');
    expect(pdf.map((r: any) => [r.ruleId, r.properties.page, r.locations[0].physicalLocation.region.startLine])).toEqual([
      // the 住房公积金 omission once, at its 项 (its 款, 类 and 合计 named in the message)
      ['表间/预算科目支出不少于财政拨款', 5, 19],
      // a 款 out in two columns: one finding, the other column listed in its message
      ['科目/上下级合计', 7, 8],
      ['科目/上下级合计', 8, 7],
    ]);
    const third = pdf[1];
    expect(rules[third.ruleIndex].id).toBe('科目/上下级合计');
    expect({ ...third, partialFingerprints: undefined, ruleIndex: undefined }).toEqual({
      ruleId: '科目/上下级合计',
      ruleIndex: undefined,
      level: 'error',
      message: { text: '部门公开表5 20805 行政事业单位养老支出「合计」为 63.25 万元，其下级科目之和为 62.24 万元，相差 1.01 万元（同一行另有 1 栏也不符：「基本支出」63.25 万元，应为 62.24 万元）（第 7 页第 8 行）' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'fixtures/sample/budget-2025.pdf', uriBaseId: '%SRCROOT%' },
            region: { startLine: 8, startColumn: 18, endLine: 8, endColumn: 23 },
          },
          logicalLocations: [{ name: '合计', fullyQualifiedName: '部门公开表5 › 20805 › 合计', kind: 'element' }],
        },
      ],
      partialFingerprints: undefined,
      properties: { page: 7, expected: 62.24, actual: 63.25, difference: 1.01, unit: '万元', expectedText: '62.24 万元', actualText: '63.25 万元', differenceText: '1.01 万元' },
    });
    expect(third.partialFingerprints['budgetLint/v1']).toMatch(/^[0-9a-f]{32}:1$/);
    // a warning is a warning; a text file has no page
    const narrative = run.results.filter((r: any) => r.locations[0].physicalLocation.artifactLocation.uri === NARRATIVE_TXT);
    expect(narrative.map((r: any) => [r.ruleId, r.level, r.properties?.page])).toEqual([
      ['读取/未含公开表', 'warning', undefined],
      ['叙述/同比变化率', 'error', undefined],
    ]);
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: pathToFileURL(ROOT).href.replace(/\/?$/, '/') } });
  });

  it('describes every rule that ran, with help from its description and why, and a link to its docs', () => {
    const driver = (JSON.parse(formatSarif(results, context)) as Sarif).runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'budget-lint', version: '0.1.0', semanticVersion: '0.1.0' });
    const rule = driver.rules.find((r: any) => r.id === '科目/上下级合计');
    // its own section of docs/rules.md
    const docs = `${pathToFileURL(ROOT).href.replace(/\/?$/, '/')}docs/rules.md#${encodeURIComponent('科目上下级合计')}`;
    expect(rule).toEqual({
      id: '科目/上下级合计',
      name: '科目/上下级合计',
      shortDescription: { text: '合计 = Σ 类，类 = Σ 款，款 = Σ 项（经济分类：类 = Σ 款）' },
      fullDescription: { text: '合计 = Σ 类，类 = Σ 款，款 = Σ 项（经济分类：类 = Σ 款）。上级科目是下级科目的汇总，不相等说明某个科目金额录错、漏列或多列。' },
      help: {
        text: `合计 = Σ 类，类 = Σ 款，款 = Σ 项（经济分类：类 = Σ 款）\n\n上级科目是下级科目的汇总，不相等说明某个科目金额录错、漏列或多列。\n\n说明文档：${docs}`,
        markdown: `**合计 = Σ 类，类 = Σ 款，款 = Σ 项（经济分类：类 = Σ 款）**\n\n上级科目是下级科目的汇总，不相等说明某个科目金额录错、漏列或多列。\n\n[说明文档](${docs})`,
      },
      helpUri: docs,
      defaultConfiguration: { level: 'error' },
      properties: { source: 'rules/table-rows.yaml:3:5' },
    });
    // the reader's own checks are rules too, so that their results have one
    expect(driver.rules.find((r: any) => r.id === '读取/表格未能读取')).toMatchObject({ defaultConfiguration: { level: 'warning' }, helpUri: `${driver.informationUri}#tables-what-is-read-and-adding-a-provinces-variant` });
  });

  it('says a file it could not lint as a notification of a run that did not fully succeed', () => {
    const run = (JSON.parse(formatSarif(results, context)) as Sarif).runs[0];
    expect(run.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          { level: 'error', message: { text: `${NOT_PDF} 不是 PDF 文件` }, locations: [{ physicalLocation: { artifactLocation: { uri: NOT_PDF, uriBaseId: '%SRCROOT%' } } }] },
        ],
      },
    ]);
    const clean = (JSON.parse(formatSarif(results.slice(0, 1), context)) as Sarif).runs[0];
    expect(clean.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('marks a suppressed finding with its justification', () => {
    const run = (JSON.parse(formatSarif([suppressFirst(results[1], '含上年结转资金，已报财政局同意')], context)) as Sarif).runs[0];
    expect(run.results.map((r: any) => r.suppressions)).toEqual([
      ...Array(4).fill(undefined),
      [{ kind: 'external', status: 'accepted', justification: '含上年结转资金，已报财政局同意' }],
    ]);
    expect(run.results[4].ruleId).toBe('表间/预算科目支出不少于财政拨款');
  });

  it('percent-encodes a path with spaces and Chinese characters; a file outside the working directory is a file: URI', () => {
    const inside = { ...results[2], filePath: 'disclosures/2025 预算/说明.txt' };
    const outside = { ...results[2], filePath: path.join(tmpdir(), '说明.txt') };
    const run = (JSON.parse(formatSarif([inside, outside], context)) as Sarif).runs[0];
    const uris = run.results.map((r: any) => r.locations[0].physicalLocation.artifactLocation);
    expect(uris[0]).toEqual({ uri: 'disclosures/2025%20%E9%A2%84%E7%AE%97/%E8%AF%B4%E6%98%8E.txt', uriBaseId: '%SRCROOT%' });
    expect(uris[2]).toEqual({ uri: pathToFileURL(path.join(tmpdir(), '说明.txt')).href });
  });

  it('keeps each fingerprint when lines are inserted above, and tells apart findings that differ only in place', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-sarif-'));
    const file = path.join(dir, 'doc.txt');
    const text = readFileSync(path.join(ROOT, SAMPLE_TXT), 'utf8');
    const prints = async () => {
      const { results: rs } = await lintResults([file]);
      const run = (JSON.parse(formatSarif(rs, { ...context, cwd: dir })) as Sarif).runs[0];
      return run.results.map((r: any) => [r.ruleId, r.locations[0].physicalLocation.region.startLine, r.partialFingerprints['budgetLint/v1']]);
    };
    writeFileSync(file, text);
    const before = await prints();
    writeFileSync(file, '\n\n\n\n\n' + text);
    const after = await prints();
    expect(after.map((r: any) => r[1])).toEqual(before.map((r: any) => r[1] + 5));
    expect(after.map((r: any) => r[2])).toEqual(before.map((r: any) => r[2]));
    expect(new Set(before.map((r: any) => r[2])).size).toBe(before.length);
  });
});
