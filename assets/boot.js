// Starts the WebAssembly app. Trunk writes the hashed file names into the
// preload links of index.html; reading them here keeps every script external,
// as the Content-Security-Policy requires.
const js = document.getElementById('app-js').getAttribute('href');
const wasm = document.getElementById('app-wasm').getAttribute('href');
const { default: init } = await import(new URL(js, document.baseURI).href);
await init({ module_or_path: new URL(wasm, document.baseURI).href });
