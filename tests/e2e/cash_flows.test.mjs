// The first vertical slice in a real browser against the release build: a
// person types yearly flows and a rate and reads NPV, IRR and payback.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, valueOf } from './support.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** NPV at the end-of-year convention, computed here in floating point as an independent check. */
function npv(rate, flows) {
  return flows.reduce((sum, flow, index) => sum + flow / (1 + rate) ** (index + 1), 0);
}

test('the page computes at once and shows figures with exact values', async () => {
  const { page, problems } = await openPage(env);
  await page.waitForSelector('[data-testid="flows.npv"]');
  const flows = (await page.inputValue('[data-testid="flows"]')).split('\n').map(Number);
  const rate = Number(await page.inputValue('[data-testid="rate"]')) / 100;
  const shown = Number(await valueOf(page, 'flows.npv'));
  assert.ok(Math.abs(shown - npv(rate, flows)) < 1e-6, `NPV ${shown} vs ${npv(rate, flows)}`);
  const irr = Number(await valueOf(page, 'flows.irr'));
  assert.ok(Math.abs(npv(irr, flows)) < 1e-4, `NPV at the IRR ${irr} is not 0`);
  assert.deepEqual(problems, []);
});

test('typing the MODEL.md vectors gives their published results', async () => {
  const { page, problems } = await openPage(env);
  await page.fill('[data-testid="rate"]', '6.5');
  await page.fill('[data-testid="flows"]', '-10000\n3000\n3400\n7700');
  assert.equal(Number(await valueOf(page, 'flows.npv')).toFixed(2), '2055.38');
  await page.fill('[data-testid="flows"]', '-1000000\n200000\n400000\n300000\n400000');
  assert.equal(await valueOf(page, 'flows.static_payback'), '4.25');
  await page.fill('[data-testid="flows"]', '-1000\n6000\n-10900\n5800');
  const roots = (await valueOf(page, 'flows.irr')).split(',').map(Number);
  assert.deepEqual(roots.map((root) => root.toFixed(4)), ['-0.0488', '1.0000', '2.0488']);
  assert.deepEqual(problems, []);
});

test('bad input gets a message beside the field and the page survives', async () => {
  const { page, problems } = await openPage(env);
  const before = await valueOf(page, 'flows.npv');
  for (const [typed, code] of [['abc', 'not_a_number'], ['', 'empty'], ['-5', 'out_of_range'], ['1e40', 'too_large']]) {
    await page.fill('[data-testid="rate"]', typed);
    assert.equal(await page.getAttribute('.field [data-testid="notice"]', 'data-code'), code, `typing ${typed}`);
    assert.equal(await valueOf(page, 'flows.npv'), before, 'the last valid result stays');
    assert.ok(await page.isVisible('[data-testid="notice"][data-code="stale"]'));
  }
  for (const typed of ['１２', ' 12 ', '12']) {
    await page.fill('[data-testid="rate"]', typed);
    assert.equal(await page.locator('[data-testid="notice"]').count(), 0, `typing ${typed}`);
  }
  await page.fill('[data-testid="flows"]', '-1,000\n3万\n４００');
  assert.equal(await page.locator('[data-testid="notice"]').count(), 0);
  assert.deepEqual(problems, []);
});

test('switching language keeps inputs and values', async () => {
  const { page, problems } = await openPage(env);
  await page.fill('[data-testid="rate"]', '8');
  const before = await valueOf(page, 'flows.npv');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await page.click('[data-testid="lang"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('h1'), /Investment calculator/);
  assert.equal(await page.inputValue('[data-testid="rate"]'), '8');
  assert.equal(await valueOf(page, 'flows.npv'), before);
  assert.deepEqual(problems, []);
});

test('no request leaves the local server', async () => {
  const { page, requests } = await openPage(env);
  await page.waitForSelector('[data-testid="flows.npv"]');
  await page.fill('[data-testid="rate"]', '9');
  const foreign = requests.filter((url) => !url.startsWith(env.url));
  assert.deepEqual(foreign, []);
});
