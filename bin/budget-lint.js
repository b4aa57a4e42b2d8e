#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`budget-lint: 内部错误：${err?.message ?? err}\n`);
    process.exitCode = 2;
  },
);
