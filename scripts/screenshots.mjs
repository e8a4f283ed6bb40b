// Takes the screenshots kept in docs/screenshots/: the quick form, the
// detailed form and the results, in Chinese and English, at 1280×800 and at
// a phone's 390×844. Run after a release build: `node scripts/screenshots.mjs`.
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { startServer } from './static-server.mjs';

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const out = 'docs/screenshots';
await mkdir(out, { recursive: true });
const server = await startServer('dist');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const lang of ['zh', 'en']) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector('[data-testid="statements.project_after_tax.npv"]');
      // The cards below the headline are drawn one frame later (DECISIONS 33).
      await page.waitForFunction(() => !document.querySelector('.results > .card:empty'));
      if (lang === 'en') await page.click('[data-testid="lang"]');
      await page.screenshot({ path: `${out}/quick-${lang}-${device}.png` });
      await page.click('[data-testid="mode.detailed"]');
      await page.screenshot({ path: `${out}/detailed-${lang}-${device}.png` });
      await page.click('[data-testid="mode.quick"]');
      const results = page.locator('[data-testid="results"]');
      await results.scrollIntoViewIfNeeded();
      await results.screenshot({ path: `${out}/results-${lang}-${device}.png` });
      await context.close();
    }
  }
  // Roadshow mode on a projector: the start screen and the presentation view.
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${server.url}?roadshow`);
  await page.waitForSelector('[data-testid="roadshow-start"]');
  await page.screenshot({ path: `${out}/roadshow-start-1920.png` });
  await page.click('[data-testid="preset.intelligent_equipment"]');
  await page.waitForSelector('[data-testid="roadshow-present"]');
  await page.screenshot({ path: `${out}/roadshow-present-1920.png` });
  await context.close();
  console.log(`screenshots written to ${out}/`);
} finally {
  await browser.close();
  await server.close();
}
