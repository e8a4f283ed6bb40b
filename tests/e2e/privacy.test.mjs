// "Privacy and safety" of PRODUCT.md in a real browser: a strict
// Content-Security-Policy that nothing on the page violates, no request to
// any other origin, and typed text that is only ever text.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './support.mjs';
import { Calculator } from './pages/calculator.mjs';

const NPV = 'statements.project_after_tax.npv';
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** The directives of a policy, as { name: [sources] }. */
function directives(policy) {
  return Object.fromEntries(policy.split(';').map((part) => part.trim()).filter(Boolean)
    .map((part) => { const [name, ...sources] = part.split(/\s+/); return [name, sources]; }));
}

/** A fresh page that records CSP violations, page errors, dialogs and every request of the context. */
async function watchedPage(options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const violations = [];
  const errors = [];
  const dialogs = [];
  const requests = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  // The context sees the requests of every page and of the service worker.
  context.on('request', (request) => requests.push(request.url()));
  return { context, page, violations, errors, dialogs, requests };
}

function foreign(requests) {
  const own = new URL(env.url).origin;
  return requests.filter((url) => {
    const parsed = new URL(url);
    return !(parsed.origin === own || parsed.protocol === 'data:' || parsed.protocol === 'blob:');
  });
}

test('the served index.html carries a strict CSP: wasm-unsafe-eval, nothing inline', async () => {
  const response = await fetch(env.url);
  const html = await response.text();
  // The release build minifies the page: attributes in any order, quoted or not.
  const tag = html.match(/<meta\s[^>]*http-equiv="?Content-Security-Policy"?[\s>][^>]*/i);
  const meta = tag?.[0].match(/\scontent="([^"]+)"/i);
  assert.ok(meta, 'a CSP meta tag');
  const policy = directives(meta[1]);
  assert.deepEqual(policy['default-src'], ["'self'"]);
  assert.deepEqual(policy['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(policy['style-src'], ["'self'"]);
  assert.deepEqual(policy['object-src'], ["'none'"]);
  for (const sources of Object.values(policy)) {
    assert.ok(!sources.includes("'unsafe-inline'"), meta[1]);
    assert.ok(!sources.includes("'unsafe-eval'"), meta[1]);
    assert.ok(!sources.some((source) => source === '*' || /^https?:/.test(source)), meta[1]);
  }
  // The server sends the same policy as a header (plus frame-ancestors).
  const header = directives(response.headers.get('content-security-policy'));
  for (const [name, sources] of Object.entries(policy)) assert.deepEqual(header[name], sources, name);
  // Nothing inline that the policy would have to allow.
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), 'no inline script');
  assert.ok(!/\sstyle=/i.test(html) && !/<style/i.test(html), 'no inline style');
  assert.ok(!/\son[a-z]+=/i.test(html), 'no inline handlers');
});

test('a full journey violates no CSP rule and asks no other origin for anything', async () => {
  const { context, page, violations, errors, dialogs, requests } = await watchedPage({
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await page.goto(env.url);
  const app = new Calculator(page);
  await page.waitForSelector(`[data-testid="${NPV}"][data-value]`);
  await app.choose('cluster', 'intelligent_equipment');
  await app.type('land_mu', '80');
  await app.type('output_full', '45000');
  await page.click('[data-testid="lang"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await app.detailed();
  await app.openAllSections();
  await app.type('loan', '5000');
  for (const summary of await page.locator('details:not(.section) > summary').all()) {
    if (await summary.isVisible()) await summary.click();
  }
  await page.click('[data-testid="copy-link"]');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(env.url), link);
  const share = page.locator('[data-testid="share-panel"]');
  await share.scrollIntoViewIfNeeded();
  await share.locator('details.embed > summary').click();
  assert.match(await page.inputValue('[data-testid="embed-snippet"]'), /<iframe src="http:\/\/127\.0\.0\.1/);
  await page.locator('[data-testid="qr"] svg').waitFor();
  // The copied link opened in another tab of the same browser.
  const other = await context.newPage();
  other.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  await other.goto(link);
  await other.waitForSelector(`[data-testid="${NPV}"][data-value]`);
  // Let the service worker finish its first install (it fetches the app shell too).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.evaluate(() => new Promise((done) => { setTimeout(done, 300); }));

  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(dialogs, []);
  assert.ok(requests.length > 5, `requests were recorded: ${requests.length}`);
  assert.deepEqual(foreign(requests), []);
  await context.close();
});

test('the embed demo page (the snippet of the share panel) asks no other origin either', async () => {
  const { context, page, violations, errors, requests } = await watchedPage();
  await page.goto(`${env.url}embed-demo.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator(`[data-testid="${NPV}"][data-value]`).waitFor();
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign(requests), []);
  await context.close();
});

test('a project name with markup from a link shows as text and runs nothing', async () => {
  const name = '<img src=x onerror=alert(1)>';
  const { context, page, violations, dialogs, requests } = await watchedPage();
  await page.goto(`${env.url}#i=name=${encodeURIComponent(name)}`);
  await page.waitForSelector(`[data-testid="${NPV}"][data-value]`);
  await new Calculator(page).detailed();
  assert.equal(await page.inputValue('[data-testid="name"]'), name);
  assert.equal(await page.textContent('.print-report h2'), name);
  assert.equal(await page.locator('body img').count(), 0, 'no element made of the name');
  assert.ok(!requests.some((url) => new URL(url).pathname.endsWith('/x')), 'the img was never fetched');
  await page.evaluate(() => new Promise((done) => { setTimeout(done, 300); }));
  assert.deepEqual(dialogs, []);
  assert.deepEqual(violations, []);
  await context.close();
});
