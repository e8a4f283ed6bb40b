// Journeys J4, J5, J6 and J7 of PRODUCT.md in a real browser: links that
// reopen the same scenario, readable links another system can build, links
// damaged on their way, the QR code, the embed frame, and the exports.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage } from './support.mjs';
import { Calculator, close, golden } from './pages/calculator.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const NPV = 'statements.project_after_tax.npv';

async function noticeCodes(page) {
  return page.$$eval('[data-testid="link-notices"] [data-testid="notice"]', (nodes) => nodes.map((node) => node.dataset.code));
}

test('J4: the copied link reopens the same inputs and results in a fresh browser', async () => {
  const { page, problems } = await openPage(env, '', { permissions: ['clipboard-read', 'clipboard-write'] });
  const app = new Calculator(page);
  await app.choose('cluster', 'intelligent_equipment');
  await app.type('land_mu', '80');
  await app.detailed();
  await app.openAllSections();
  await app.type('loan', '5000');
  await app.type('incentives.equip_subsidy.rate', '8');
  await page.click('[data-testid="lang"]');
  await page.click('[data-testid="copy-link"]');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, await page.inputValue('[data-testid="share-link"]'));
  assert.ok(link.length < 300, `link of ${link.length} characters`);
  // The address bar follows the scenario once typing pauses (src/settle.rs).
  await page.waitForURL(link, { timeout: 2000 });
  const before = await app.allValues();
  const fresh = await env.browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await other.waitForSelector(`[data-testid="${NPV}"]`);
  assert.deepEqual(await new Calculator(other).allValues(), before);
  assert.equal(await other.getAttribute('html', 'lang'), 'en');
  await fresh.close();
  assert.deepEqual(problems, []);
});

test('J5: readable links open the scenario they describe', async () => {
  const { page, problems } = await openPage(env, '#i=cluster=new_energy&land_mu=120&output_full=90000&ramp=0.4,0.7&incentives.equip_subsidy.rate=0.08');
  const app = new Calculator(page);
  await page.waitForSelector(`[data-testid="${NPV}"]`);
  assert.equal(await app.field('land_mu').inputValue(), '120');
  assert.equal(await app.field('output_full').inputValue(), '90000');
  await app.detailed();
  await app.openAllSections();
  assert.equal(await app.field('incentives.equip_subsidy.rate').inputValue(), '8');
  assert.equal(await app.field('ramp').inputValue(), '40, 70');
  assert.deepEqual(await noticeCodes(page), []);

  const scenario = JSON.parse(readFileSync('engine/tests/golden/buy_land_loan_annuity.scenario.json', 'utf8'));
  const expected = golden('buy_land_loan_annuity');
  const json = await env.browser.newPage();
  await json.goto(`${env.url}#json=${encodeURIComponent(JSON.stringify(scenario))}`);
  await json.waitForSelector(`[data-testid="${NPV}"]`);
  assert.ok(close(await new Calculator(json).value(NPV), expected.statements.project_after_tax.npv));
  await json.close();
  assert.deepEqual(problems, []);
});

test('damaged links open with the right message', async () => {
  const { page } = await openPage(env);
  const app = new Calculator(page);
  await app.type('output_full', '41000');
  await app.type('equipment', '7000');
  const link = await page.inputValue('[data-testid="share-link"]');
  const fragment = link.slice(link.indexOf('#') + 1);
  const cases = [
    [`${env.url}#${fragment.slice(0, fragment.length - 6)}`, 'link_truncated'],
    [`${env.url}#${fragment.replace(/.(?=\.[^.]*$)/, (c) => (c === 'A' ? 'B' : 'A'))}`, 'link_tampered'],
    [`${env.url}?from=singlemessage#${fragment}&from=singlemessage&isappinstalled=0`, 'link_junk_ignored'],
    [`${env.url}#v9.yz-2026.1~AAAA.abcdef`, 'link_newer_version'],
  ];
  for (const [url, code] of cases) {
    const other = await env.browser.newPage();
    const errors = [];
    other.on('pageerror', (error) => errors.push(error.message));
    await other.goto(url);
    await other.waitForSelector(`[data-testid="${NPV}"]`);
    assert.ok((await noticeCodes(other)).includes(code), `${code}: got ${await noticeCodes(other)}`);
    assert.deepEqual(errors, []);
    if (code === 'link_junk_ignored') {
      assert.equal(await new Calculator(other).field('output_full').inputValue(), '41000');
    }
    await other.close();
  }
});

test('a project name with markup is only ever text', async () => {
  const name = '<script>window.hacked=1</script><img src=x onerror="window.hacked=2">';
  const { page, problems } = await openPage(env, `#i=name=${encodeURIComponent(name)}`);
  await page.waitForSelector(`[data-testid="${NPV}"]`);
  await new Calculator(page).detailed();
  assert.equal(await page.inputValue('[data-testid="name"]'), name);
  assert.equal(await page.textContent('.print-report h2'), name);
  assert.equal(await page.evaluate(() => window.hacked), undefined);
  assert.equal(await page.locator('main img').count(), 0);
  assert.deepEqual(problems.filter((problem) => !problem.includes('Content Security Policy')), []);
});

test('the QR code decodes to the link, short or long', async () => {
  const { page } = await openPage(env);
  const app = new Calculator(page);
  const dir = mkdtempSync(join(tmpdir(), 'qr-'));
  // A typical link, then one long enough for a large symbol (version 7 and
  // up carry version information blocks).
  for (const [id, text] of [
    ['output_full', '42000'],
    ['name', '永州经济技术开发区华南磁性电子元器件中心年产两亿只高端电感项目（一期）Phase one'],
  ]) {
    if (id === 'name') await app.detailed();
    await app.type(id, text);
    const link = await page.inputValue('[data-testid="share-link"]');
    // The code follows the link once typing pauses (src/settle.rs).
    await page.locator('[data-testid="qr"][data-behind="false"] svg').waitFor();
    assert.equal(await page.getAttribute('[data-testid="qr"] svg', 'aria-label'), link);
    const png = join(dir, `${id}.png`);
    // Finishes the fade-in (a transition) before the picture is taken.
    await page.locator('[data-testid="qr"] svg').screenshot({ path: png, animations: 'disabled' });
    const decoded = execFileSync('zbarimg', ['--quiet', '--raw', png], { encoding: 'utf8' }).trim();
    assert.equal(decoded, link);
  }
});

test('J6: the embed view sizes its frame and opens the full calculator with the scenario', async () => {
  const { page, problems } = await openPage(env, 'embed-demo.html');
  const frameElement = page.locator('iframe');
  await page.waitForFunction(() => parseInt(document.querySelector('iframe').style.height || '0', 10) > 400);
  const frame = await (await frameElement.elementHandle()).contentFrame();
  await frame.waitForSelector(`[data-testid="${NPV}"]`);
  assert.equal(await frame.locator('header.masthead').count(), 0, 'no header in embed mode');
  const full = await frame.getAttribute('[data-testid="open-full"]', 'href');
  const opened = await env.browser.newPage();
  await opened.goto(full);
  await opened.waitForSelector(`[data-testid="${NPV}"]`);
  assert.equal(await opened.inputValue('[data-testid="land_mu"]'), '60');
  assert.equal(await opened.locator('header.masthead').count(), 1);
  assert.equal(await new Calculator(opened).value(NPV), await frame.getAttribute(`[data-testid="${NPV}"]`, 'data-value'));
  await opened.close();
  assert.deepEqual(problems, []);
});

test('J7: the CSV starts with a BOM and holds the table; JSON export and import round-trip', async () => {
  const { page, problems } = await openPage(env);
  const app = new Calculator(page);
  await app.choose('cluster', 'big_data');
  await app.type('output_full', '9000');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff'), 'UTF-8 with BOM');
  const sales = csv.split('\r\n').find((row) => row.includes(',sales,')).split(',');
  assert.equal(sales[0], '营业收入（不含税）');
  assert.equal(sales[2 + 2], await app.value('annual.sales.3'));

  const before = await app.allValues();
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
  const file = await jsonDownload.path();
  assert.equal(JSON.parse(readFileSync(file, 'utf8')).output_full, '9000');
  await app.type('output_full', '12345');
  await page.setInputFiles('[data-testid="import-json"]', file);
  await page.waitForSelector('[data-testid="notice"][data-code="import_loaded"]');
  assert.deepEqual(await app.allValues(), before);

  // A file with errors reports every one and loads nothing.
  const bad = join(mkdtempSync(join(tmpdir(), 'json-')), 'bad.json');
  writeFileSync(bad, JSON.stringify({ horizon: 99, land_mu: -1, nonsense: 1 }));
  await page.setInputFiles('[data-testid="import-json"]', bad);
  await page.waitForSelector('[data-testid="import-errors"]');
  assert.equal(await page.locator('[data-testid="import-errors"] li').count(), 3);
  assert.deepEqual(await app.allValues(), before);
  assert.deepEqual(problems, []);
});

test('a saved scenario survives opening a different link', async () => {
  const { page, context } = await openPage(env);
  const app = new Calculator(page);
  await app.type('output_full', '43000');
  await page.fill('[data-testid="save-name"]', '展会方案');
  await page.click('[data-testid="save-scenario"]');
  await page.waitForSelector('[data-testid="saved.0"]');
  const other = await context.newPage();
  await other.goto(`${env.url}#i=cluster=new_energy`);
  await other.waitForSelector('[data-testid="saved.0"]');
  assert.match(await other.textContent('[data-testid="saved.0"]'), /展会方案/);
  await other.goto(`${env.url}#v1.garbage`);
  await other.waitForSelector('[data-testid="saved.0"]');
  assert.match(await other.textContent('[data-testid="saved.0"]'), /展会方案/);
});
