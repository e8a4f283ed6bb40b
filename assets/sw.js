// Service worker: after the first visit the calculator works offline (J10).
//
// boot.js registers it as sw.js?v=<version>, where the version is a hash of
// the hashed file names trunk wrote into index.html. A new deploy has new
// names, so a new version, so a new worker that installs in the background
// into its own cache; the page offers a reload and never reloads by itself.
//
// - install: precache the app shell (index.html and every file it links,
//   read from the index.html of the network, plus the few fixed files).
// - fetch, same-origin GET only (nothing else is touched, nothing is ever
//   fetched from another origin):
//   * files with a content hash in their name: cache first (immutable);
//   * everything else (the page itself, boot.js, the manifest, icons):
//     network first, the cached copy when the network fails.
// - activate: delete the caches of other versions, take control.
const VERSION = new URL(self.location.href).searchParams.get('v') || 'dev';
const PREFIX = 'yz-calc-';
const CACHE = PREFIX + VERSION;
const SCOPE = new URL('./', self.location.href);
const INDEX = SCOPE.href;
const FIXED = ['./', 'boot.js', 'favicon.svg', 'manifest.webmanifest'];
// trunk's names: app-39da946e6f6129a5.css, yz-calc-ffcafe36a26ffd72_bg.wasm
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
// How long a navigation waits for the network before the cached page is used.
const NETWORK_TIMEOUT_MS = 4000;

/**
 * Relative href/src values of the <link> and <script> tags of a page, whose
 * attribute values may be quoted or not (the release build minifies the page).
 */
function shellOf(html) {
  const files = new Set(FIXED);
  for (const tag of html.match(/<(link|script)\b[^>]*>/gi) || []) {
    const attr = tag.match(/\s(?:href|src)\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s"'>]+))/i);
    if (!attr) continue;
    const url = new URL(attr[1] ?? attr[2] ?? attr[3], SCOPE);
    if (url.origin === SCOPE.origin) files.add(url.href);
  }
  return [...files].map((file) => new URL(file, SCOPE).href);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetch(INDEX, { cache: 'no-cache' });
    if (!page.ok) throw new Error(`index.html: ${page.status}`);
    const html = await page.clone().text();
    await cache.put(INDEX, page);
    const rest = shellOf(html).filter((url) => url !== INDEX);
    // Hashed files never change: the copies the page has just downloaded
    // (in the HTTP cache) are the ones to keep, so a first visit downloads
    // each file once. The rest is asked again.
    await Promise.all(rest.map(async (url) => {
      const hashed = HASHED.test(new URL(url).pathname);
      const response = await fetch(url, { cache: hashed ? 'default' : 'no-cache' });
      if (response.ok) await cache.put(url, response);
      else if (hashed) throw new Error(`${url}: ${response.status}`);
    }));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

/** Where a response is kept: the page under its scope URL, whatever the query. */
function keyOf(request, url) {
  if (request.mode === 'navigate' && (url.pathname === SCOPE.pathname || url.pathname === `${SCOPE.pathname}index.html`)) {
    return INDEX;
  }
  url.hash = '';
  return url.href;
}

async function cacheFirst(request, key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
  return response;
}

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  // A request made with cache: 'no-store' (the page's check for a new
  // version) is answered from the network and never stored.
  const store = request.cache !== 'no-store';
  const network = fetch(request).then(async (response) => {
    if (store && response.ok && response.type === 'basic') await cache.put(key, response.clone());
    return response;
  });
  network.catch(() => {});
  const fallback = async () => (await cache.match(key))
    || (request.mode === 'navigate' ? cache.match(INDEX) : undefined);
  let timer;
  const slow = new Promise((resolve) => {
    timer = setTimeout(async () => resolve(await fallback()), NETWORK_TIMEOUT_MS);
  });
  try {
    // A slow network gives way to the cached copy; a fast one always wins.
    const winner = await Promise.race([network, slow.then((cached) => cached || network)]);
    return winner;
  } catch (error) {
    const cached = await fallback();
    if (cached) return cached;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE.href)) return;
  if (request.headers.has('range')) return;
  const key = keyOf(request, url);
  event.respondWith(HASHED.test(url.pathname) ? cacheFirst(request, key) : networkFirst(request, key));
});
