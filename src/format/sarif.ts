/**
 * SARIF 2.1.0, as GitHub code scanning takes it: the rules with their help, one result per
 * finding (suppressed ones marked so), and the files that could not be linted as notifications
 * of the tool's run.
 */
import type { Diagnostic } from '../rules/types.js';
import { artifactLocation, fingerprints, FINGERPRINT_KEY, logicalLocations, region, srcRoot, SRCROOT } from './sarif-location.js';
import type { FileResult, FormatContext, RuleMeta, Suppression } from './types.js';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type Level = 'error' | 'warning';

/** Markdown's own characters, so that a rule's words are shown as written */
function markdownText(s: string): string {
  return s.replace(/[\\`*_{}[\]<>()#+\-!|~]/g, '\\$&');
}

function sarifRule(id: string, meta: RuleMeta | undefined) {
  if (!meta) return { id, name: id, shortDescription: { text: id } };
  const full = meta.why ? `${meta.description}。${meta.why}` : meta.description;
  const source = meta.source ? `${meta.source.file}:${meta.source.line}:${meta.source.column}` : null;
  const markdown = [`**${markdownText(meta.description)}**`, meta.why ? markdownText(meta.why) : '', `[说明文档](${meta.docs})`];
  return {
    id,
    name: id,
    shortDescription: { text: meta.description },
    fullDescription: { text: full },
    help: { text: [meta.description, meta.why, `说明文档：${meta.docs}`].filter(Boolean).join('\n\n'), markdown: markdown.filter(Boolean).join('\n\n') },
    helpUri: meta.docs,
    defaultConfiguration: { level: (meta.severity === 'warn' ? 'warning' : meta.severity === 'off' ? 'none' : 'error') as Level | 'none' },
    ...(source ? { properties: { source } } : {}),
  };
}

/** every rule that ran, and any id a message carries that no rule describes, each with its index */
function sarifRules(results: FileResult[], context: FormatContext) {
  const ids = Object.keys(context.rulesMeta);
  const known = new Set(ids);
  for (const r of results) {
    for (const m of [...r.messages, ...(r.suppressedMessages ?? [])]) {
      if (m.ruleId === null || known.has(m.ruleId)) continue;
      known.add(m.ruleId);
      ids.push(m.ruleId);
    }
  }
  return { rules: ids.map((id) => sarifRule(id, context.rulesMeta[id])), index: new Map(ids.map((id, i) => [id, i])) };
}

/** a message where the file is paged says the page too: a viewer shows only the line */
function messageText(d: Diagnostic): string {
  return d.page === undefined ? d.message : `${d.message}（第 ${d.page} 页第 ${d.line} 行）`;
}

function properties(d: Diagnostic) {
  const p: Record<string, unknown> = {};
  if (d.page !== undefined) p.page = d.page;
  if (d.values) Object.assign(p, d.values, { expectedText: d.expected, actualText: d.actual, differenceText: d.difference });
  return Object.keys(p).length ? { properties: p } : {};
}

interface ResultArgs {
  d: Diagnostic;
  ruleIndex: number;
  fingerprint: string;
  location: ReturnType<typeof artifactLocation>;
  suppressions?: Suppression[];
}

function sarifResult({ d, ruleIndex, fingerprint, location, suppressions }: ResultArgs) {
  const logical = logicalLocations(d);
  return {
    ruleId: d.ruleId,
    ruleIndex,
    level: (d.severity === 2 ? 'error' : 'warning') as Level,
    message: { text: messageText(d) },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(d) }, ...(logical ? { logicalLocations: logical } : {}) }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...(suppressions ? { suppressions: suppressions.map((s) => ({ kind: 'external', status: 'accepted', justification: s.justification })) } : {}),
    ...properties(d),
  };
}

function fileResults(r: FileResult, context: FormatContext, index: Map<string, number>) {
  const location = artifactLocation(r.filePath, context.cwd);
  const found = r.messages.filter((m): m is Diagnostic => !('fatal' in m));
  const suppressed = r.suppressedMessages ?? [];
  const prints = fingerprints([...found, ...suppressed], location.uri);
  const one = (d: Diagnostic, suppressions?: Suppression[]) =>
    sarifResult({ d, ruleIndex: index.get(d.ruleId)!, fingerprint: prints.get(d)!, location, suppressions });
  return [...found.map((d) => one(d)), ...suppressed.map((d) => one(d, d.suppressions))];
}

/** a file that could not be linted is no finding of a rule: the run says it failed on it */
function notifications(results: FileResult[], context: FormatContext) {
  return results.flatMap((r) =>
    r.messages
      .filter((m) => 'fatal' in m)
      .map((m) => ({ level: 'error', message: { text: m.message }, locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.filePath, context.cwd) } }] })),
  );
}

export function formatSarif(results: FileResult[], context: FormatContext): string {
  const { rules, index } = sarifRules(results, context);
  const failed = notifications(results, context);
  const { name, version, informationUri } = context.tool;
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name, version, semanticVersion: version, informationUri, rules } },
        invocations: [{ executionSuccessful: failed.length === 0, ...(failed.length ? { toolExecutionNotifications: failed } : {}) }],
        originalUriBaseIds: { [SRCROOT]: srcRoot(context.cwd) },
        results: results.flatMap((r) => fileResults(r, context, index)),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
