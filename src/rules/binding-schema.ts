/**
 * What each selector binds, typed: the names json-logic can read in a rule's `where`, `assert`
 * and `{var:…}` placeholders, with their fields. It describes selectors.ts's data and is held
 * to it by test/binding-schema.test.ts (every binding of every fixture conforms).
 */
import { FUNDS_COLUMN_KEYS, FUNDS_ROW_KEYS } from '../model/forms/funds.js';
import { TASK_COLUMN_KEYS } from '../model/forms/overall-forms.js';
import { SHEET_COLUMNS, SHEET_ROW_KEYS } from '../model/forms/target-sheet.js';
import type { Each } from './types.js';
import { BOOLEAN, FIGURE, list, map, NUMBER, obj, STRING, type VType } from './value-types.js';

const DOCUMENT = obj('document', {
  kind: STRING,
  year: NUMBER,
  department: STRING,
  unit: STRING,
  tableCount: NUMBER,
  unreadPageCount: NUMBER,
  rotatedTextCount: NUMBER,
  family: STRING,
  formCount: NUMBER,
  projectFormCount: NUMBER,
  publishedProjectFormCount: NUMBER,
  projectFunds: map('document.projectFunds', ['年初预算数', '全年预算数', '全年执行数'], list(FIGURE)),
  targetProjectCount: NUMBER,
  targetSheetCount: NUMBER,
  targetSheetFunds: map('document.targetSheetFunds', ['年度申请', '当年财政拨款'], list(FIGURE)),
  targetTable: obj('document.targetTable', { total: FIGURE, executionWeight: FIGURE, budgets: list(FIGURE) }),
  rowNames: map('document.rowNames', null, list(STRING)),
  scoringRule: obj('document.scoringRule', { kind: STRING, text: STRING, place: STRING }),
});

const TABLE = obj('table', {
  id: STRING,
  kindName: STRING,
  printedId: STRING,
  title: STRING,
  unit: STRING,
  layout: STRING,
  empty: BOOLEAN,
  hasEmptyNote: BOOLEAN,
  saysEmpty: BOOLEAN,
  saysEmptyText: STRING,
  nilInNarrative: BOOLEAN,
  noteOfOther: STRING,
  noteOfOtherText: STRING,
  rowCount: NUMBER,
  years: list(FIGURE),
  decimals: NUMBER,
  figureCount: NUMBER,
  firstFigure: FIGURE,
  firstFigureAt: STRING,
});

const ROW_FIELDS = { key: STRING, name: STRING, code: STRING, level: NUMBER, side: STRING, lineNo: NUMBER, printedCode: STRING, kind: STRING, cellCount: NUMBER, unplacedCount: NUMBER, nameCode: STRING, codeName: STRING, classNamed: STRING, classNamedTable: STRING };
const ROW = obj('row', ROW_FIELDS);
const COLUMN = obj('column', { key: STRING, name: STRING });

/** the figures a narrative claim states, by name (see Claim in model/types.ts) */
export const CLAIM_FIGURES = ['amount', 'share', 'whole', 'budget', 'actual', 'rate', 'change', 'current', 'prior', 'count', 'score', 'year', 'earlier', 'income', 'spending', 'over', 'under', 'firstAmount', 'firstShare', 'opening', 'offset', 'distribution', 'closing'] as const;

const PROJECT_FORM = obj('form', { id: STRING, kind: STRING, project: STRING, title: STRING, unit: STRING, conclusionRate: FIGURE, budget: FIGURE, indicatorCount: NUMBER });
const INDICATOR_ITEM = obj('indicators 的一项', { name: STRING, section: STRING, target: STRING, actual: STRING, weight: FIGURE, score: FIGURE });

export const BINDING_SCHEMA: Record<Each, Record<string, VType>> = {
  document: { document: DOCUMENT },
  'table-id': { document: DOCUMENT, id: STRING, name: STRING, present: BOOLEAN },
  table: { document: DOCUMENT, table: TABLE },
  row: { document: DOCUMENT, table: TABLE, row: ROW },
  group: { document: DOCUMENT, table: TABLE, row: ROW, group: STRING },
  'code-parent': { document: DOCUMENT, table: TABLE, row: ROW, column: COLUMN, value: FIGURE, parts: list(FIGURE), partRows: list(obj('partRows 的一项', ROW_FIELDS)) },
  'row-parts': { document: DOCUMENT, table: TABLE, row: ROW, column: COLUMN, value: FIGURE, parts: list(FIGURE) },
  cell: { document: DOCUMENT, table: TABLE, row: ROW, column: COLUMN, value: FIGURE },
  change: { document: DOCUMENT, table: TABLE, row: ROW, column: COLUMN, value: FIGURE, from: FIGURE, to: FIGURE, rate: BOOLEAN },
  claim: {
    document: DOCUMENT,
    claim: obj('claim', { id: STRING, kind: STRING, subject: STRING, section: STRING, direction: STRING, rateDirection: STRING, relation: STRING, relationText: STRING, basis: STRING, linked: BOOLEAN, unknownName: STRING, unknownTable: STRING, unknownUnder: STRING, renamedClass: STRING, renamedTable: STRING, renamedRow: STRING, misleveledName: STRING, misleveledTable: STRING, misleveledRow: STRING, misleveledLevel: STRING, scope: STRING, documentScope: STRING, explained: STRING, explainedText: STRING, text: STRING }),
    figures: map('figures', CLAIM_FIGURES, FIGURE),
    parts: list(FIGURE),
    items: map('items', CLAIM_FIGURES, list(FIGURE)),
    form: obj('form', { project: STRING, totalScore: FIGURE, totalWeight: FIGURE, budget: FIGURE, spent: FIGURE }),
  },
  form: {
    document: DOCUMENT,
    form: PROJECT_FORM,
    funds: map('funds', [...FUNDS_ROW_KEYS, ...SHEET_ROW_KEYS], map('funds 的一行', [...FUNDS_COLUMN_KEYS, ...SHEET_COLUMNS], FIGURE)),
    fundsSources: map('fundsSources', [...FUNDS_COLUMN_KEYS, ...SHEET_COLUMNS], list(FIGURE)),
    goals: obj('goals', { overall: STRING, annual: STRING }),
    fundsWeight: FIGURE,
    fundsScore: FIGURE,
    weights: list(FIGURE),
    scores: list(FIGURE),
    indicators: list(INDICATOR_ITEM),
    total: obj('total', { weight: FIGURE, score: FIGURE }),
    tasks: map('tasks', TASK_COLUMN_KEYS, list(FIGURE)),
    tasksTotal: map('tasksTotal', TASK_COLUMN_KEYS, FIGURE),
  },
  indicator: {
    document: DOCUMENT,
    form: PROJECT_FORM,
    indicator: obj('indicator', {
      name: STRING,
      section: STRING,
      level2: STRING,
      target: STRING,
      actual: STRING,
      weightText: STRING,
      quantity: obj('indicator.quantity', { relation: STRING, unit: STRING, target: FIGURE, actual: FIGURE }),
    }),
    weight: FIGURE,
    score: FIGURE,
  },
  'form-section': { document: DOCUMENT, form: PROJECT_FORM, section: obj('section', { name: STRING }), weight: FIGURE, parts: list(FIGURE) },
  'form-task': { document: DOCUMENT, form: PROJECT_FORM, task: obj('task', { name: STRING, total: BOOLEAN }), cells: map('cells', TASK_COLUMN_KEYS, FIGURE) },
  grade: {
    document: DOCUMENT,
    entry: obj('entry', { project: STRING, grade: STRING }),
    score: FIGURE,
    bands: list(obj('bands 的一项', { grade: STRING, min: NUMBER, max: NUMBER })),
    formScore: FIGURE,
  },
  contents: { document: DOCUMENT, heading: obj('heading', { title: STRING, words: STRING, found: BOOLEAN, near: STRING }) },
  name: { document: DOCUMENT, mention: obj('mention', { name: STRING, label: STRING, placeholder: BOOLEAN, narrative: BOOLEAN }) },
};

export const EACH_KINDS = Object.keys(BINDING_SCHEMA) as Each[];

/** the selectors that bind a table (and honour select.tables) */
export const TABLE_SELECTORS: ReadonlySet<Each> = new Set(['table', 'row', 'group', 'code-parent', 'row-parts', 'cell', 'change']);
/** the selectors that bind a row: a query may leave `row` out (the bound row), or ask sameCode / sameLineNo */
export const ROW_SELECTORS: ReadonlySet<Each> = new Set(['row', 'group', 'code-parent', 'row-parts', 'cell', 'change']);
/** the selectors that bind a column (`$column`) */
export const COLUMN_SELECTORS: ReadonlySet<Each> = new Set(['code-parent', 'row-parts', 'cell', 'change']);
