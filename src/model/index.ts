/** The model stage's public surface. */
export type * from './types.js';
export { buildReport, disclosureTitle } from './report.js';
export { traditionalScript } from './script.js';
export { figureStatements } from './claims/document-text.js';
export { placeWords } from './cells.js';
export { hostPart, partsDisagree } from './parts.js';
export * as interval from '../interval/interval.js';
export { defaultCatalog, loadCatalog, specFor, BUILTIN_TABLES_DIR, type Catalog, type TableSpec } from './tables/catalog.js';
