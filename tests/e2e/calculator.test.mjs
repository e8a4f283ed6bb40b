// Journeys J1, J2, J3 and J8 of PRODUCT.md in a real browser against the
// release build. Expected figures come from the independent reference
// model's golden files, never from the app itself.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launch, openPage } from './support.mjs';
import { Calculator, close, golden } from './pages/calculator.mjs';

const require = createRequire(import.meta.url);
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('J1: the page opens on the default scenario and computes at once', async () => {
  const { page, problems } = await openPage(env);
  const app = new Calculator(page);
  await page.waitForSelector('[data-testid="statements.project_after_tax.npv"]');
  const expected = golden('default');
  for (const path of ['statements.project_after_tax.npv', 'statements.project_before_tax.npv',
    'statements.equity.npv', 'peak_funding_need', 'incentives.total_nominal', 'park.npv']) {
    const want = path.split('.').reduce((node, key) => node[key], expected);
    assert.ok(close(await app.value(path), want), `${path}: ${await app.value(path)} vs ${want}`);
  }
  assert.ok(close(await app.value('statements.project_after_tax.irr'), expected.statements.project_after_tax.irr.roots[0], 1e-8));
  assert.equal(await app.value('deposit.outcome'), expected.deposit.outcome);
  assert.deepEqual(problems, []);
});

test('J2: a cluster preset loads and computes; land area moves the figures it should', async () => {
  const { page, problems } = await openPage(env);
  const app = new Calculator(page);
  await app.choose('cluster', 'intelligent_equipment');
  const expected = golden('intelligent_equipment');
  assert.ok(close(await app.value('statements.project_after_tax.npv'), expected.statements.project_after_tax.npv));
  assert.equal(await app.field('site_mode').inputValue(), 'buy_land');
  const npvBefore = await app.number('statements.project_after_tax.npv');
  const intensityBefore = await app.number('mu_metrics.first_full_capacity_year.intensity');
  const salesBefore = await app.number('annual.sales.3');
  await app.type('land_mu', '80');
  assert.equal(await app.number('mu_metrics.first_full_capacity_year.mu_basis'), 80);
  assert.ok(await app.number('statements.project_after_tax.npv') < npvBefore, 'more land costs more');
  assert.ok(await app.number('mu_metrics.first_full_capacity_year.intensity') !== intensityBefore);
  assert.equal(await app.number('annual.sales.3'), salesBefore, 'land does not change sales');
  assert.deepEqual(problems, []);
});

test('J2: the detailed form has every input with its default and source tag, and resets', async () => {
  const { page, problems } = await openPage(env);
  const app = new Calculator(page);
  await app.detailed();
  await app.openAllSections();
  for (const id of ['discount_rate', 'land_price', 'rent', 'loan', 'incentives.equip_subsidy.rate',
    'incentives.tax_reward.on', 'deposit.amount', 'targets.tax_per_mu.min', 'mu_thresholds.far', 'ramp']) {
    assert.equal(await app.field(id).count(), 1, `input ${id}`);
  }
  assert.ok((await page.locator('.field abbr.tag').count()) > 40, 'defaults show their tags');
  assert.equal(await app.field('discount_rate').inputValue(), '12');
  await app.type('discount_rate', '8');
  const changed = await app.value('statements.project_after_tax.npv');
  await page.click('[data-testid="reset.discount_rate"]');
  assert.equal(await app.field('discount_rate').inputValue(), '12');
  assert.notEqual(await app.value('statements.project_after_tax.npv'), changed);
  // A group C incentive shows the fair-competition warning.
  await app.field('incentives.tax_reward.on').check();
  assert.equal(await page.locator('[data-testid="notice"][data-code="restricted_incentive"]').count() >= 1, true);
  assert.deepEqual(problems, []);
});

test('bad typing gets a message beside the field and the page survives', async () => {
  const { page, problems } = await openPage(env);
  const app = new Calculator(page);
  const before = await app.value('statements.project_after_tax.npv');
  for (const [typed, code] of [['abc', 'not_a_number'], ['', 'empty'], ['-5', 'out_of_range'], ['1e40', 'too_large']]) {
    await app.type('equipment', typed);
    assert.deepEqual(await app.fieldNotices(), [code], `typing ${JSON.stringify(typed)}`);
    assert.equal(await app.value('statements.project_after_tax.npv'), before, 'the last valid result stays');
    assert.ok(await app.isStale());
  }
  // Understood forms: full-width digits, separators, 万 in a 万元 field, pasted spaces.
  for (const [typed, meaning] of [['６０００', '6000'], ['6,000', '6000'], ['0.6万', '0.6 万元'], [' 6 000 ', '6000']]) {
    await app.type('equipment', typed);
    assert.deepEqual(await app.fieldNotices(), [], `typing ${JSON.stringify(typed)}`);
    if (meaning === '6000') assert.equal(await app.value('statements.project_after_tax.npv'), before, `${typed} means 6000`);
  }
  await app.type('rent_area', '3万');
  assert.equal(await app.number('mu_metrics.first_full_capacity_year.mu_basis'), 37.5, '3万 m² is 30000 m²');
  assert.equal(await page.locator('main').count(), 1);
  assert.deepEqual(problems, []);
});

test('J8: switching language keeps inputs and every exact value', async () => {
  const { page, problems } = await openPage(env);
  const app = new Calculator(page);
  await app.type('output_full', '35000');
  const before = await app.allValues();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.match(await page.textContent('[data-testid="statements.project_after_tax.npv"]'), /万元|亿元/);
  await page.click('[data-testid="lang"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('h1'), /Investment calculator/);
  assert.match(await page.textContent('[data-testid="statements.project_after_tax.npv"]'), /CNY .* m/);
  assert.equal(await app.field('output_full').inputValue(), '35000');
  assert.deepEqual(await app.allValues(), before);
  assert.deepEqual(problems, []);
});

test('J3: results, warnings and charts: every table alternative matches its data', async () => {
  const { page, problems } = await openPage(env);
  const app = new Calculator(page);
  await page.$$eval('details', (all) => all.forEach((details) => { details.open = true; }));
  const years = golden('default').timeline.N;
  for (let year = 1; year <= years; year += 1) {
    assert.equal(await app.value(`chart.cash_flow.flow.${year}`), await app.value(`annual.ncf_project_after_tax.${year}`));
  }
  const expected = golden('default');
  for (const side of ['buy_land', 'rent']) {
    const want = expected.buy_vs_rent[side].npv;
    assert.ok(close(await app.value(`buy_vs_rent.${side}.npv`), want), `${side} NPV`);
  }
  for (const [kind, amounts] of Object.entries(expected.incentives.by_kind)) {
    assert.ok(close(await app.value(`chart.incentives.${kind}.nominal`), amounts.nominal), kind);
  }
  for (const bar of expected.tornado) {
    assert.ok(close(await app.value(`chart.tornado.${bar.input}.low`), bar.npv_low), bar.input);
    assert.ok(close(await app.value(`chart.tornado.${bar.input}.high`), bar.npv_high), bar.input);
  }
  // A scenario with warnings shows them with their codes.
  await app.choose('cluster', 'intelligent_equipment');
  await app.detailed();
  await app.openAllSections();
  await app.type('land_price', '5');
  assert.equal(await page.locator('[data-testid="notice"][data-code="below_floor_price"]').count(), 1);
  assert.deepEqual(problems, []);
});

test('accessibility: axe-core finds no serious or critical violation', async () => {
  // The page's CSP forbids injected scripts, rightly; the audit bypasses it.
  const { page } = await openPage(env, '', { bypassCSP: true });
  await page.waitForSelector('[data-testid="statements.project_after_tax.npv"]');
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  for (const mode of ['quick', 'detailed']) {
    await page.click(`[data-testid="mode.${mode}"]`);
    const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
    assert.deepEqual(bad.map((violation) => `${violation.id}: ${violation.nodes.length} × ${violation.help}`), [], mode);
  }
});

test('no request leaves the local server', async () => {
  const { page, requests } = await openPage(env);
  const app = new Calculator(page);
  await app.type('equipment', '7000');
  await app.choose('cluster', 'new_energy');
  const foreign = requests.filter((url) => !url.startsWith(env.url));
  assert.deepEqual(foreign, []);
});
