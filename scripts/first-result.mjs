// Navigation → first result: one fresh load of `url` in a new browser
// context. Shared by bench.mjs and ab.mjs.
// - `result`: the app's `first-result` performance mark, set by `App`'s
//   run-once effect, which Yew runs after the first render is committed and
//   the browser has laid it out and painted it (ms);
// - `paint`: the browser's first contentful paint, the moment that frame is
//   presented on screen (ms). The page shows no content before the app's
//   first render, so this is the first result as a visitor sees it.
export async function firstResultTimes(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('first-result').length > 0
      && performance.getEntriesByName('first-contentful-paint').length > 0);
    return await page.evaluate(() => ({
      result: performance.getEntriesByName('first-result')[0].startTime,
      paint: performance.getEntriesByName('first-contentful-paint')[0].startTime,
    }));
  } finally {
    await context.close();
  }
}

/** The `first-result` mark of one fresh load (ms). */
export async function firstResult(browser, url) {
  return (await firstResultTimes(browser, url)).result;
}
