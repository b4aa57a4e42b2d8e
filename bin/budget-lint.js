#!/usr/bin/env node
// the command bundled (scripts/bundle.mjs): one file to load instead of ~120 modules
import { main } from '../dist/bundle/cli.js';

// a reader that stops early (`budget-lint … | head`) closes the pipe: stop quietly, as other tools do
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`budget-lint: 内部错误：${err?.message ?? err}\n`);
    process.exitCode = 2;
  },
);
