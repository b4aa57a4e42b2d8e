// npm run bench -- --batch [N]: a batch of N documents (default 1000), copies of the fixture
// texts and PDFs and of ../shared/corpus's texts when present, made in a temporary folder, each
// linted by the whole command `node bin/budget-lint.js -f ndjson DIR` in a fresh process:
//  - --concurrency off against auto (on this machine's cores): wall time, files per second,
//    time to the first result on stdout, peak memory (RSS of the process, worker threads
//    included: they share it) and the share per worker thread;
//  - a control: how many cores threads that only spin get now (what parallel can gain at best);
//  - --cache: the first run (an empty cache) and the second (nothing changed), and their ratio.
// Wall times on a shared machine: the load average is printed beside them.
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin/budget-lint.js');

function sources() {
  const from = (dir, re) => (existsSync(dir) ? readdirSync(dir).filter((f) => re.test(f)).map((f) => path.join(dir, f)) : []);
  return [
    ...from(path.join(root, 'fixtures/text'), /\.txt$/),
    ...from(path.join(root, 'fixtures/pdf'), /^corpus-.*\.txt$|\.chromium\.pdf$/),
    ...from(path.resolve(root, '../shared/corpus'), /\.txt$/),
  ];
}

function makeBatch(n) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bl-bench-batch-'));
  const src = sources();
  for (let i = 0; i < n; i++) {
    const f = src[i % src.length];
    copyFileSync(f, path.join(dir, `${String(i).padStart(5, '0')}-${path.basename(f)}`));
  }
  return { dir, kinds: src.length, pdfs: Array.from({ length: n }, (_, i) => src[i % src.length]).filter((f) => f.endsWith('.pdf')).length };
}

/** the command in a fresh process: wall time, time to the first byte of output, peak RSS (sampled from /proc) */
function run(args) {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, [cli, '-f', 'ndjson', ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
    let first = null;
    let lines = 0;
    let peak = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {
        // the process has ended
      }
    };
    const timer = setInterval(sample, 100);
    child.stdout.on('data', (d) => {
      first ??= performance.now() - start;
      lines += d.toString().split('\n').length - 1;
      sample();
    });
    child.on('close', () => {
      clearInterval(timer);
      resolve({ ms: performance.now() - start, firstMs: first, lines, peakMb: peak });
    });
  });
}

/** how many cores this process gets now: threads that only spin for a second, their CPU time over the wall time */
async function coresAvailable(threads) {
  const code = 'const t = Date.now(); let x = 0; while (Date.now() - t < 1000) x++;';
  const before = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: threads }, () => new Promise((resolve) => new Worker(code, { eval: true }).on('exit', resolve))));
  const cpu = process.cpuUsage(before);
  return (cpu.user + cpu.system) / 1000 / (performance.now() - start);
}

export async function batchSection(n) {
  const { dir, kinds, pdfs } = makeBatch(n);
  const threads = Math.min(availableParallelism(), Math.floor(n / 2));
  console.log(`\nbatch: ${n} documents (${kinds} kinds, ${pdfs} PDFs), ${availableParallelism()} cores; load average before ${loadavg()[0].toFixed(1)}`);
  // on a shared machine the other processes' load decides what parallel threads can gain
  console.log(`control: ${availableParallelism()} threads that only spin get ${(await coresAvailable(availableParallelism())).toFixed(2)} cores now`);
  console.log('mode'.padEnd(22), 'wall s'.padStart(8), 'files/s'.padStart(8), 'first s'.padStart(8), 'peak MB'.padStart(8), 'load'.padStart(5));
  const row = (name, r) => console.log(name.padEnd(22), (r.ms / 1000).toFixed(1).padStart(8), (r.lines / (r.ms / 1000)).toFixed(1).padStart(8), (r.firstMs / 1000).toFixed(2).padStart(8), r.peakMb.toFixed(0).padStart(8), loadavg()[0].toFixed(1).padStart(5));
  const off = await run(['--concurrency', 'off', dir]);
  row('--concurrency off', off);
  const auto = await run(['--concurrency', 'auto', dir]);
  row(`--concurrency auto (${threads})`, auto);
  const cacheAt = path.join(dir, '..', `${path.basename(dir)}.cache`);
  const cold = await run(['--cache', '--cache-location', cacheAt, dir]);
  row('--cache, first run', cold);
  const warm = await run(['--cache', '--cache-location', cacheAt, dir]);
  row('--cache, second run', warm);
  if (off.lines !== n || auto.lines !== n || warm.lines !== n) console.log(`! results: off ${off.lines}, auto ${auto.lines}, cached ${warm.lines} of ${n}`);
  console.log(`auto vs off: ${(off.ms / auto.ms).toFixed(2)}× the throughput; peak memory ${((auto.peakMb - off.peakMb) / Math.max(1, threads)).toFixed(0)} MB more per worker thread than the serial process`);
  console.log(`second run with --cache: ${(cold.ms / warm.ms).toFixed(1)}× faster than the first`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheAt, { force: true });
}
