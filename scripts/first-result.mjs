// Navigation → first result: one fresh load of `url` in a new browser
// context, timed by the app's `first-result` performance mark (ms). Shared
// by bench.mjs and ab.mjs.
export async function firstResult(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('first-result').length > 0);
    return await page.evaluate(() => performance.getEntriesByName('first-result')[0].startTime);
  } finally {
    await context.close();
  }
}
