// Page object of the calculator screen: find inputs and figures by the
// data-testid hooks of PRODUCT.md, never by text or layout.
import { readFileSync } from 'node:fs';

export class Calculator {
  constructor(page) {
    this.page = page;
  }

  field(id) {
    return this.page.locator(`[data-testid="${id}"]`).first();
  }

  /** The exact engine value a figure carries (its data-value). */
  async value(testid) {
    return this.page.getAttribute(`[data-testid="${testid}"]`, 'data-value');
  }

  async number(testid) {
    return Number(await this.value(testid));
  }

  async type(id, text) {
    await this.field(id).fill(text);
  }

  async choose(id, value) {
    await this.field(id).selectOption(value);
  }

  async detailed() {
    await this.page.click('[data-testid="mode.detailed"]');
  }

  async quick() {
    await this.page.click('[data-testid="mode.quick"]');
  }

  /** Opens every section of the detailed form. */
  async openAllSections() {
    await this.page.$$eval('details.section', (sections) => sections.forEach((section) => { section.open = true; }));
  }

  /** Codes of the notices beside fields. */
  async fieldNotices() {
    return this.page.$$eval('.field [data-testid="notice"]', (notices) => notices.map((notice) => notice.dataset.code));
  }

  async isStale() {
    return (await this.page.getAttribute('[data-testid="results"]', 'data-stale')) === 'true';
  }

  /** Every figure's data-value, keyed by data-testid. */
  async allValues() {
    // On a page's first render the cards below the headline are drawn one
    // frame later (results_panel.rs): wait until none is empty.
    await this.page.waitForFunction(() => !document.querySelector('.results > .card:empty'));
    return this.page.$$eval('[data-testid][data-value]', (nodes) =>
      Object.fromEntries(nodes.map((node) => [node.dataset.testid, node.dataset.value])));
  }
}

/** A result of the independent reference model (engine/tests/golden). */
export function golden(name) {
  return JSON.parse(readFileSync(new URL(`../../../engine/tests/golden/${name}.expected.json`, import.meta.url), 'utf8'));
}

export function close(actual, expected, tolerance = 1e-6) {
  return Math.abs(Number(actual) - Number(expected)) <= tolerance;
}
