/** The model stage's public surface. */
export type * from './types.js';
export { buildReport } from './report.js';
export * as interval from './interval.js';
export { TABLE_SPECS, specFor } from './catalog.js';
