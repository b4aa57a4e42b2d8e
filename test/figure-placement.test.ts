/**
 * placeByRightEdges: figures set flush right in wide cells under names set in their middles
 * (Chromium's 三线表 of province-budget's 收入总表: positions as printed, points).
 */
import { describe, expect, it } from 'vitest';
import { placeByRightEdges, rightSetEnds } from '../src/model/tables/geometry.js';

const fig = (x0: number, x1: number) => ({ x0, x1 });
// 合计 and 一般公共预算拨款收入's figures of four rows: 1,007.60 / 945.86 / 90.36 / 25.60
const totals = [fig(265.27, 294.41), fig(271.52, 294.42), fig(275.68, 294.42), fig(275.68, 294.42)];
const grants = [fig(397.65, 426.8), fig(403.91, 426.81), fig(408.07, 426.81), fig(408.07, 426.81)];
const labels = [
  { key: '合计', x0: 261.19 },
  { key: '一般公共预算拨款收入', x0: 326.11 },
  { key: '事业收入', x0: 444.22 },
  { key: '其他收入', x0: 503.06 },
];

describe('placeByRightEdges', () => {
  it('a figure goes to the column whose name starts last before it ends, not the nearer name', () => {
    // 90.36's middle (417.4) is nearer 事业收入's (459.2) than 一般公共预算拨款收入's (363.6)
    const placed = placeByRightEdges([totals[2], grants[2]], rightSetEnds([...totals, ...grants]), labels);
    expect(placed && Object.fromEntries(placed)).toEqual({ 合计: totals[2], 一般公共预算拨款收入: grants[2] });
  });

  it('two ends of figures set right under one name (a column whose name was not found between): nothing placed', () => {
    const without = labels.filter((l) => l.key !== '一般公共预算拨款收入');
    expect(placeByRightEdges([totals[2], grants[2]], rightSetEnds([...totals, ...grants]), without)).toBeNull();
  });

  it('figures centred in their cells (ends apart) are not shown set right: nothing placed', () => {
    const centred = [fig(397.65, 426.8), fig(400.8, 423.7), fig(404.9, 419.5)];
    expect(placeByRightEdges([totals[2], centred[2]], rightSetEnds([...totals, ...centred]), labels)).toBeNull();
  });
});
