// Preloaded by `npm run bench` (node --import) into the command's own process: its peak memory,
// every thread's included, written last on stderr
process.on('exit', () => process.stderr.write(`\nbench-rss-kb ${process.resourceUsage().maxRSS}\n`));
