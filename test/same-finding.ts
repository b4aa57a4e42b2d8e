/** Findings of a text and of the PDF it was extracted from, compared as what both can say. */

/**
 * One finding as both readings can state it. A text that parts cells by one space cannot tell
 * which column a row's second figure stands in, nor a blank cell from one not printed; so of the
 * same wrong row it may leave out the PDF's note of the other columns also wrong (同一行另有…), and
 * say a 合计 printed without its parts (只印合计) where the PDF sums the parts' blank cells to 0
 * (行内分列合计).
 */
export function asBothSayIt(d: string): string {
  const alone = /^科目\/(?:只印合计 (.+?) 只印出「合计」([\d,.]+) 万?元，.*|行内分列合计 (.+?)「合计」为 ([\d,.]+) 万?元，各分栏之和（0）.*)$/.exec(d);
  if (alone) return `合计无分栏 ${alone[1] ?? alone[3]} ${alone[2] ?? alone[4]}`;
  return d.replace(/（同一行另有 \d+ 栏也不符：[^）]*）$/, '');
}
