// Compares the first-result time of two or more release builds, interleaved
// so that the machine's changing load falls on each build alike: 16 fresh
// loads per build, taken in turn, each in a new browser context; prints each
// build's median and its sorted times (ms, the `first-result` mark).
//   node scripts/ab.mjs <dist-dir> <dist-dir> [...]
// Build the older one with e.g. `git worktree add /tmp/old <rev>`, then
// `bash scripts/build.sh --dist <dir>` inside it.
import { chromium } from 'playwright-core';
import { startServer } from './static-server.mjs';
import { firstResult } from './first-result.mjs';

const dirs = process.argv.slice(2);
if (dirs.length < 2) {
  console.error('usage: node scripts/ab.mjs <dist-dir> <dist-dir> [...]');
  process.exit(2);
}
const LOADS = 16;
const servers = await Promise.all(dirs.map((dir) => startServer(dir)));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const times = dirs.map(() => []);
try {
  for (let load = 0; load < LOADS * dirs.length; load++) {
    const which = load % dirs.length;
    times[which].push(await firstResult(browser, servers[which].url));
  }
} finally {
  await browser.close();
}
dirs.forEach((dir, which) => {
  const sorted = times[which].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`${dir.padEnd(24)} p50 ${median.toFixed(0)} | ${sorted.map((t) => t.toFixed(0)).join(' ')}`);
});
process.exit(0);
