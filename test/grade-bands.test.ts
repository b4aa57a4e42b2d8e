/**
 * The scoring rule's grade bands (90（含）-100 为“优” … 60分以下为“差”) are read over the
 * narrative's lines joined: a PDF line may end inside a band (ReportLab's and iText's wrapping
 * breaks `60分以下为“` / `差”；`), and the band must not be lost.
 */
import { describe, expect, it } from 'vitest';
import { fixtureText, mutate, reportOf } from './helpers.js';

const FILE = 'pdf/corpus-weihai-huancui-2023-final.txt';
const text = fixtureText(FILE);
const RULE = '2.自评等级：自评得分在 90（含）-100 为“优”，80（含）-90 为“良”，60（含）-80 为“中”，60分以下为“差”；';
const FOUR = [
  { grade: '优', min: 90, max: 100 },
  { grade: '良', min: 80, max: 90 },
  { grade: '中', min: 60, max: 80 },
  { grade: '差', min: -Infinity, max: 60 },
];

describe('grade bands', () => {
  it('are read from the rule on one line', () => {
    expect(reportOf(text, FILE).grades.bands).toEqual(FOUR);
  });

  it.each([
    ['inside the band below the lowest', '60分以下为“\n差”；'],
    ['inside a band', '60（含）-\n80 为“中”'],
  ])('are read where a line ends %s', (_, wrapped) => {
    const flat = wrapped.replace('\n', '');
    expect(reportOf(mutate(text, RULE, RULE.replace(flat, wrapped)), FILE).grades.bands).toEqual(FOUR);
  });
});
