/** A project form's 自评结论 below its rows, and figures read off a line's text. */
import type { SourceLine } from '../../ingest/text.js';
import { printedCell, sourceLocation } from '../cells.js';
import { FORM_TITLE } from './form-vocabulary.js';
import type { Cell, Form } from '../types.js';

/** a figure read off a line's text (`(50分)`, `执行率为75%`), located where the line prints it */
export function lineFigure(file: string, line: SourceLine, raw: string, percent = false): Cell {
  const column = Math.max(1, line.text.indexOf(raw) + 1);
  return printedCell(raw, { ...sourceLocation(file, line), column, endColumn: column + raw.length }, null, percent);
}

const RATE = /(?:执\s*行|完\s*成)\s*率\s*为\s*(\d+(?:\.\d+)?)\s*(?:%|(?=[，。,；]))/;

/**
 * 自评结论 (its label may stand one character a line: 自 / 评 / 结 / 论), up to 联系人 or the
 * next form; the rate it states: 该项目全年预算执行率为75%, 完成率为73.42%, 执行率为0，
 * The index after the conclusion (`k` when there is none).
 */
export function readConclusion(lines: SourceLine[], k: number, form: Form, file: string): number {
  let said: string[] = [];
  let labelled = false;
  let concluded = k;
  let before = '';
  for (let c = k; c < Math.min(lines.length, k + 15); c++) {
    const text = lines[c].text.trim();
    if (FORM_TITLE.test(text) || /^(联系人|填报人|单位负责人)/.test(text)) break;
    if (/^自\s*评\s*结\s*论/.test(text) || (text === '论' && lines[c - 1]?.text.trim() === '结')) {
      labelled = true;
      said = [];
      const rest = text.replace(/^自\s*评\s*结\s*论[:：]?/, '').trim();
      if (rest && text !== '论') said.push(rest);
    } else if (labelled && text) said.push(text);
    if (labelled && !text && said.length) break;
    if (labelled) concluded = c + 1;
    // (its words may be spaced out, as justified text comes from some PDFs: 执 行 率 为80.29%); the
    // cell may wrap its sentence before the figure (执行率为 / 100.00%。): the line before is read with it
    const rate = RATE.exec(text) ?? (labelled && before ? RATE.exec(before + text) : null);
    if (rate && !form.conclusion.rate && text.includes(rate[1])) form.conclusion.rate = lineFigure(file, lines[c], rate[1], true);
    if (labelled && text) before = said[said.length - 1] ?? '';
  }
  if (said.length) form.conclusion.text = said.join('');
  return concluded;
}
