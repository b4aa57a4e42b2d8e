/** Claim extraction and linking, on sentences from each of the five corpus documents. */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/ingest/index.js';
import { extractClaims } from '../src/model/claims/claims.js';
import { WORDING_KINDS } from '../src/model/claims/document-text.js';
import type { Claim, Report } from '../src/model/index.js';
import { fixtureText, lintText, mutate, reportOf } from './helpers.js';

const final = reportOf(fixtureText('pdf/final-full.txt')); // 贵州 tables, 万元
const yuan = reportOf(fixtureText('text/final-yuan-tabbed.txt')); // 临夏 tables, 元
const budget = reportOf(fixtureText('text/budget.txt')); // 海东 tables

/** the statements of figures (how the text is worded, its years and punctuation, is tested by rules/form.test.yaml) */
function claims(text: string, report: Pick<Report, 'tables' | 'kind'>): Claim[] {
  return extractClaims(splitLines('n.txt', text).lines, 'n.txt', report).claims.filter((c) => !WORDING_KINDS.has(c.kind));
}

const brief = (c: Claim) => ({
  kind: c.kind,
  subject: c.subject,
  figures: Object.fromEntries(Object.entries(c.figures).map(([k, v]) => [k, v.raw])),
  parts: c.parts.map((p) => p.raw),
  link: c.link,
});

describe('claim extraction', () => {
  it('guizhou: a headline with its 其中 list and shares, linked to 公开01/02', () => {
    const cs = claims('二、收入决算情况说明\n\n2023年度本年收入合计12,366.72万元，其中：财政拨款收入\n\n12,308.79万元，占99.53%；上级补助收入0.00万元，占0.00%；其他收入57.93万元，占0.47%。', final).map(brief);
    expect(cs).toContainEqual({ kind: 'sum', subject: '2023年度本年收入合计', figures: { whole: '12,366.72' }, parts: ['12,308.79', '0.00', '57.93'], link: null });
    expect(cs).toContainEqual({ kind: 'amount', subject: '2023年度本年收入合计', figures: { amount: '12,366.72' }, parts: [], link: { table: '公开01', row: '收入:本年收入合计', column: '收入金额' } });
    // each share knows the list's amounts: a share right for their sum, where the headline is not, leaves the mistake to the headline
    expect(cs).toContainEqual({ kind: 'share', subject: '财政拨款收入', figures: { amount: '12,308.79', share: '99.53%', whole: '12,366.72' }, parts: ['12,308.79', '0.00', '57.93'], link: { table: '公开02', row: '合计', column: '财政拨款收入' } });
  });

  it('江苏 政协 2017: each 款 under its 类, a space before 万元 (Word), is named without the amount before it', () => {
    const cs = claims('六、一般公共预算基本支出情况\n工资福利支出（类）2,097.51 万元（1）基本工资（款）支出 737.94 万元（2）津贴补贴（款）支出 100.00 万元。', budget);
    expect(cs.filter((c) => c.kind === 'amount').map((c) => [c.subject, c.figures.amount.raw])).toEqual([
      ['工资福利支出（类）', '2,097.51'],
      ['工资福利支出（类）基本工资（款）', '737.94'],
      ['工资福利支出（类）津贴补贴（款）', '100.00'],
    ]);
  });

  it('a 目录 entry is no section: the text before the first numbered heading of the body is in none (上海: the last entry of the 目录 held it all)', () => {
    const toc = ['上海市某局2025年部门预算', '目 录', '一、部门主要职能 ……………………', '五、部门预算表 ……………………', '六、其他相关情况说明'];
    const body = ['上海市某局主要职能', '2025年，上海市某局收入预算100.00万元。', '其他相关情况说明', '一、2025年“三公”经费预算情况说明', '2025年“三公”经费预算数为1.00万元。'];
    const sectionsOf = (lines: string[]) => claims(lines.join('\n'), budget).filter((c) => c.kind === 'amount').map((c) => [c.figures.amount.raw, c.section]);
    expect(sectionsOf([...toc, ...body])).toEqual([
      ['100.00', ''],
      ['1.00', '一、2025年“三公”经费预算情况说明'],
    ]);
    // an entry followed by its leader or by the next entry is one without a 目录 line too; a heading said again
    // far after the front (each appended project report's 一、项目基本情况) is a heading each time
    expect(sectionsOf(['一、收入支出决算总体情况说明3二、收入决算情况说明……4', ...body.slice(1)])[0]).toEqual(['100.00', '']);
  });

  it('a change and its rate in the wordings the 说明 use: 增幅, 降幅为, 增长率为, 下降了, 较上年增长 D 万元', () => {
    const said = (s: string) =>
      claims(`一、收入预算情况说明\n2024年收入预算总计${s}`, budget)
        .filter((c) => c.kind === 'yoy')
        .map((c) => [c.direction, c.rateDirection ?? null, c.figures.change?.raw ?? null, c.figures.rate?.raw ?? null, c.figures.current?.raw ?? null]);
    expect(said('1100.00万元，比上年增加100.00万元，增幅10.00%。')).toEqual([['增加', '增长', '100.00', '10.00%', '1100.00']]);
    expect(said('1100.00万元，较上年增长100.00万元，增长率为10.00%。')).toEqual([['增加', '增长', '100.00', '10.00%', '1100.00']]);
    expect(said('900.00万元，较2023年减少100.00万元，降幅10.00%。')).toEqual([['减少', '下降', '100.00', '10.00%', '900.00']]);
    expect(said('900.00万元，比上年预算减少了100.00万元，减幅为10.00%。')).toEqual([['减少', '下降', '100.00', '10.00%', '900.00']]);
    expect(said('900.00万元，与上年相比下降100.00万元，下降了10.00%。')).toEqual([['减少', '下降', '100.00', '10.00%', '900.00']]);
    // 福建：增支、减支；广东：降低；重庆、湖北：the rate's word named in a note before its figure
    expect(said('1100.00万元，比上年增支100.00万元，增长10.00%。')).toEqual([['增加', '增长', '100.00', '10.00%', '1100.00']]);
    expect(said('900.00万元，较上年减支100.00万元，降低10.00%。')).toEqual([['减少', '下降', '100.00', '10.00%', '900.00']]);
    expect(said('12.00万元，较上年增支12.00万元，上年无支出。')).toEqual([['增加', null, '12.00', null, '12.00']]);
    expect(said('1100.00万元，比上年增加100.00万元，增长(以下简称“增长”)10.00%。')).toEqual([['增加', '增长', '100.00', '10.00%', '1100.00']]);
    // 重庆：「、」between the change and its rate, in a headline and in a 其中 list
    expect(said('1100.00万元，比上年增加100.00万元、增长10.00%。')).toEqual([['增加', '增长', '100.00', '10.00%', '1100.00']]);
    const listed = claims('三、支出预算情况说明\n2024年支出预算合计1000.00万元，其中：基本支出800.00万元，比上年增加100.00万元、增长14.29%；项目支出200.00万元，比上年减少50.00万元、下降20.00%。', budget);
    expect(listed.filter((c) => c.kind === 'yoy').map((c) => [c.subject, c.direction, c.figures.change.raw, c.figures.rate?.raw])).toEqual([
      ['基本支出', '增加', '100.00', '14.29%'],
      ['项目支出', '减少', '50.00', '20.00%'],
    ]);
    expect(listed.filter((c) => c.kind === 'sum').map((c) => c.parts.map((p) => p.raw))).toEqual([['800.00', '200.00']]);
    const fromLevels = (s: string) => claims(`一、收入预算情况说明\n上年预算数为1000.00万元，2024年收入预算总计${s}`, budget).filter((c) => c.kind === 'yoy').map((c) => [c.rateDirection, c.figures.rate.raw, c.figures.prior?.raw]);
    expect(fromLevels('1100.00万元，比上年增长(以下简称“增长”)10.00%。')).toEqual([['增长', '10.00%', '1000.00']]);
    expect(fromLevels('900.00万元，比上年降低10.00%。')).toEqual([['下降', '10.00%', '1000.00']]);
    // a change is no amount a table holds
    expect(claims('一、收入预算情况说明\n2024年收入预算总计1100.00万元，比上年增支100.00万元。', budget).filter((c) => c.kind === 'amount' && c.link).map((c) => c.subject)).toEqual(['2024年收入预算总计']);
  });

  it('a share in the wordings the 说明 use (占比, 占总支出的, 所占比重为), its 其中 list read whole', () => {
    for (const word of ['占', '占比', '占总支出的', '占本年支出合计的比重为', '所占比重为']) {
      const cs = claims(`三、支出预算情况说明\n2024年支出预算合计1000.00万元，其中：基本支出800.00万元，${word}80.00%；项目支出200.00万元，${word}20.00%。`, budget);
      expect(cs.filter((c) => c.kind === 'sum').map((c) => c.parts.map((p) => p.raw))).toEqual([['800.00', '200.00']]);
      expect(cs.filter((c) => c.kind === 'share').map((c) => [c.figures.amount.raw, c.figures.share.raw, c.figures.whole?.raw])).toEqual([
        ['800.00', '80.00%', '1000.00'],
        ['200.00', '20.00%', '1000.00'],
      ]);
    }
  });

  it('a 其中 list whose item has its own 其中 in brackets: both lists read, each to its own amount', () => {
    const cs = claims('2024年“三公”经费预算10.00万元，其中：因公出国（境）费0.00万元；公务用车购置及运行维护费6.00万元（其中：公务用车购置费0.00万元，公务用车运行维护费6.00万元）；公务接待费4.00万元。', budget);
    expect(cs.filter((c) => c.kind === 'sum').map((c) => [c.subject, c.figures.whole.raw, c.parts.map((p) => p.raw)])).toEqual([
      ['2024年“三公”经费预算', '10.00', ['0.00', '6.00', '4.00']],
      ['公务用车购置及运行维护费', '6.00', ['0.00', '6.00']],
    ]);
  });

  it('an execution rate in the wordings the 说明 use (完成预算的, 预算执行率为, 决算数为年初预算数的)', () => {
    for (const said of ['年初预算为100.00万元，支出决算为95.00万元，完成预算的95.00%', '年初预算为100.00万元，支出决算为95.00万元，预算执行率为95.00%', '年初预算100.00万元，决算95.00万元，决算数为年初预算数的95.00%']) {
      const [c] = claims(`一般公共服务支出（类）人大事务（款）行政运行（项）${said}。`, final);
      expect([c.kind, c.figures.budget.raw, c.figures.actual.raw, c.figures.rate?.raw]).toEqual(['rate', '100.00', '95.00', '95.00%']);
    }
  });

  it('上海 2025: 当年支出决算为, and a budget of nothing printed without its unit (年初预算为 0，…), are execution statements too', () => {
    const [a] = claims('一般公共服务支出（类）人大事务（款）行政运行（项），年初预算为 40.00 万元，当年支出决算为 30.00 万元。', final);
    expect([a.kind, a.figures.budget.raw, a.figures.actual.raw]).toEqual(['rate', '40.00', '30.00']);
    const [b] = claims('一般公共服务支出（类）人大事务（款）行政运行（项），年初预算为 0，支出决算为 150 万元。决算数大于预算数。', final);
    expect([b.kind, b.figures.budget.raw, b.figures.actual.raw, b.relation?.word]).toEqual(['rate', '0', '150', '大于']);
    // a figure other than nothing keeps its unit to be read so (年初预算为 40，… is not)
    expect(claims('一般公共服务支出（类）人大事务（款）行政运行（项），年初预算为 40，支出决算为 150 万元。', final).some((c) => c.kind === 'rate')).toBe(false);
    // the actual printed without its unit where its clause ends takes the budget's (宜川路街道 2025: 支出决算为 4.19。)
    const [c] = claims('一般公共服务支出（类）人大事务（款）行政运行（项）4.19 万元。年初预算为 0.00 万元，支出决算为 4.19。决算数大于预算数。', final).filter((x) => x.kind === 'rate');
    expect([c.figures.budget.raw, c.figures.actual.raw, c.figures.actual.unit]).toEqual(['0.00', '4.19', '万元']);
    // the item's own amount between its path and the statement; another amount of its sentence is not the item's
    const items = claims('“社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”257.14 万元，主要用于：离休费 100.00 万元。年初预算为 274.82 万元，支出决算为 257.14 万元。', final);
    expect(items.map((x) => [x.kind, x.subject, x.figures.amount?.raw ?? x.figures.actual?.raw])).toEqual([
      ['amount', '社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）', '257.14'],
      ['amount', '离休费', '100.00'],
      // …and a statement after another figure is not said to be the path's
      ['rate', '', '257.14'],
    ]);
    // a name quoted whole is the name; “三公”经费 keeps its quotes
    expect(claims('一般公共预算财政拨款支出主要用于以下方面：3.“教育支出”16.24 万元，占 0.09%；', final).find((x) => x.kind === 'share')?.subject).toBe('教育支出');
    // …but not where the budget is in 元 (its 4,190 would be read as 4,190 万元)
    expect(claims('一般公共服务支出（类）人大事务（款）行政运行（项），年初预算为 4,190 元，支出决算为 4,190。', final).some((x) => x.kind === 'rate')).toBe(false);
  });

  it('guizhou: an execution rate whose 类/款/项 path stands in the sentence before, located on its line', () => {
    const text = '1.社会保障和就业支出（类）行政事业单位养老支出（款）\n 行政单位离退休（项）。年初预算为7.22万元，支出决算为7.22\n万元，完成年初预算的100%。';
    const [c] = claims(text, final);
    expect(brief(c)).toEqual({
      kind: 'rate',
      subject: '社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）',
      figures: { budget: '7.22', actual: '7.22', rate: '100%' },
      parts: [],
      link: { table: '公开05', row: '2080501', column: '小计' },
    });
    expect(c.figures.budget.loc).toMatchObject({ line: 2, column: 18 });
    expect(c.figures.rate.loc).toMatchObject({ line: 3, column: 11 });
  });

  it('guizhou: year on year in one sentence, with the current amount before it', () => {
    const cs = claims('2023年度收、支总计均为17,912.75万元，与2022年度相比，\n收、支总计各减少577.07万元，下降3.12%。', final);
    expect(cs.filter((c) => c.kind === 'yoy').map(brief)).toEqual([{ kind: 'yoy', subject: '收支总计', figures: { change: '577.07', rate: '3.12%', current: '17,912.75' }, parts: [], link: null }]);
    expect(cs.find((c) => c.kind === 'yoy')!.direction).toBe('减少');
    expect(cs.find((c) => c.kind === 'amount')!.link).toEqual({ table: '公开01', row: '收入:总计', column: '收入金额' });
  });

  it('two items\' changes and rates listed together (分别) are each read with its own level, in order', () => {
    const yoy = (text: string) => claims(text, final).filter((c) => c.kind === 'yoy').map(brief);
    expect(yoy('2023年度本年收入12,366.72万元，本年支出14,250.23万元，与上年相比分别增加1,000.00万元、2,000.00万元，分别增长8.80%、16.33%。')).toEqual([
      { kind: 'yoy', subject: '本年收入', figures: { change: '1,000.00', rate: '8.80%', current: '12,366.72' }, parts: [], link: null },
      { kind: 'yoy', subject: '本年支出', figures: { change: '2,000.00', rate: '16.33%', current: '14,250.23' }, parts: [], link: null },
    ]);
    // each change with its own word, the unit once after the list, the levels in the sentence before
    expect(yoy('2020年度收入476.17、支出总计460.06万元。与2019年相比,收入减少84.55、支出总计减少99.6万元,分别下降18%、21.6%。').map((c) => [c.subject, c.figures])).toEqual([
      ['收入', { change: '84.55', rate: '18%', current: '476.17' }],
      ['支出总计', { change: '99.6', rate: '21.6%', current: '460.06' }],
    ]);
    // not since a year (比年初预算), or one level only before the list: nothing read, no level guessed
    expect(yoy('本年支出14,250.23万元，比年初预算分别增加1,000.00万元、2,000.00万元，分别增长8.80%、16.33%。')).toEqual([]);
    expect(yoy('本年收入12,366.72万元。与上年相比分别增加1,000.00万元、2,000.00万元，分别增长8.80%、16.33%。')).toEqual([]);
    // three levels before the list: which two it is of is not said
    expect(yoy('本年收入12,366.72万元，其中财政拨款12,308.79万元，本年支出14,250.23万元，与上年相比分别增加1,000.00万元、2,000.00万元，分别增长8.80%、16.33%。')).toEqual([]);
  });

  it('收入总计, 本年收入, 年末结转和结余 … said on their own link to their rows of 公开01, not in a section on appropriations', () => {
    const linked = (text: string) => claims(text, final).filter((c) => c.kind === 'amount').map((c) => [c.subject, c.link]);
    expect(linked('一、收入支出决算总体情况说明\n2023年度收入总计17,912.75万元，支出总计17,912.75万元。')).toEqual([
      ['2023年度收入总计', { table: '公开01', row: '收入:总计', column: '收入金额' }],
      ['支出总计', { table: '公开01', row: '支出:总计', column: '支出金额' }],
    ]);
    expect(linked('一、收入支出决算总体情况说明\n本年收入12,366.72万元，年初结转和结余5,546.03万元；本年支出14,250.23万元，年末结转和结余3,662.52万元。')).toEqual([
      ['本年收入', { table: '公开01', row: '收入:本年收入合计', column: '收入金额' }],
      ['年初结转和结余', { table: '公开01', row: '收入:年初结转和结余', column: '收入金额' }],
      ['本年支出', { table: '公开01', row: '支出:本年支出合计', column: '支出金额' }],
      ['年末结转和结余', { table: '公开01', row: '支出:年末结转和结余', column: '支出金额' }],
    ]);
    // in a section on appropriations' 收支, they are 公开04's; 财政拨款 in the words says so anywhere
    expect(linked('四、财政拨款收入支出决算总体情况说明\n收入总计17,307.85万元，其中：本年收入12,308.79万元，年初结转和结余4,999.06万元。')).toEqual([
      ['收入总计', { table: '公开04', row: '收入:总计', column: '收入金额' }],
      ['本年收入', { table: '公开04', row: '收入:本年收入合计', column: '收入金额' }],
      ['年初结转和结余', { table: '公开04', row: '收入:年初结转和结余', column: '收入金额' }],
    ]);
    expect(linked('一、收入支出决算总体情况说明\n财政拨款支出14,250.23万元，年末财政拨款结转和结余3,057.62万元；一般公共预算财政拨款收入12,308.79万元。')).toEqual([
      ['财政拨款支出', { table: '公开04', row: '支出:本年支出合计', column: '合计' }],
      ['年末财政拨款结转和结余', { table: '公开04', row: '支出:年末结转和结余', column: '合计' }],
      ['一般公共预算财政拨款收入', { table: '公开04', row: '收入:一般公共预算财政拨款', column: '收入金额' }],
    ]);
    // in a section on one fund, the words are that fund's: 公开07's columns, or nothing to compare with
    expect(linked('七、政府性基金预算财政拨款收支决算情况说明\n2023年度政府性基金预算财政拨款年初结转和结余0.00万元，本年收入0.00万元，本年支出0.00万元。')).toEqual([
      ['2023年度政府性基金预算财政拨款年初结转和结余', null],
      ['本年收入', { table: '公开07', row: '合计', column: '本年收入' }],
      ['本年支出', { table: '公开07', row: '合计', column: '本年支出小计' }],
    ]);
    expect(linked('五、一般公共预算财政拨款支出决算情况说明\n财政拨款支出14,250.23万元，年末结转和结余3,057.62万元。')).toEqual([
      ['财政拨款支出', null],
      ['年末结转和结余', null],
    ]);
  });

  it('江苏: 收入 rows said with 预算总计 and printed without 收入, and classes of all funds, link to the 收支总表', () => {
    const jiangsu = reportOf(fixtureText('text/aligned-three-pairs.txt')); // 收支总表 with no 支出总表 beside it
    const linked = claims(
      '一、收支预算总体情况说明\n（一）收入预算总计9,146.79万元。包括：1．财政拨款收入预算总计9,066.79万元。其中（1）一般公共预算收入预算9,066.79万元。2．其他资金收入预算总计80.00万元。（二）支出预算总计9,146.79万元。包括：1．一般公共服务（类）支出6,543.55万元，主要用于机关运行。',
      jiangsu,
    )
      .filter((c) => c.kind === 'amount')
      .map((c) => [c.subject, c.link?.row ?? null]);
    expect(linked).toEqual([
      ['收入预算总计', '收入:总计'],
      ['财政拨款收入预算总计', '收入:财政拨款'],
      ['一般公共预算收入预算', '收入:一般公共预算'],
      ['其他资金收入预算总计', '收入:其他资金'],
      ['支出预算总计', '支出:总计'],
      ['一般公共服务（类）', '支出:一般公共服务支出'],
    ]);
  });

  it("a budget's 收入总计 and 本年收入 said without 预算 link to the 收支总表, to the 财政拨款收支总表 in its section", () => {
    const linked = (text: string) => claims(text, budget).filter((c) => c.kind === 'amount').map((c) => [c.subject, c.link ? `${c.link.table} ${c.link.row}` : null]);
    expect(linked('一、收支预算总体情况说明\n2025年收入总计1215.34万元，支出总计1215.34万元，本年收入1215.34万元。')).toEqual([
      ['2025年收入总计', '部门公开表1 收入:总计'],
      ['支出总计', '部门公开表1 支出:总计'],
      ['本年收入', '部门公开表1 收入:本年收入合计'],
    ]);
    expect(linked('四、财政拨款收支预算总体情况说明\n收入总计1215.34万元。')).toEqual([['收入总计', '部门公开表4 收入:总计']]);
    // the whole of both sides, in the words budgets use for it
    expect(linked('一、收支预算总体情况说明\n2025年部门收支预算总额1215.34万元。2025年收、支预算总计均为1215.34万元。')).toEqual([
      ['2025年部门收支预算总额', '部门公开表1 收入:总计'],
      ['2025年收支预算总计', '部门公开表1 收入:总计'],
    ]);
    expect(linked('五、一般公共预算支出预算情况说明\n收入总计1215.34万元。')).toEqual([['收入总计', null]]);
  });

  it('qinghai: 年初预算为: with a colon, spaces around figures', () => {
    const [c] = claims('年初预算为:66.26 万元，支出决算为 66.63 万元，完成年初预算的 100.56%。', final);
    expect(brief(c).figures).toEqual({ budget: '66.26', actual: '66.63', rate: '100.56%' });
  });

  it('linxia: a class name in markdown bold, half-width commas, linked to a table in 元', () => {
    const [c] = claims('8. **社会保障和就业支出**年初预算数为 782.38 万元,支出决算为 745.71 万元,完成年初预算的 95.31%,决算数小于预算数。', yuan);
    expect(brief(c)).toMatchObject({ kind: 'rate', subject: '社会保障和就业支出', link: { table: '公开05', row: '208', column: '小计' } });
  });

  it('三公: 支出预算为 A 万元，支出决算为 B 万元，完成预算的 P% is a rate, and its two amounts stay amounts, linked to their columns', () => {
    const cs = claims('九、财政拨款“三公”经费支出决算情况说明2023年度“三公”经费财政拨款支出预算为3.30万元，支出决算为2.64万元，完成预算的80.00%。', final);
    expect(cs.map((c) => [c.kind, brief(c).figures, c.link?.column ?? null])).toEqual([
      ['rate', { budget: '3.30', actual: '2.64', rate: '80.00%' }, null],
      ['amount', { amount: '3.30' }, '预算数.合计'],
      ['amount', { amount: '2.64' }, '决算数.合计'],
    ]);
  });

  it('a reason naming another item is not measured against the amount before it; the same total said again is', () => {
    const reason = claims('会议费支出决算为46.00万元，比上年增加4.00万元，增长9.52%，主要原因是：培训会议费比上年增加4.00万元，增长50%。', final);
    expect(reason.filter((c) => c.kind === 'yoy').map((c) => brief(c).figures)).toEqual([
      { change: '4.00', rate: '9.52%', current: '46.00' },
      { change: '4.00', rate: '50%' },
    ]);
    const again = claims('财政拨款收、支总预算20702.25万元。与上年相比，财政拨款收、支总计各增加2043.58万元，增长10.95%。', final);
    expect(again.filter((c) => c.kind === 'yoy').map((c) => brief(c).figures)).toEqual([{ change: '2043.58', rate: '10.95%', current: '20702.25' }]);
  });

  it('weihai: full-width ％, the current amount in the sentence before 与2022年相比', () => {
    const cs = claims('2023年度收、支总计均为764.05万元。与2022年相比，收、支总计均减少56.54万元，下降6.89％。', final);
    expect(cs.filter((c) => c.kind === 'yoy').map((c) => brief(c).figures)).toEqual([{ change: '56.54', rate: '6.89%', current: '764.05' }]);
  });

  it('haidong: a 类/款/项 path on an amount, names drifting from the table, linked to 部门公开表5', () => {
    const cs = claims(
      '2、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）2025 年预算数为 19.65万元。\n9、卫生健康支出（类）医疗保障事务管理（款）行政运行（项）2025 年预算数为 185.85 万元，比上年增加 0.87 万元，增长 0.47%。',
      budget,
    );
    expect(cs.filter((c) => c.kind === 'amount').map((c) => [c.figures.amount.raw, c.link])).toEqual([
      ['19.65', { table: '部门公开表5', row: '2080506', column: '合计' }],
      ['185.85', { table: '部门公开表5', row: '2101501', column: '合计' }],
    ]);
    expect(cs.find((c) => c.kind === 'yoy')!.figures.current.raw).toBe('185.85');
  });

  it('haidong: a change of an item whose whole 类/款/项 path is longer than 40 characters is said of the whole path', () => {
    const [c] = claims('1、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位养老保险缴费支出（项）2025 年预算数为 39.08 万元，比上年增加 2.72 万元，增长 7.5%。', budget).filter((x) => x.kind === 'yoy');
    expect(c.subject).toBe('社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位养老保险缴费支出（项）');
  });

  it('a list\'s later items leave their 类 unsaid (2．法院（款）…（项）): the 类 named before, in the same section', () => {
    const paths = (text: string) => claims(text, budget).filter((c) => c.kind === 'amount').map((c) => [c.subject, c.link && `${c.link.table} ${c.link.row}`]);
    const list =
      '1.社会保障和就业支出（类）\n1．行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）支出 38.50 万元。\n2．行政事业单位养老支出（款）机关事业单位职业年金缴费支出(项)支出 18.54 万元，与上年一致。';
    expect(paths(`五、一般公共预算支出预算情况说明\n${list}`)).toEqual([
      ['社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）', '部门公开表5 2080505'],
      ['社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）', '部门公开表5 2080506'],
    ]);
    // a 类 of another section is not this list's: the 项 is found by its own name alone (the one 项 of the table so
    // named), not under the class said there (养老 under 卫生健康 would name no row)
    expect(paths(`五、一般公共预算支出预算情况说明\n1.卫生健康支出（类）支出 60 万元。\n六、其他情况说明\n2．行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）支出 18.54 万元。`)[1]).toEqual([
      '社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）',
      '部门公开表5 2080506',
    ]);
    expect(paths(`五、一般公共预算支出预算情况说明\n1.卫生健康支出（类）支出 60 万元。\n六、其他情况说明\n2．行政事业单位养老支出（款）行政运行（项）支出 18.54 万元。`)[1]).toEqual([
      '行政事业单位养老支出（款）行政运行（项）支出',
      null,
    ]);
  });

  it('a 项 with its 款 glued on and no marker (人大事务行政运行（项）): the table\'s names tell them apart', () => {
    const paths = (text: string) => claims(text, budget).filter((c) => c.kind === 'amount').map((c) => [c.subject, c.link && `${c.link.table} ${c.link.row}`]);
    expect(paths('五、一般公共预算支出预算情况说明\n社会保障和就业\n1．行政事业单位养老支出机关事业单位职业年金缴费支出（项）支出 18.54 万元。')).toEqual([
      ['社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）', '部门公开表5 2080506'],
    ]);
    // a 项 named alone (行政运行 stands under many 款) is not told
    expect(paths('五、一般公共预算支出预算情况说明\n1．行政运行（项）支出 185.85 万元。')).toEqual([['行政运行（项）支出', null]]);
  });

  it('a name the table does not hold is said only where each row there was read with its name', () => {
    const said = '五、一般公共预算支出预算情况说明\n1.社会保障和就业支出（类）社会福利（款）其他社会福利支出（项）支出 0.97 万元。';
    const unknown = (report: typeof budget) => claims(said, report).find((c) => c.kind === 'amount')!.unknownPath;
    expect(unknown(budget)).toMatchObject({ name: '社会福利（款）', under: '的「208 社会保障和就业支出」下' });
    // a 款 of 208 read without its name (wrapped above and below its code's line, as pdftotext lays some out): it may be the one named
    const unnamed = reportOf(mutate(fixtureText('text/budget.txt'), '20899   其他社会保障和就业支出 0.97 0.97', '20899   0.97 0.97'));
    expect(unnamed.tables.find((t) => t.id === '部门公开表5')!.rows.find((r) => r.key === '20899')!.name).toBe('');
    expect(unknown(unnamed)).toBeUndefined();
  });

  it('a budget\'s 人员经费 and 公用经费 of 基本支出: the 一般公共预算基本支出表\'s columns', () => {
    const cs = claims('六、一般公共预算基本支出情况说明\n2025年一般公共预算基本支出448.58万元，其中：（一）人员经费404.56万元。（二）公用经费44.01万元。', budget);
    expect(cs.filter((c) => c.kind === 'amount' && /经费$/.test(c.subject)).map((c) => [c.subject, c.link])).toEqual([
      ['人员经费', { table: '部门公开表6', row: '合计', column: '人员经费' }],
      ['公用经费', { table: '部门公开表6', row: '合计', column: '公用经费' }],
    ]);
  });

  it('counts, and a list that is not a plain 其中 list is not summed', () => {
    const cs = claims('共计7个项目进行了绩效自评。接待4.00批次，接待49.00人次。2023年度“三公”经费支出预算为4.95万元，支出决算为4.95万元，其中：因公出国（境）费预算0.00万元，支出决算为0.00万元。', final);
    expect(cs.filter((c) => c.kind === 'count').map((c) => [c.figures.count.raw, c.subject])).toEqual([
      ['7', '个项目'],
      ['4.00', '接待批次'],
      ['49.00', '接待人次'],
    ]);
    expect(cs.filter((c) => c.kind === 'sum')).toEqual([]);
  });

  it('a 其中 list after a change splits the amount stated before it; each part\'s own change is no part', () => {
    const sum = (text: string) => claims(text, budget).filter((c) => c.kind === 'sum').map(brief);
    expect(sum('“三公”经费预算数为 3.22 万元，比上年减少 0.98 万元，其中：因公出国（境）费 0 万元，增加 0 万元；公务用车购置及运行费 2.5\n万元，增加 0 万元；公务接待费 1.7 万元，减少 0.98 万元。')).toEqual([
      { kind: 'sum', subject: '“三公”经费预算数', figures: { whole: '3.22' }, parts: ['0', '2.5', '1.7'], link: null },
    ]);
    expect(sum('“三公”经费预算数为6.50万元，比上年减少0.70万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费4.50万元，公务接待费2.00万元。')).toEqual([
      { kind: 'sum', subject: '“三公”经费预算数', figures: { whole: '6.50' }, parts: ['0', '4.50', '2.00'], link: null },
    ]);
    // a share after a change is of the amount, not of the change
    const shares = claims('支出预算130万元，比上年增加10万元，其中：基本支出100万元，占76.92%；项目支出30万元，占23.08%。', budget).filter((c) => c.kind === 'share');
    expect(shares.map((c) => [c.subject, c.figures.whole?.raw])).toEqual([
      ['基本支出', '130'],
      ['项目支出', '130'],
    ]);
    // the changes of the parts listed on their own are not summed
    expect(sum('“三公”经费比上年减少0.98万元，其中：公务用车运行费减少0.5万元，公务接待费减少0.48万元。')).toEqual([]);
  });

  it('counts said the other way round: 涉及项目11个, 组织自评项目 3 个', () => {
    const cs = claims('部门预算均实行绩效目标管理，涉及项目11个，预算金额766万元。其中:组织自评项目 3 个,涉及 300 万元。', budget);
    expect(cs.filter((c) => c.kind === 'count').map((c) => [c.figures.count.raw, c.subject, c.figures.count.loc.column])).toEqual([
      ['11', '涉及个项目', 19],
      ['3', '组织自评个项目', 43],
    ]);
  });

  it('an unlinked claim is kept, with no link (shown by --print-model)', () => {
    const [c] = claims('单价50万元以上通用设备0台（套）。', budget);
    expect(c).toMatchObject({ kind: 'amount', link: null });
  });
});

describe('amounts printed in 元, 千元 or 亿元', () => {
  const amount = (text: string, report: Pick<Report, 'tables' | 'kind'>) => claims(text, report).find((c) => c.kind === 'amount')!;

  it('read in the unit printed, linked as in 万元, the sentence shown as printed', () => {
    const c = amount('二、收入决算情况说明\n2023年度本年收入合计 123,667,200 元。', final);
    expect(c.figures.amount).toMatchObject({ raw: '123,667,200', unit: '元' });
    expect(c.link).toEqual({ table: '公开01', row: '收入:本年收入合计', column: '收入金额' });
    expect(c.text).toContain('本年收入合计123,667,200元');
  });

  it('千元 and 亿元 likewise; 万元 and a 元 after no figure are as before', () => {
    const yi = amount('二、收入决算情况说明\n2023年度本年收入合计1.24亿元。', final);
    expect([yi.figures.amount.raw, yi.figures.amount.unit]).toEqual(['1.24', '亿元']);
    expect(yi.text).toContain('本年收入合计1.24亿元');
    const qian = amount('二、收入决算情况说明\n2023年度本年收入合计123,667.2千元。', final);
    expect(qian.figures.amount.unit).toBe('千元');
    expect(qian.text).toContain('本年收入合计123,667.2千元');
    const wan = amount('二、收入决算情况说明\n2023年度本年收入合计12,366.72万元，人均1万元。', final);
    expect(wan.figures.amount.unit).toBe('万元');
    expect(wan.text).toContain('本年收入合计12,366.72万元，人均1万元');
  });
});

describe('shares with no headline in the sentence', () => {
  const narrative = '\n第三部分 部门预算情况说明\n五、一般公共预算当年拨款情况说明\n社会保障和就业（类）支出 64.22 万元，占 5.3%；卫生健康（类）支出 1118.68 万元，占 92%。\n';

  it('are shares of the table total their item adds into', () => {
    const report = reportOf(fixtureText('text/budget.txt') + narrative);
    const shares = report.claims.filter((c) => c.kind === 'share');
    expect(shares.map((c) => [c.subject, c.link, c.whole])).toEqual([
      ['社会保障和就业（类）', { table: '部门公开表5', row: '208', column: '合计' }, { table: '部门公开表5', row: '合计', column: '合计' }],
      ['卫生健康（类）', { table: '部门公开表5', row: '210', column: '合计' }, { table: '部门公开表5', row: '合计', column: '合计' }],
    ]);
  });

  it('64.22 / 1,215.34 = 5.28%: 5.3% passes, 6.3% is reported against the table total', async () => {
    expect((await lintText(fixtureText('text/budget.txt') + narrative)).filter((d) => d.ruleId === '叙述/占比')).toEqual([]);
    const ds = await lintText(fixtureText('text/budget.txt') + narrative.replace('占 5.3%', '占 6.3%'));
    expect(ds.filter((d) => d.ruleId === '叙述/占比').map((d) => [d.actual, d.expected])).toEqual([['6.3%', '5.28%']]);
  });
});

describe('三公 statements', () => {
  it('link 预算 and 支出决算 of one item to the 预算数 and 决算数 columns of 公开09', () => {
    const cs = claims('九、财政拨款“三公”经费支出决算情况说明\n3.公务接待费 预算0.46万元，支出决算0.46万元，完成预算的100.00%；较上年增加0.34万元。', final);
    expect(cs.filter((c) => c.kind === 'amount').map((c) => [c.subject, c.link])).toEqual([
      ['公务接待费预算', { table: '公开09', row: '合计', column: '预算数.公务接待费' }],
      ['公务接待费支出决算', { table: '公开09', row: '合计', column: '决算数.公务接待费' }],
    ]);
    // a change is never compared with a level: it is a change since last year, of the amount before it
    expect(cs.filter((c) => c.kind === 'yoy').map((c) => [c.subject, c.direction, c.figures.change.raw, c.figures.current.raw])).toEqual([['支出决算', '增加', '0.34', '0.46']]);
  });
});

describe('items named again, economic items, labels', () => {
  it('an economic item listed in the 基本支出 section links to its 公开06 row, only by its exact name', () => {
    const text = '六、一般公共预算财政拨款基本支出决算情况说明\n\n人员经费用途主要包括基本工资 254.44 万元、奖金 119.36 万元、对个人和家庭的补助 9.56 万元(生活补助 7.8 万元)、医疗 3.00 万元。';
    const links = claims(text, yuan).map((c) => [c.subject.replace(/^.*包括/, ''), c.link?.row ?? null]);
    expect(links).toEqual([['基本工资', '30101'], ['奖金', '30103'], ['对个人和家庭的补助', '303'], ['生活补助', '30305'], ['医疗', null]]);
  });

  it('a `label：amount` takes its subject from its own line, not the heading above it', () => {
    const [c] = claims('二、部门整体支出管理及使用情况\n\n（一）基本支出\n\n基本支出：750.69万元；', yuan);
    expect(brief(c)).toEqual({ kind: 'amount', subject: '基本支出', figures: { amount: '750.69' }, parts: [], link: { table: '公开03', row: '合计', column: '基本支出' } });
  });

  it('a claim linked to 公开05 carries the same item of 公开03; one linked elsewhere does not', () => {
    const cs = claims('六、一般公共预算财政拨款基本支出决算情况说明\n\n2023年度一般公共预算财政拨款基本支出648.29万元。人员经费 600.00 万元。', final);
    expect(cs.map((c) => [c.link?.table ?? null, c.allFunds ?? null])).toEqual([
      ['公开05', { table: '公开03', row: '合计', column: '基本支出' }],
      ['公开06', null],
    ]);
  });

  it('this year\'s 预算安排 after a 类/款/项 item restates its figure; last year\'s, or one far off, does not', () => {
    const item = '住房保障支出（类）住房改革支出（款）住房公积金（项）32.44万元，主要用于住房公积金。';
    const cs = claims(`${item}2024年当年预算执行数为29.92万元，2025年预算安排30.00万元。`, { ...budget, year: 2025 });
    expect(cs.map((c) => [c.kind, c.figures.amount.raw, c.figures.earlier?.raw ?? null, c.link?.row ?? null])).toEqual([
      ['amount', '32.44', null, '2210201'],
      ['amount', '29.92', null, null],
      ['restate', '30.00', '32.44', '2210201'],
    ]);
    const far = claims(`${item}${'说明文字。'.repeat(50)}2025年预算安排30.00万元。`, { ...budget, year: 2025 });
    expect(far.map((c) => c.kind)).toEqual(['amount', 'amount']);
    const other = claims(`${item}2024年预算安排30.00万元。`, { ...budget, year: 2025 });
    expect(other.map((c) => c.kind)).toEqual(['amount', 'amount']);
  });
});

describe('类/款/项 paths', () => {
  it('reads a 款 whose name holds a bracketed word, after a numbering, to its 项', async () => {
    const { pathBefore } = await import('../src/model/claims/phrases.js');
    const text = '一）一般公共服务（类）1．党委办公厅（室）及相关机构事务（款）行政运行（项）支出6,106.99万元';
    expect(pathBefore(text, 0, text.indexOf('6,106'))).toEqual(['一般公共服务', '1．党委办公厅（室）及相关机构事务', '行政运行']);
  });
});

describe('a change of a 类/款/项 path', () => {
  it('names the path as a path reads: full-width markers, no list number or cut enumeration in it', () => {
    const subjects = (text: string) => claims(text, budget).filter((c) => c.kind === 'yoy').map((c) => c.subject);
    expect(subjects('（三）住房保障支出（类）1．住房改革支出（款）住房公积金(项)支出1442.74万元，比上年增加368.97万元，增长34.38%。')).toEqual([
      '住房保障支出（类）住房改革支出（款）住房公积金（项）支出',
    ]);
  });
});

describe('a change said in the sentence after its amount', () => {
  it('takes the one amount of the sentence before as the current year’s (与上年相比…, 比上年…)', async () => {

    const text = [
      '2019年度部门预算',
      '一、收支预算情况',
      '项目支出预算数为4335.3万元。与上年相比减少了1237.7万元，减少 13.22 %。主要原因是压减一般性支出。',
      '住房保障（类）支出3894.09万元，主要用于住房公积金。比上年增加878.93万元，增长29.15%。',
    ].join('\n');
    const found = (await lintText(text)).filter((d) => d.ruleId === '叙述/同比变化率');
    expect(found.map((d) => [d.line, d.message])).toEqual([
      [3, '「项目支出预算数」变化率写 13.22%，按本年数与增减额（1237.7 万元 ÷ （4335.3 万元 + 1237.7 万元） × 100%）应为 22.21%；若变化率无误，增减额应为 660.14～660.73 万元'],
    ]);
  });
});

describe('shares of the 三公经费', () => {
  // the 江苏 table prints 三公经费小计 beside 会议费 and 培训费, under one 合计
  const cell = (value: number) => ({ raw: String(value), value, decimals: 2, lo: value - 0.005, hi: value + 0.005, unit: '万元', blank: false, loc: { file: 'f', line: 1, column: 1, endLine: 1, endColumn: 2 } });
  const columns = ['合计', '因公出国（境）费', '公务用车购置及运行维护费', '公务接待费', '三公经费小计', '会议费', '培训费'].map((c) => ({ key: `本年预算数.${c}` }));
  const values = [1471.7, 70, 411.2, 27, 508.2, 933.5, 30];
  const row = { key: '合计', cells: Object.fromEntries(columns.map((c, k) => [c.key, cell(values[k])])) };
  const report = { tables: [{ id: '部门公开表7', layout: 'grid', columns, rows: [row] }] } as unknown as Pick<Report, 'tables'>;

  it('are of the subtotal the share names (占“三公”经费的), else of the group’s 合计', async () => {
    const { totalOf } = await import('../src/model/claims/link.js');
    const item = { table: '部门公开表7', row: '合计', column: '本年预算数.公务用车购置及运行维护费' };
    expect(totalOf(report, item, '占三公经费的')?.column).toBe('本年预算数.三公经费小计');
    expect(totalOf(report, item, '占')?.column).toBe('本年预算数.合计');
  });

  it('are read in a section whose title lists what it covers (九、…“三公”经费、会议费、培训费支出预算情况说明)', async () => {
    const { buildStream, sections } = await import('../src/model/claims/phrases.js');
    const stream = buildStream(splitLines('n.txt', '九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明 江苏省').lines);
    expect(sections(stream).map((s) => s.title)).toEqual(['九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明']);
  });
});

describe('a share after an item split in brackets', () => {
  it('is of the whole it names, not of the bracketed item (金华市救助管理站 2021)', async () => {
    const text = '本年收入合计 519.07 万元；包括财政拨款收入 500.12 万元（其中，一般公共预算 500.12 万元，政府性基金预算 0 万元），占收入合计 96.35%；其他收入 18.95 万元，占收入合计 3.65%。\n';
    expect((await lintText(text)).filter((d) => d.ruleId !== '读取/未含公开表')).toEqual([]);
    const wrong = text.replace('3.65%', '3.79%');
    expect((await lintText(wrong)).filter((d) => d.ruleId === '叙述/占比').map((d) => d.message)).toEqual(['「其他收入」占比写 3.79%，按所写金额（18.95 万元 ÷ 519.07 万元 × 100%）应为 3.65%']);
  });
});
