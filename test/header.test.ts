/**
 * Header cells that span columns (预算数 over 合计 | 基本支出 | 项目支出, 基本支出 over 人员经费 |
 * 公用经费) are told from the cells that name one column, by where they stand over the lines below.
 */
import { describe, expect, it } from 'vitest';
import type { PositionedPiece } from '../src/ingest/text.js';
import { headerColumns, headerLeaves } from '../src/model/tables/header.js';

const at = (text: string, x0: number, x1: number): PositionedPiece => ({ text, x0, x1 });

describe('headerLeaves', () => {
  it('keeps the cells that name one column, drops the ones merged over several', () => {
    // 上海's 财务收支预算总表: 本年收入 | 本年支出 over everything, 预算数 over the four 支出 columns
    const rows = [
      [at('本年收入', 142, 190), at('本年支出', 506, 554)],
      [at('预算数', 598, 634)],
      [at('项目', 107, 131), at('预算数', 210, 246), at('项目', 348, 372), at('基本支出', 592, 640)],
      [at('合计', 481, 505), at('项目支出', 714, 762)],
      [at('人员经费', 554, 602), at('公用经费', 630, 678)],
    ];
    expect(headerLeaves(rows).map((p) => p.text)).toEqual(['项目', '预算数', '项目', '合计', '项目支出', '人员经费', '公用经费']);
  });

  it('joins a name wrapped in its cell, and does not take its neighbours wrapped for a span', () => {
    // 事业单位经营 / 支出 and 上缴上级 / 支出 wrap on both sides of 项目支出, a column apart
    const rows = [
      [at('合计', 90, 110), at('事业单位经营', 170, 230), at('项目支出', 280, 320), at('上缴上级', 380, 420)],
      [at('支出', 190, 210), at('支出', 390, 410)],
    ];
    expect(headerLeaves(rows).map((p) => p.text)).toEqual(['合计', '事业单位经营支出', '项目支出', '上缴上级支出']);
  });

  it('takes no cell centred beside a wrapped name, between its lines, for one under it', () => {
    // a 三公 grid in narrow columns (layout-narrow.calc.pdf): 因公出国（境） / 费 wraps around 合计 and
    // 公务接待费, each one line high and centred; only 购置费 | 运行费 are under a cell that spans
    const rows = [
      [at('因公出国（境）', 206.5, 269.6), at('公务用车购置及运行费', 286.6, 376.8)],
      [at('合计', 165.2, 183.2), at('公务接待费', 398.3, 443.4)],
      [at('费', 233.5, 242.5), at('购置费', 288.3, 315.4), at('运行费', 347.8, 374.9)],
    ];
    const leaves = headerColumns(rows).sort((x, y) => x.x - y.x);
    expect(leaves.map((c) => c.path)).toEqual([['合计'], ['因公出国（境）费'], ['公务用车购置及运行费', '购置费'], ['公务用车购置及运行费', '运行费'], ['公务接待费']]);
  });

  it('names the columns of a 江苏 三公 grid by the cells over them, wrapped names joined', () => {
    // 合计 | “三公”经费 (小计 | 因公出国 / （境）费 | 公务用车购置及运行维护费 (小计 | 公务用车购置 / 费 |
    // 公务用车运行 / 维护费) | 公务接待费) | 会议费 | 培训费, as 江苏省委办公厅 2019 prints it
    const rows = [
      [at('“三公”经费', 550, 594)],
      [at('公务用车购置及运行维护费', 565, 673)],
      [at('合计', 212, 246), at('会议费', 891, 941), at('培训费', 984, 1034)],
      [at('因公出国', 381, 449)],
      [at('小计', 305, 339), at('公务接待费', 781, 865)],
      [at('（境）费', 381, 449), at('公务用车购置', 559, 661), at('公务用车运行', 670, 772)],
      [at('小计', 491, 525)],
      [at('费', 602, 618), at('维护费', 695, 747)],
    ];
    // which span is over which 小计 the places do not tell (the cells are too regular): the
    // catalogue's printedOrders names them; the leaves, in order, are what it needs
    const leaves = headerColumns(rows).sort((x, y) => x.x - y.x);
    expect(leaves.map((c) => c.piece.text)).toEqual(['合计', '小计', '因公出国（境）费', '小计', '公务用车购置费', '公务用车运行维护费', '公务接待费', '会议费', '培训费']);
  });
});
