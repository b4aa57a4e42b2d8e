/**
 * Header cells that span columns (预算数 over 合计 | 基本支出 | 项目支出, 基本支出 over 人员经费 |
 * 公用经费) are told from the cells that name one column, by where they stand over the lines below.
 */
import { describe, expect, it } from 'vitest';
import type { PositionedPiece } from '../src/ingest/text.js';
import { headerLeaves } from '../src/model/tables/header.js';

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

  it('does not take a label wrapped under its own cell, nor its neighbours wrapped, for a span', () => {
    // 事业单位经营 / 支出 and 上缴上级 / 支出 wrap on both sides of 项目支出, a column stand apart
    const rows = [
      [at('合计', 90, 110), at('事业单位经营', 170, 230), at('项目支出', 280, 320), at('上缴上级', 380, 420)],
      [at('支出', 190, 210), at('支出', 390, 410)],
    ];
    expect(headerLeaves(rows).map((p) => p.text)).toEqual(['合计', '事业单位经营', '项目支出', '上缴上级', '支出', '支出']);
  });
});
