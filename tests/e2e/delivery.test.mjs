// The bytes on the wire: the release build writes a zopfli .gz and a brotli
// .br next to every compressible file (scripts/post-build.mjs), the server
// sends them as nginx's gzip_static / brotli_static do, and the page works
// whichever it gets, online and offline. The minified index.html still
// enforces its Content-Security-Policy by itself.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { extname } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { launch } from './support.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { Calculator } from './pages/calculator.mjs';

const NPV = 'statements.project_after_tax.npv';
const COMPRESSIBLE = new Set(['.wasm', '.js', '.css', '.html', '.svg', '.webmanifest']);
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** A GET with exactly this Accept-Encoding (none if undefined): { status, headers, body } as sent. */
function download(url, acceptEncoding) {
  const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** The files a first visit downloads, as named in dist/. */
function firstVisitFiles() {
  const names = readdirSync('dist');
  const pick = (pattern) => names.filter((name) => pattern.test(name));
  return ['index.html', 'boot.js', 'sw.js', 'favicon.svg', 'manifest.webmanifest',
    ...pick(/^yz-calc-[0-9a-f]{16}(_bg\.wasm|\.js)$/), ...pick(/-[0-9a-f]{16}\.css$/)];
}

test('the release build wrote a .gz (standard gzip) and a .br of every compressible file', () => {
  const files = readdirSync('dist').filter((name) => COMPRESSIBLE.has(extname(name)));
  assert.ok(files.some((name) => name.endsWith('_bg.wasm')), `the wasm is there: ${files}`);
  for (const name of files) {
    const body = readFileSync(`dist/${name}`);
    const gz = readFileSync(`dist/${name}.gz`);
    assert.deepEqual([...gz.subarray(0, 3)], [0x1f, 0x8b, 8], `${name}.gz: gzip magic, deflate`);
    assert.ok(gunzipSync(gz).equals(body), `${name}.gz decompresses to ${name}`);
    assert.ok(gz.length < body.length, `${name}.gz is smaller`);
    assert.ok(brotliDecompressSync(readFileSync(`dist/${name}.br`)).equals(body), `${name}.br decompresses to ${name}`);
  }
});

test('the server sends the precompressed copy the request accepts, with the file\'s own type', async () => {
  for (const name of firstVisitFiles()) {
    const url = env.url + (name === 'index.html' ? '' : name);
    const raw = readFileSync(`dist/${name}`);
    const plain = await download(url);
    assert.equal(plain.status, 200, name);
    assert.equal(plain.headers['content-encoding'], undefined, `${name} without Accept-Encoding`);
    assert.ok(plain.body.equals(raw), name);
    assert.equal(plain.headers.vary, 'Accept-Encoding', `${name}: caches keep the variants apart`);
    const type = plain.headers['content-type'];

    for (const [accept, coding, suffix] of [
      ['gzip', 'gzip', '.gz'],
      ['gzip, deflate', 'gzip', '.gz'],
      ['gzip, deflate, br, zstd', 'br', '.br'],
      ['br;q=0, gzip', 'gzip', '.gz'],
      ['*', 'br', '.br'],
    ]) {
      const sent = await download(url, accept);
      const what = `${name} for Accept-Encoding: ${accept}`;
      assert.equal(sent.status, 200, what);
      assert.equal(sent.headers['content-encoding'], coding, what);
      assert.equal(sent.headers['content-type'], type, what);
      assert.equal(sent.headers.vary, 'Accept-Encoding', what);
      assert.equal(sent.headers['cache-control'], plain.headers['cache-control'], what);
      assert.equal(Number(sent.headers['content-length']), sent.body.length, what);
      assert.ok(sent.body.equals(readFileSync(`dist/${name}${suffix}`)), `${what}: the ${suffix} copy as it is`);
    }
    for (const accept of ['identity', 'gzip;q=0, br;q=0', 'deflate']) {
      const sent = await download(url, accept);
      assert.equal(sent.headers['content-encoding'], undefined, `${name} for Accept-Encoding: ${accept}`);
      assert.ok(sent.body.equals(raw), name);
    }
  }
  const missing = await download(`${env.url}nothing-here.js`, 'gzip');
  assert.equal(missing.status, 404);
});

test('served with gzip only, the page loads, computes and then works offline', async () => {
  const server = await startServer('dist', 0, { encodings: ['gzip'] });
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  const encodings = new Map();
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('response', async (response) => {
    if (!response.fromServiceWorker()) encodings.set(new URL(response.url()).pathname, (await response.allHeaders())['content-encoding']);
  });
  try {
    await page.goto(server.url);
    await page.waitForSelector(`[data-testid="${NPV}"][data-value]`);
    const wasm = [...encodings.keys()].find((path) => path.endsWith('_bg.wasm'));
    assert.equal(encodings.get(wasm), 'gzip', 'the wasm came gzipped');
    assert.equal(encodings.get('/'), 'gzip', 'the page came gzipped');
    const app = new Calculator(page);
    const first = await app.value(NPV);
    await app.type('output_full', '52000');
    assert.notEqual(await app.value(NPV), first);

    // The service worker stores the decoded files; offline they still run.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(async () => {
      const wasmUrl = new URL(document.getElementById('app-wasm').getAttribute('href'), document.baseURI).href;
      for (const name of await caches.keys()) {
        if (await (await caches.open(name)).match(wasmUrl)) return true;
      }
      return false;
    });
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector(`[data-testid="${NPV}"][data-value]`);
    assert.equal(await app.value(NPV), first);
    await app.type('output_full', '52000');
    assert.notEqual(await app.value(NPV), first);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await Promise.race([server.close(), new Promise((done) => { setTimeout(done, 2000); })]);
  }
});

test('the minified index.html enforces its Content-Security-Policy without the header', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // The server's CSP header is taken away: only the page's meta tag is left.
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    for (const name of ['content-security-policy', 'content-encoding', 'content-length']) delete headers[name];
    await route.fulfill({ response, headers });
  });
  try {
    const response = await page.goto(env.url);
    assert.equal((await response.allHeaders())['content-security-policy'], undefined, 'no CSP header');
    await page.waitForSelector(`[data-testid="${NPV}"][data-value]`);
    assert.match(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'), /script-src 'self' 'wasm-unsafe-eval'/);
    const inline = await page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true });
      const script = document.createElement('script');
      script.textContent = 'window.inlineScriptRan = true';
      document.head.append(script);
      setTimeout(() => resolve(window.inlineScriptRan ? 'ran' : 'no report'), 2000);
    }));
    assert.equal(inline, 'script-src-elem', 'an inline script is refused by the meta tag');
    assert.deepEqual(problems, []);
  } finally {
    // The favicon may still be on its way through the route.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  }
});
