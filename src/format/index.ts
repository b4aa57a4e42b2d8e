/** The output formats by name (`-f NAME`): one file per formatter, all with one signature. */
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson, formatJsonWithMetadata } from './json.js';
import { formatJunit } from './junit.js';
import { formatNdjson, ndjsonLine } from './ndjson.js';
import { formatSarif } from './sarif.js';
import { formatStylish, stylishFile, stylishSummary } from './stylish.js';
import type { FileResult, FormatContext, Formatter } from './types.js';

export * from './types.js';
export { formatGithub, formatHtml, formatJson, formatJsonWithMetadata, formatJunit, formatNdjson, formatSarif, formatStylish };
export { width } from '../common/width.js';

export interface FormatEntry {
  format: Formatter;
  /** the format is written file by file as each finishes (ndjson): the CLI calls this instead of format */
  perFile?: (result: FileResult, context: FormatContext) => string;
  /** with perFile: what the format writes once every file is written (stylish's totals) */
  summary?: (results: FileResult[], context: FormatContext) => string;
  /** the format draws the tables: the CLI keeps each file's report model for it (context.reports) */
  needsReports?: boolean;
}

const FORMATS = {
  stylish: { format: formatStylish, perFile: stylishFile, summary: stylishSummary },
  json: { format: formatJson },
  'json-with-metadata': { format: formatJsonWithMetadata },
  sarif: { format: formatSarif },
  github: { format: formatGithub },
  junit: { format: formatJunit },
  html: { format: formatHtml, needsReports: true },
  ndjson: { format: formatNdjson, perFile: ndjsonLine },
} satisfies Record<string, FormatEntry>;

export type FormatName = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}

export function formatter(name: FormatName): FormatEntry {
  return FORMATS[name];
}
