// Shared set-up of the end-to-end tests: serve the release build in dist/ on
// a free loopback port, drive Debian's Chromium with playwright-core, and
// fail on any page error (a panic in wasm surfaces as one).
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/static-server.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];

export async function launch() {
  const server = await startServer('dist');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A fresh page that records console errors, page errors and requests. */
export async function openPage(env, path = '', options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(env.url + path);
  return { page, context, problems, requests };
}

/** The exact engine value a figure carries. */
export async function valueOf(page, testid) {
  return page.getAttribute(`[data-testid="${testid}"]`, 'data-value');
}
