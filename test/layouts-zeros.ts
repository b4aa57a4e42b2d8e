/**
 * The 部门公开表1 of fixtures/calc-src/layout-zeros.yaml as a correct reader gives it: every row
 * (key → figure and function code), whichever way its zeros are printed (`0.00`, `0`, `-`, blank).
 * Its text version and its PDF are read so (layouts-calc.test.ts).
 */
import type { Report } from '../src/model/index.js';

export function zerosSummary(r: Report) {
  const t = r.tables.find((x) => x.id === '部门公开表1')!;
  return { rows: t.rows.length, cells: Object.fromEntries(t.rows.map((x) => [x.key, [Object.values(x.cells)[0]?.value ?? null, x.code ?? null]])) };
}

export const ZEROS_SUMMARY = {
  rows: 25,
  cells: {
    '收入:一般公共预算拨款收入': [1227.91, null],
    '收入:政府性基金预算拨款收入': [0, null],
    '收入:国有资本经营预算拨款收入': [0, null],
    '收入:财政专户管理资金收入': [0, null],
    '收入:事业收入': [50, null],
    '收入:上级补助收入': [0, null],
    '收入:附属单位上缴收入': [0, null],
    '收入:事业单位经营收入': [0, null],
    '收入:其他收入': [0, null],
    '收入:本年收入合计': [1277.91, null],
    '收入:上年结转': [0, null],
    '收入:总计': [1277.91, null],
    '支出:一般公共服务支出': [0, '201'],
    '支出:公共安全支出': [0, '204'],
    '支出:教育支出': [0, '205'],
    '支出:科学技术支出': [0, '206'],
    '支出:社会保障和就业支出': [104.16, '208'],
    '支出:卫生健康支出': [37.2, '210'],
    '支出:节能环保支出': [0, '211'],
    '支出:城乡社区支出': [0, '212'],
    '支出:自然资源海洋气象等支出': [1080.75, '220'],
    '支出:住房保障支出': [55.8, '221'],
    '支出:本年支出合计': [1277.91, null],
    '支出:结转下年': [0, null],
    '支出:总计': [1277.91, null],
  },
};

/** the 三公 grid of layout-zeros: 15.60 | - | 0 | 11.20 | 4.40 under 合计 | 因公出国（境）费 | 购置费 | 运行费 | 公务接待费 */
export function threePublic(r: Report) {
  const cells = r.tables.find((t) => t.id === '部门公开表7')!.rows[0].cells;
  return {
    total: cells['本年预算数.合计']?.raw,
    // `-`: nothing printed, or a zero
    abroad: cells['本年预算数.因公出国（境）费']?.value ?? 0,
    // not printed in this header
    subtotal: cells['本年预算数.公务用车购置及运行维护费'] ?? null,
    purchase: cells['本年预算数.公务用车购置费']?.raw ?? null,
    upkeep: cells['本年预算数.公务用车运行维护费']?.raw ?? null,
    reception: cells['本年预算数.公务接待费']?.raw ?? null,
  };
}
export const THREE_PUBLIC = { total: '15.60', abroad: 0, subtotal: null, purchase: '0', upkeep: '11.20', reception: '4.40' };
