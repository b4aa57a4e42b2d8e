// Preloaded by `npm run bench` (node --import) into the command's own process: its peak memory
// and its CPU time (user + system, ms), every thread's included, written last on stderr
process.on('exit', () => {
  const use = process.resourceUsage();
  process.stderr.write(`\nbench-rss-kb ${use.maxRSS} cpu-ms ${Math.round((use.userCPUTime + use.systemCPUTime) / 1000)}\n`);
});
