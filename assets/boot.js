// Starts the WebAssembly app. Trunk writes the hashed file names into the
// preload links of index.html; reading them here keeps every script external,
// as the Content-Security-Policy requires.
const js = document.getElementById('app-js').getAttribute('href');
const wasm = document.getElementById('app-wasm').getAttribute('href');
const { default: init } = await import(new URL(js, document.baseURI).href);
const instance = await init({ module_or_path: new URL(wasm, document.baseURI).href });
// The benchmark reads the size of the module's linear memory from here.
window.yzCalcMemory = instance.memory;

// Offline use (sw.js). The version is a hash of the hashed file names of a
// page: a new deploy has new names, so a new version and a new worker.
function versionOf(doc) {
  const names = [...doc.querySelectorAll('#app-js, #app-wasm, link[rel="stylesheet"]')]
    .map((link) => new URL(link.getAttribute('href'), document.baseURI).pathname)
    .sort()
    .join('\n');
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < names.length; i += 1) {
    hash ^= names.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const workerVersion = (worker) => worker && new URL(worker.scriptURL).searchParams.get('v');
const scriptOf = (version) => `./sw.js?v=${version}`;

const NOTICE = {
  zh: { text: '新版本已就绪。', button: '重新加载' },
  en: { text: 'A new version is ready.', button: 'Reload' },
};

let notice = null;
let reloading = false;

/** The "update ready" notice, in the page's language; the page reloads only on its button. */
function showUpdateNotice(worker) {
  if (notice) return;
  notice = document.createElement('div');
  notice.className = 'notice notice-info update-notice';
  notice.setAttribute('role', 'status');
  notice.dataset.testid = 'notice';
  notice.dataset.code = 'update_ready';
  const text = document.createElement('span');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.dataset.testid = 'update-reload';
  const words = () => {
    const lang = (document.documentElement.lang || '').toLowerCase().startsWith('en') ? 'en' : 'zh';
    text.textContent = NOTICE[lang].text;
    button.textContent = NOTICE[lang].button;
  };
  words();
  new MutationObserver(words).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  button.addEventListener('click', () => {
    reloading = true;
    button.disabled = true;
    worker.postMessage({ type: 'skip-waiting' });
  });
  notice.append(text, ' ', button);
  document.body.append(notice);
}

async function startOffline() {
  if (!('serviceWorker' in navigator)) return;
  const version = versionOf(document);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) window.location.reload();
  });

  // A worker that finished installing while another controls the page: the
  // page's own version takes over at once (nothing to reload); another
  // version waits for the reader to press reload.
  const settle = (registration) => {
    const waiting = registration.waiting;
    if (!waiting || !navigator.serviceWorker.controller) return;
    if (workerVersion(waiting) === version) waiting.postMessage({ type: 'skip-waiting' });
    else showUpdateNotice(waiting);
  };
  const watch = (registration) => {
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') settle(registration);
      });
    });
    settle(registration);
  };

  const registration = await navigator.serviceWorker.register(scriptOf(version), { scope: './' });
  watch(registration);

  // Has a new version been deployed since this page loaded? Asked when the
  // network comes back, when the page is shown again, and every half hour.
  let checking = false;
  const check = async () => {
    if (checking || !navigator.onLine) return;
    checking = true;
    try {
      const response = await fetch('./', { cache: 'no-store' });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      if (!page.getElementById('app-js')) return;
      const latest = versionOf(page);
      const known = [registration.installing, registration.waiting, registration.active].map(workerVersion);
      if (latest !== version && !known.includes(latest)) {
        await navigator.serviceWorker.register(scriptOf(latest), { scope: './' });
      }
    } catch {
      // Offline or a server hiccup: ask again later.
    } finally {
      checking = false;
    }
  };
  window.addEventListener('online', check);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  setInterval(check, 30 * 60 * 1000);
}

// Registered once the page is idle, after the first result is on screen:
// installing the worker fetches the app shell again (from the HTTP cache)
// and, started at once, delayed the first paint by 25–50 ms (make bench).
const whenIdle = window.requestIdleCallback
  ?? ((callback) => setTimeout(callback, 200));
whenIdle(() => {
  startOffline().catch(() => {
    // No offline copy (private mode, storage full): the app runs as before.
  });
}, { timeout: 2000 });
