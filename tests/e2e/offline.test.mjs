// J10 of PRODUCT.md: after the first visit the app works offline (sw.js), and
// a new deploy installs in the background and is offered, never forced.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage } from './support.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { Calculator } from './pages/calculator.mjs';

const NPV = 'statements.project_after_tax.npv';
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** Waits until the service worker is active and its cache holds the app shell. */
async function waitForOfflineCopy(page) {
  await page.waitForSelector(`[data-testid="${NPV}"][data-value]`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => {
    const names = await caches.keys();
    const shell = [...document.querySelectorAll('#app-js, #app-wasm, link[rel="stylesheet"]')]
      .map((link) => new URL(link.getAttribute('href'), document.baseURI).href);
    for (const name of names) {
      const cache = await caches.open(name);
      const held = (await cache.keys()).map((request) => request.url);
      if ([new URL('./', document.baseURI).href, ...shell].every((url) => held.includes(url))) return true;
    }
    return false;
  });
  return page.evaluate(() => caches.keys());
}

test('J10: after one visit the calculator loads and computes with the network off', async () => {
  const { page, context, problems } = await openPage(env);
  const names = await waitForOfflineCopy(page);
  assert.equal(names.length, 1, `one versioned cache: ${names}`);
  assert.match(names[0], /^yz-calc-[0-9a-f]{8}$/);
  assert.match(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? ''), /sw\.js\?v=/);

  await context.setOffline(true);
  const fromWorker = [];
  const failed = [];
  page.on('response', (response) => { if (response.fromServiceWorker()) fromWorker.push(response.url()); });
  // A request still running when the page reloads is cancelled by the
  // reload itself (net::ERR_ABORTED): a first visit asks for favicon.svg a
  // second time, late, and that request may be under way. Any other
  // failure is one of the network being off.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  await page.reload();
  const app = new Calculator(page);
  await page.waitForSelector(`[data-testid="${NPV}"][data-value]`);
  assert.ok(fromWorker.some((url) => url.endsWith('.wasm')), `the wasm came from the worker: ${fromWorker}`);
  assert.ok(fromWorker.includes(env.url), 'the page came from the worker');
  const before = await app.value(NPV);
  assert.ok(Number.isFinite(Number(before)));
  await app.type('output_full', '52000');
  await page.waitForFunction(([id, old]) => document.querySelector(`[data-testid="${id}"]`)?.dataset.value !== old, [NPV, before]);
  assert.ok(Number.isFinite(Number(await app.value(NPV))));
  assert.deepEqual(failed, []);

  // A fresh tab of the same browser, with a scenario link, also opens offline.
  const other = await context.newPage();
  await other.goto(`${env.url}?from=singlemessage#i=cluster=new_energy&land_mu=120`);
  await other.waitForSelector(`[data-testid="${NPV}"][data-value]`);
  assert.equal(await other.inputValue('[data-testid="land_mu"]'), '120');
  await context.setOffline(false);
  await context.close();
  assert.deepEqual(problems, []);
});

test('J10: the offline copy works with the server gone, not only with the network emulated off', async () => {
  const server = await startServer('dist');
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  await waitForOfflineCopy(page);
  await Promise.race([server.close(), new Promise((done) => { setTimeout(done, 2000); })]);
  await page.reload();
  await page.waitForSelector(`[data-testid="${NPV}"][data-value]`);
  const app = new Calculator(page);
  const before = await app.value(NPV);
  await app.type('output_full', '61000');
  assert.notEqual(await app.value(NPV), before);
  await context.close();
  assert.deepEqual(errors, []);
});

test('J10: a new deploy installs in the background, shows a notice and reloads only when asked', async () => {
  // A copy of dist/ that is "redeployed" while the page is open.
  const root = mkdtempSync(join(tmpdir(), 'yz-deploy-'));
  cpSync('dist', root, { recursive: true });
  const server = await startServer(root);
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(server.url);
    await waitForOfflineCopy(page);
    const app = new Calculator(page);
    await app.type('output_full', '47000');
    await page.evaluate(() => { window.stillTheSamePage = true; });

    // The new build: the stylesheet gets a new hashed name.
    const css = readdirSync(root).find((file) => /^app-[0-9a-f]{16}\.css$/.test(file));
    const renamed = 'app-0123456789abcdef.css';
    cpSync(join(root, css), join(root, renamed));
    const index = join(root, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace(css, renamed));
    // Its precompressed copies are the old page's; the server would send them.
    for (const copy of ['.gz', '.br']) rmSync(index + copy, { force: true });

    // The page asks for a new version when the network comes back.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const notice = page.locator('[data-testid="notice"][data-code="update_ready"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /新版本/);
    await page.click('[data-testid="lang"]');
    await page.waitForFunction(() => /new version/i.test(document.querySelector('[data-code="update_ready"]').textContent));
    assert.equal(await page.evaluate(() => window.stillTheSamePage), true, 'no reload by itself');
    assert.equal(await app.field('output_full').inputValue(), '47000', 'the edit is kept');
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-testid="notice"][data-code="update_ready"]').length), 1);

    await Promise.all([page.waitForEvent('load'), page.click('[data-testid="update-reload"]')]);
    await page.waitForSelector(`[data-testid="${NPV}"][data-value]`);
    assert.equal(await page.evaluate(() => window.stillTheSamePage), undefined, 'reloaded on the button');
    assert.equal(await page.locator(`link[href="./${renamed}"]`).count(), 1, 'the new version runs');
    assert.equal(await notice.count(), 0);
    // The old version's cache is gone; the new one holds the new file.
    await page.waitForFunction(async () => (await caches.keys()).length === 1);
    const held = await page.evaluate(async () => {
      const [name] = await caches.keys();
      return (await (await caches.open(name)).keys()).map((request) => request.url);
    });
    assert.ok(held.includes(`${server.url}${renamed}`), `cached: ${held}`);
    assert.ok(!held.includes(`${server.url}${css}`), 'the old file is no longer cached');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await Promise.race([server.close(), new Promise((done) => { setTimeout(done, 2000); })]);
  }
});
