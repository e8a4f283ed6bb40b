// Measures the release build in dist/ and writes the figures between the
// `bench:web` markers of docs/BENCHMARKS.md:
// - the size of every file a first visit downloads: raw, and what the server
//   sends for it to a client that accepts gzip (the precompressed zopfli
//   `.gz` of the release build; zlib's gzip level 9 for a file without one)
//   and to one that accepts brotli;
// - navigation → first result (the app's `first-result` performance mark),
//   over fresh page loads, and the first contentful paint of the same loads
//   (when the browser presents that frame);
// - input → every figure updated: a real `input` event on the output field
//   of the quick form, until the headline NPV's data-value changes (a
//   MutationObserver; Yew renders all figures in the same commit), over 200
//   edits for each cluster preset.
// `node scripts/bench.mjs --sizes` measures and prints the sizes only, and
// writes nothing.
import { get } from 'node:http';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { execSync } from 'node:child_process';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { startServer } from './static-server.mjs';
import { firstResultTimes } from './first-result.mjs';

const LOADS = 30;
const EDITS = 200;

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}
const kb = (bytes) => (bytes / 1024).toFixed(1);
const ms = (value) => value.toFixed(1);

/** The body the server sends for `url` with this Accept-Encoding, and its Content-Encoding. */
function download(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({
        status: response.statusCode,
        encoding: response.headers['content-encoding'] ?? 'identity',
        body: Buffer.concat(chunks),
      }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/**
 * Every file a first visit downloads: the page is loaded in a fresh browser
 * until its first result is on screen and its service worker has installed
 * (it precaches the same files), and every distinct file it asked the
 * server for is counted once. Each is then asked again as a client that
 * accepts gzip only (`gzip`: the precompressed `.gz` the server sends, or
 * zlib's level 9 where there is none, what a server compressing on the fly
 * would send) and as one that accepts brotli (`br`, as browsers ask over
 * HTTPS: the `.br`, else what the server sends instead). Files of dist/ that
 * the page never asks for (the embed demo) and the `.gz`/`.br` copies
 * themselves are listed apart.
 */
async function sizes(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const asked = new Set();
  context.on('request', (request) => {
    if (request.url().startsWith(url)) asked.add(new URL(request.url()).pathname.slice(1) || 'index.html');
  });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('first-result').length > 0);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(500);
  await context.close();
  const rows = [];
  const unused = [];
  for (const name of (await readdir('dist')).sort()) {
    if (/\.(gz|br)$/.test(name)) continue;
    if (!asked.has(name)) {
      unused.push(name);
      continue;
    }
    const raw = await readFile(`dist/${name}`);
    const gzip = await download(url + name, 'gzip');
    const br = await download(url + name, 'br, gzip');
    for (const sent of [gzip, br]) {
      if (sent.status !== 200) throw new Error(`${name}: HTTP ${sent.status}`);
    }
    const precompressed = gzip.encoding === 'gzip';
    rows.push({
      name,
      raw: raw.length,
      gzip: precompressed ? gzip.body.length : gzipSync(raw, { level: 9 }).length,
      gzipFrom: precompressed ? '.gz' : 'level 9',
      br: br.body.length,
      brFrom: br.encoding === 'br' ? '.br' : br.encoding === 'gzip' ? '.gz' : 'raw',
    });
  }
  return { rows, unused };
}

/** The size lines of the report: one row per file downloaded, then the total. */
function sizeTable(files, unused) {
  const total = files.reduce((sum, file) => ({
    raw: sum.raw + file.raw, gzip: sum.gzip + file.gzip, br: sum.br + file.br,
  }), { raw: 0, gzip: 0, br: 0 });
  const lines = [
    '| file | raw KB | gzip KB | gzip from | br KB | br from |',
    '|---|---:|---:|---|---:|---|',
    ...files.map((file) => `| ${file.name} | ${kb(file.raw)} | ${kb(file.gzip)} | ${file.gzipFrom} | ${kb(file.br)} | ${file.brFrom} |`),
    `| **total downloaded** | **${kb(total.raw)}** | **${kb(total.gzip)}** | | **${kb(total.br)}** | |`,
    '',
    'raw: the file as built (the release build minifies it). gzip: the bytes that the server '
      + '(scripts/static-server.mjs, like nginx `gzip_static on`) sends to a client accepting '
      + 'gzip only, from ".gz": the zopfli copy written by `trunk build --release` '
      + '(scripts/post-build.mjs), or "level 9": no copy, so zlib\'s gzip level 9 of the file. '
      + 'br: what it sends to a browser over HTTPS, which also accepts brotli, from ".br": the '
      + 'quality-11 copy (else ".gz" or "raw"). The budget is on the gzip total.',
    '',
    `Files of dist/ that a visit does not download: ${unused.join(', ') || 'none'} (and the .gz/.br copies).`,
  ];
  return { total, lines };
}

async function firstResults(browser, url) {
  const times = [];
  for (let load = 0; load < LOADS; load += 1) {
    times.push(await firstResultTimes(browser, url));
  }
  return times;
}

const CLUSTERS = ['magnetic_electronics', 'intelligent_equipment', 'new_energy', 'big_data', 'building_economy', 'other'];

async function inputLatencies(browser, url, cluster) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid="statements.project_after_tax.npv"]');
  await page.selectOption('[data-testid="cluster"]', cluster);
  const latencies = await page.evaluate(async (edits) => {
    const field = document.querySelector('[data-testid="output_full"]');
    const figure = () => document.querySelector('[data-testid="statements.project_after_tax.npv"]');
    const results = [];
    for (let edit = 0; edit < edits; edit += 1) {
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(figure(), { attributes: true, attributeFilter: ['data-value'] });
      });
      const start = performance.now();
      field.value = String(20000 + (edit % 40) * 500 + (edit % 2 ? 250 : 0));
      field.dispatchEvent(new Event('input', { bubbles: true }));
      results.push((await changed) - start);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return results;
  }, EDITS);
  await context.close();
  return latencies;
}

/** Linear memory of the wasm module before and after 1000 edits of a field. */
async function memoryGrowth(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid="statements.project_after_tax.npv"]');
  const memory = await page.evaluate(async () => {
    const field = document.querySelector('[data-testid="output_full"]');
    const before = window.yzCalcMemory.buffer.byteLength;
    for (let edit = 0; edit < 1000; edit += 1) {
      field.value = String(20000 + (edit % 50) * 300);
      field.dispatchEvent(new Event('input', { bubbles: true }));
      if (edit % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { before, after: window.yzCalcMemory.buffer.byteLength };
  });
  await context.close();
  return memory;
}

function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  let chromiumVersion = 'unknown';
  try { chromiumVersion = execSync('/usr/bin/chromium --version', { encoding: 'utf8' }).trim(); } catch { /* absent */ }
  return `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, `
    + `${os.type()} ${os.release()}, node ${process.version}, ${chromiumVersion}`;
}

/** Measures the speed figures and writes the whole report into docs/BENCHMARKS.md. */
async function benchmark(browser, url, total, sizeLines) {
  // The first-result figure moves with how busy the machine is (a shared
  // VM: tens of ms between runs of the same build), so the load average
  // before the loads is written beside it.
  const loadBefore = os.loadavg()[0];
  const loads = await firstResults(browser, url);
  const first = loads.map((load) => load.result);
  const painted = loads.map((load) => load.paint);
  const latencyByCluster = [];
  for (const cluster of CLUSTERS) {
    latencyByCluster.push([cluster, await inputLatencies(browser, url, cluster)]);
  }
  const latency = latencyByCluster.flatMap(([, values]) => values);
  const memory = await memoryGrowth(browser, url);
  const growth = ((memory.after - memory.before) / memory.before) * 100;
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    '<!-- bench:web:start (written by `make bench`; edit outside these markers) -->',
    `Measured ${date} with \`make bench\` (scripts/bench.mjs) on: ${machine()}.`,
    '',
    ...sizeLines,
    '',
    '| figure | p50 | p95 | max | budget |',
    '|---|---:|---:|---:|---|',
    `| navigation → first result, ms (${LOADS} fresh loads; 1-minute load average ${loadBefore.toFixed(2)} on ${os.cpus().length} cores before them) | ${ms(quantile(first, 0.5))} | ${ms(quantile(first, 0.95))} | ${ms(Math.max(...first))} | ≤ 250 |`,
    `| navigation → that result presented (first contentful paint), ms, same loads | ${ms(quantile(painted, 0.5))} | ${ms(quantile(painted, 0.95))} | ${ms(Math.max(...painted))} | |`,
    ...latencyByCluster.map(([cluster, values]) =>
      `| input → figures updated, ms, ${cluster} (${EDITS} edits) | ${ms(quantile(values, 0.5))} | ${ms(quantile(values, 0.95))} | ${ms(Math.max(...values))} | ≤ 16 (p95) |`),
    `| input → figures updated, ms, all presets | ${ms(quantile(latency, 0.5))} | ${ms(quantile(latency, 0.95))} | ${ms(Math.max(...latency))} | ≤ 16 (p95) |`,
    '',
    `Total gzip budget: ≤ 200 KB (measured ${kb(total.gzip)} KB).`,
    '',
    `wasm linear memory across 1000 edits of output_full: ${kb(memory.before)} KB → ${kb(memory.after)} KB (${growth.toFixed(1)} % growth; budget ≤ 10 %).`,
    '<!-- bench:web:end -->',
  ];
  const path = 'docs/BENCHMARKS.md';
  let document = await readFile(path, 'utf8').catch(() => '# Benchmarks\n\n## Web app\n\n<!-- bench:web:start -->\n<!-- bench:web:end -->\n');
  document = document.replace(/<!-- bench:web:start[\s\S]*?<!-- bench:web:end -->/, lines.join('\n'));
  await writeFile(path, document);
  console.log(lines.join('\n'));
}

const sizesOnly = process.argv.includes('--sizes');
const server = await startServer('dist');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const { rows: files, unused } = await sizes(browser, server.url);
  const { total, lines: sizeLines } = sizeTable(files, unused);
  if (sizesOnly) {
    console.log([...sizeLines, '', `Total gzip budget: ≤ 200 KB (measured ${kb(total.gzip)} KB).`].join('\n'));
  } else {
    await benchmark(browser, server.url, total, sizeLines);
  }
} finally {
  await browser.close();
  await server.close();
}
