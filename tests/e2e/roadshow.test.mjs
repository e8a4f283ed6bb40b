// Journey J10 of PRODUCT.md: the roadshow start screen, a preset per
// cluster and the reference projects, the presentation view with the QR
// hand-off, and the idle reset that keeps saved scenarios.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './support.mjs';
import { Calculator } from './pages/calculator.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const NPV = 'statements.project_after_tax.npv';

test('J10: a preset from the start screen presents its results, and the QR is one tap away', async () => {
  const { page, problems } = await openPage(env, '?roadshow');
  await page.waitForSelector('[data-testid="roadshow-start"]');
  assert.match(await page.textContent('[data-testid="roadshow-start"]'), /2022/);
  await page.click('[data-testid="preset.new_energy"]');
  await page.waitForSelector('[data-testid="roadshow-present"]');
  const app = new Calculator(page);
  assert.equal(await app.field('land_mu').inputValue(), '100');
  const before = await app.value(NPV);
  await app.type('output_full', '90000');
  assert.notEqual(await app.value(NPV), before);
  await page.click('[data-testid="roadshow-next"]');
  assert.equal(await page.locator('[data-testid="chart.buy_vs_rent"]').count(), 1);
  await page.click('[data-testid="roadshow-qr"]');
  assert.equal(await page.locator('[data-testid="roadshow-qr-overlay"] svg').count(), 1);
  // The code hands the visitor the calculator with this scenario, not the
  // roadshow; the kiosk's own address keeps its switch for a reload.
  const handedOut = await page.getAttribute('[data-testid="roadshow-qr-overlay"] svg', 'aria-label');
  assert.ok(handedOut.startsWith(env.url) && !handedOut.includes('roadshow'), handedOut);
  await page.waitForFunction(() => location.hash.length > 1);
  assert.ok(page.url().includes('?roadshow#'), page.url());
  const phone = await env.browser.newPage();
  await phone.goto(handedOut);
  await phone.waitForSelector(`[data-testid="${NPV}"]`);
  assert.equal(await phone.locator('[data-testid="roadshow-start"], [data-testid="roadshow-present"]').count(), 0);
  assert.equal(await new Calculator(phone).value(NPV), await app.value(NPV));
  await phone.close();
  await page.click('[data-testid="roadshow-qr-close"]');
  await page.click('[data-testid="roadshow-back"]');
  await page.click('[data-testid="preset.reference_ebike"]');
  assert.equal(await app.field('output_full').inputValue(), '80000');
  assert.deepEqual(problems, []);
});

test('J10: after the idle time the start screen returns, inputs cleared, saved scenarios kept', async () => {
  const { page, context, problems } = await openPage(env);
  const app = new Calculator(page);
  await app.type('output_full', '43000');
  await page.fill('[data-testid="save-name"]', '上午的方案');
  await page.click('[data-testid="save-scenario"]');
  await page.waitForSelector('[data-testid="saved.0"]');
  const roadshow = await context.newPage();
  await roadshow.goto(`${env.url}?roadshow&idle=2`);
  await roadshow.click('[data-testid="preset.big_data"]');
  await roadshow.waitForSelector('[data-testid="roadshow-present"]');
  await new Calculator(roadshow).type('equipment', '12000');
  await roadshow.waitForSelector('[data-testid="roadshow-start"]', { timeout: 6000 });
  await roadshow.click('[data-testid="roadshow-exit"]');
  await roadshow.waitForSelector('[data-testid="saved.0"]');
  assert.match(await roadshow.textContent('[data-testid="saved.0"]'), /上午的方案/);
  assert.equal(await new Calculator(roadshow).field('equipment').inputValue(), '6000', 'the visitor input is gone');
  assert.deepEqual(problems, []);
});
