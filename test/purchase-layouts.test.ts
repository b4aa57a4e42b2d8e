/**
 * 政府采购预算表 in the two shapes provinces print, as spreadsheets export them (LibreOffice Calc
 * and Gnumeric; fixtures/calc-src/layout-purchases*.yaml): 江苏's rows nesting by what they print
 * (大类, 专项, 采购物品) under one amount column, and a county's rows by unit with 合计 split into
 * 货物 | 工程 | 服务 columns. Each carries one planted mistake (marked in its source); the text
 * version (tab-separated, as Calc saves a sheet) gives its PDF's model and diagnostics.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model/index.js';
import { runRules } from '../src/rules/index.js';
import { expectTextAsPdf, readFixture } from './calc-fixtures.js';
import { builtinRules } from './helpers.js';

const purchases = (r: Report) => r.tables.find((t) => t.id === '预算/政府采购表')!;
/** each row as level, key, parent and its figures */
const outline = (r: Report) => purchases(r).rows.map((x) => [x.level ?? 0, x.key, x.parent ?? null, ...Object.values(x.cells).map((c) => c.raw)]);
const findings = async (r: Report) =>
  runRules(r, await builtinRules())
    .filter((d) => d.ruleId !== '形式/必备表')
    .map((d) => [d.ruleId, d.page, d.row, d.tableColumn, d.actual, d.expected, d.difference]);

describe.each(['calc', 'gnumeric'] as const)('政府采购预算表 by levels (layout-purchases.%s.pdf)', (producer) => {
  it('reads each row at its level, under the row it is part of', async () => {
    const r = await readFixture(`layout-purchases.${producer}.pdf`);
    expect(purchases(r).unread).toBeNull();
    expect(outline(r)).toEqual([
      [0, '合计', null, '1,081.20'],
      [1, '货物', '合计', '381.20'],
      [2, '办公设备购置费办公设备购置', '货物', '121.20'],
      [3, '台式计算机（20万以下）', '办公设备购置费办公设备购置', '60.00'],
      [3, '便携式计算机（20万以下）', '办公设备购置费办公设备购置', '36.00'],
      [3, '复印机', '办公设备购置费办公设备购置', '25.20'],
      [2, '信息网络建设维护费信息网络及软件购置更新', '货物', '260.00'],
      [3, '其他计算机设备及软件', '信息网络建设维护费信息网络及软件购置更新', '180.00'],
      [3, '交换设备', '信息网络建设维护费信息网络及软件购置更新', '85.00'],
      [1, '工程', '合计', '150.00'],
      [2, '办公用房维修费维修（护）费', '工程', '150.00'],
      [3, '修缮工程', '办公用房维修费维修（护）费', '150.00'],
      [1, '服务', '合计', '550.00'],
      [2, '物业管理费物业管理费', '服务', '400.00'],
      [3, '物业管理服务', '物业管理费物业管理费', '360.00'],
      [3, '其他服务', '物业管理费物业管理费', '40.00'],
      [2, '会议费会议费', '服务', '150.00'],
      [3, '会议服务', '会议费会议费', '150.00'],
    ]);
  });

  it('finds the planted 交换设备 in its 专项, and nothing else', async () => {
    expect(await findings(await readFixture(`layout-purchases.${producer}.pdf`))).toEqual([
      ['表内/分级合计', 2, '信息网络建设维护费信息网络及软件购置更新', '总计', '260.00 万元', '265.00 万元', '5.00 万元'],
    ]);
  });

  it('its text version gives the model and the diagnostics of the PDF', async () => {
    await expectTextAsPdf('layout-purchases', producer);
  });
});

describe.each(['calc', 'gnumeric'] as const)('政府采购预算表 by unit, 货物 | 工程 | 服务 in columns (layout-purchases-units.%s.pdf)', (producer) => {
  // a unit names no 大类 and prints no 采购组织形式: the kind's other level, 2, under the 合计
  it('reads the categories as columns, each unit under the 合计', async () => {
    const r = await readFixture(`layout-purchases-units.${producer}.pdf`);
    expect(purchases(r).columns.map((c) => c.key)).toEqual(['总计', '货物', '工程', '服务']);
    expect(outline(r)).toEqual([
      [0, '合计', null, '1,081.20', '381.20', '150.00', '550.00'],
      [2, '河西县交通运输局本级', '合计', '781.20', '281.20', '150.00', '350.00'],
      [2, '河西县公路事业发展中心', '合计', '300.00', '110.00', '0.00', '200.00'],
    ]);
  });

  it("finds the planted 货物 twice: in its unit's row and in the 合计's column", async () => {
    expect(await findings(await readFixture(`layout-purchases-units.${producer}.pdf`))).toEqual([
      ['表内/分级合计', 2, '合计', '货物', '381.20 万元', '391.20 万元', '10.00 万元'],
      ['科目/行内分列合计', 2, '河西县公路事业发展中心', '总计', '300.00 万元', '310.00 万元', '10.00 万元'],
    ]);
  });

  it('its text version gives the model and the diagnostics of the PDF', async () => {
    await expectTextAsPdf('layout-purchases-units', producer);
  });
});
