// Journey J9 of PRODUCT.md in a real browser against the release build:
// save named scenarios in the browser, compare them side by side, and keep
// loading what can be read when the saved data is damaged. Figures expected
// in the comparison are the ones the calculator itself showed for the same
// inputs (the engine's exact data-value, not formatted text).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launch, openPage } from './support.mjs';
import { Calculator } from './pages/calculator.mjs';

const require = createRequire(import.meta.url);
const KEY = 'yz-calc.saved.v1';
const NPV = 'statements.project_after_tax.npv';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** The save-and-compare panel, found by its data-testid hooks. */
class SavedScenarios {
  constructor(page) {
    this.page = page;
  }

  async save(name) {
    const count = await this.page.locator('[data-testid="saved-list"] > li').count();
    await this.page.fill('[data-testid="save-name"]', name);
    await this.page.click('[data-testid="save-scenario"]');
    await this.page.waitForFunction(
      (before) => document.querySelectorAll('[data-testid="saved-list"] > li').length > before, count);
  }

  async names() {
    return this.page.$$eval('[data-testid="saved-list"] > li', (items) => items.map((item) => item.dataset.name));
  }

  async pick(index) {
    await this.page.check(`[data-testid="compare-pick.${index}"]`);
  }

  /** Codes of the notices inside the panel. */
  async notices() {
    return this.page.$$eval('[data-testid="compare"] [data-testid="notice"]', (nodes) => nodes.map((node) => node.dataset.code));
  }

  /** The stored document, parsed. */
  async stored() {
    return this.page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY);
  }
}

/** Types into a field and waits until the headline NPV has moved. */
async function typeAndWait(app, id, text) {
  const before = await app.value(NPV);
  await app.type(id, text);
  await app.page.waitForFunction(([testid, old]) =>
    document.querySelector(`[data-testid="${testid}"]`)?.dataset.value !== old, [NPV, before]);
  return app.value(NPV);
}

async function ready(page) {
  await page.waitForSelector(`[data-testid="${NPV}"]`);
  await page.waitForSelector('[data-testid="compare"]');
}

test('J9: two saved scenarios compare side by side with the figures the calculator showed', async () => {
  const { page, problems } = await openPage(env);
  const app = new Calculator(page);
  const saved = new SavedScenarios(page);
  await ready(page);

  const npvLow = await typeAndWait(app, 'output_full', '40000');
  await saved.save('Output 40000');
  const npvHigh = await typeAndWait(app, 'output_full', '60000');
  await saved.save('Output 60000');
  assert.notEqual(npvLow, npvHigh);
  assert.deepEqual(await saved.names(), ['Output 40000', 'Output 60000']);

  await saved.pick(0);
  await saved.pick(1);
  await page.waitForSelector('[data-testid="compare-table"]');
  const rows = await page.$$eval('[data-testid^="compare-row."]', (nodes) => nodes.map((node) => node.dataset.testid));
  assert.deepEqual(rows, ['compare-row.output_full'], 'only the input that differs is listed');
  assert.equal(await app.value('compare.0.input.output_full'), '40000');
  assert.equal(await app.value('compare.1.input.output_full'), '60000');
  assert.equal(await app.value(`compare.0.${NPV}`), npvLow);
  assert.equal(await app.value(`compare.1.${NPV}`), npvHigh);
  for (const path of ['statements.project_after_tax.irr', 'statements.project_after_tax.static_payback',
    'statements.equity.irr', 'incentives.total_nominal', 'deposit.outcome']) {
    assert.equal(await page.locator(`[data-testid="compare.1.${path}"]`).count(), 1, path);
  }
  assert.equal(await app.value('compare.1.deposit.outcome'), await app.value('deposit.outcome'));

  // The chart's table: a cumulative flow per scenario and year; the last
  // year of the calculator's own chart equals the second scenario's.
  const years = await page.locator('[data-testid^="chart.cash_flow.cumulative."]').count();
  assert.ok(years > 0);
  assert.equal(await app.value(`chart.compare.1.${years}`), await app.value(`chart.cash_flow.cumulative.${years}`));
  assert.equal(await page.locator(`[data-testid="chart.compare.0.${years}"]`).count(), 1);

  // The scenario on screen can join as a column of its own.
  await page.check('[data-testid="compare-current"]');
  assert.equal(await app.value(`compare.current.${NPV}`), npvHigh);
  assert.deepEqual(problems, []);
});

test('J9: damaged saved data shows a notice and the rest still loads, untouched', async () => {
  const corrupt = '{"version":1,"scenarios":[{"name":"ok","saved_at":"x","policy_set":"yz-2026.1","form":{"land_mu":"80"}}, 42]}';
  const { page, problems } = await openPage(env);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, corrupt]);
  await page.reload();
  const app = new Calculator(page);
  const saved = new SavedScenarios(page);
  await ready(page);
  await page.waitForSelector('[data-testid="compare"] [data-testid="notice"][data-code="saved_bad_entry"]');
  assert.deepEqual(await saved.names(), ['ok']);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), corrupt, 'opening the page writes nothing');

  await saved.pick(0);
  await page.waitForSelector('[data-testid="compare-table"]');
  assert.equal(await app.value('compare.0.input.land_mu'), '80');
  assert.ok(Number.isFinite(Number(await app.value(`compare.0.${NPV}`))));

  // Saving again keeps a copy of the damaged document before writing over it.
  await saved.save('new');
  assert.deepEqual((await saved.stored()).scenarios.map((entry) => entry.name), ['ok', 'new']);
  assert.equal(await page.evaluate((key) => localStorage.getItem(`${key}.backup`), KEY), corrupt);
  assert.deepEqual(problems, []);
});

test('J9: unreadable or newer saved data never breaks the page', async () => {
  for (const [text, code, names] of [
    ['not json at all', 'saved_corrupt', []],
    ['{"version":9,"scenarios":[{"name":"future","form":{"wage":"9","hologram":"on"}}]}', 'saved_newer_version', ['future']],
  ]) {
    const { page, context, problems } = await openPage(env);
    await page.evaluate(([key, stored]) => localStorage.setItem(key, stored), [KEY, text]);
    await page.reload();
    await ready(page);
    const saved = new SavedScenarios(page);
    await page.waitForSelector(`[data-testid="compare"] [data-testid="notice"][data-code="${code}"]`);
    assert.deepEqual(await saved.names(), names, text);
    assert.ok(Number.isFinite(Number(await new Calculator(page).value(NPV))), 'the calculator still works');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('J9: a saved scenario survives a reload and opens in the calculator', async () => {
  const { page, problems } = await openPage(env);
  const app = new Calculator(page);
  const saved = new SavedScenarios(page);
  await ready(page);
  const npvKept = await typeAndWait(app, 'output_full', '45000');
  await saved.save('kept');
  await page.reload();
  await ready(page);
  await page.waitForSelector('[data-testid="saved.0"]');
  assert.deepEqual(await saved.names(), ['kept']);
  assert.equal((await saved.stored()).scenarios[0].form.output_full, '45000');

  await typeAndWait(app, 'output_full', '35000');
  await page.click('[data-testid="open-saved.0"]');
  await page.waitForFunction(([testid, want]) =>
    document.querySelector(`[data-testid="${testid}"]`)?.dataset.value === want, [NPV, npvKept]);
  assert.equal(await app.field('output_full').inputValue(), '45000');
  assert.deepEqual(problems, []);
});

test('J9: replacing and deleting a saved scenario each ask first', async () => {
  const { page, problems } = await openPage(env);
  const app = new Calculator(page);
  const saved = new SavedScenarios(page);
  await ready(page);
  await saved.save('same name');
  await typeAndWait(app, 'output_full', '55000');

  await page.fill('[data-testid="save-name"]', 'same name');
  await page.click('[data-testid="save-scenario"]');
  await page.waitForSelector('[data-testid="confirm-replace"]');
  assert.equal((await saved.stored()).scenarios[0].form.output_full, undefined, 'nothing replaced before the answer');
  await page.click('[data-testid="confirm-replace"]');
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).scenarios[0].form.output_full === '55000', KEY);
  assert.deepEqual(await saved.names(), ['same name']);

  await page.click('[data-testid="delete-saved.0"]');
  await page.click('[data-testid="cancel-delete.0"]');
  assert.deepEqual(await saved.names(), ['same name']);
  await page.click('[data-testid="delete-saved.0"]');
  await page.click('[data-testid="confirm-delete.0"]');
  await page.waitForSelector('[data-testid="saved-none"]');
  assert.deepEqual((await saved.stored()).scenarios, []);

  // An empty name is refused with a message, and nothing is written.
  await page.fill('[data-testid="save-name"]', '   ');
  await page.click('[data-testid="save-scenario"]');
  assert.deepEqual(await saved.notices(), ['saved_name_empty']);
  assert.deepEqual((await saved.stored()).scenarios, []);
  assert.deepEqual(problems, []);
});

test('J9: full or disabled browser storage gets a notice, never a crash', async () => {
  // Full: every write throws QuotaExceededError; the list stays as it was.
  {
    const { page, context, problems } = await openPage(env);
    await context.addInitScript(() => {
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.reload();
    await ready(page);
    const saved = new SavedScenarios(page);
    await page.fill('[data-testid="save-name"]', 'too much');
    await page.click('[data-testid="save-scenario"]');
    await page.waitForSelector('[data-testid="compare"] [data-testid="notice"][data-code="saved_write_failed"]');
    assert.deepEqual(await saved.names(), []);
    assert.deepEqual(problems, []);
    await context.close();
  }
  // Disabled: reading localStorage itself throws SecurityError.
  {
    const { page, context, problems } = await openPage(env);
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    });
    await page.reload();
    await ready(page);
    await page.waitForSelector('[data-testid="compare"] [data-testid="notice"][data-code="saved_unavailable"]');
    await page.fill('[data-testid="save-name"]', 'nowhere');
    await page.click('[data-testid="save-scenario"]');
    assert.ok(Number.isFinite(Number(await new Calculator(page).value(NPV))), 'the calculator still works');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('accessibility: the saved list and the comparison have no serious axe violation', async () => {
  // The page's CSP forbids injected scripts, rightly; the audit bypasses it.
  const { page, problems } = await openPage(env, '', { bypassCSP: true });
  const saved = new SavedScenarios(page);
  await ready(page);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, JSON.stringify({
    version: 1,
    scenarios: [
      { name: 'A', saved_at: '2026-01-15T09:30:00.000Z', policy_set: 'yz-2026.1', form: { output_full: '40000' } },
      { name: 'B', saved_at: '2025-03-01T10:00:00.000Z', policy_set: 'yz-2025.2', form: { site_mode: 'buy_land' } },
      { name: 'C', saved_at: 'x', policy_set: 'yz-2026.1', form: { equipment: 'abc' } },
    ],
  })]);
  await page.reload();
  await ready(page);
  await page.waitForSelector('[data-testid="saved.2"]');
  for (const index of [0, 1, 2]) await saved.pick(index);
  await page.check('[data-testid="compare-current"]');
  await page.click('[data-testid="delete-saved.2"]');
  await page.waitForSelector('[data-testid="compare.2.errors"]');
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () =>
    window.axe.run(document.querySelector('[data-testid="compare"]'), { resultTypes: ['violations'] }));
  const bad = result.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
  assert.deepEqual(bad.map((violation) => `${violation.id}: ${violation.nodes.length} × ${violation.help}`), []);
  assert.deepEqual(problems, []);
});
