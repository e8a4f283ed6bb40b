// A small static file server for dist/: the right MIME type for .wasm, the
// same Content-Security-Policy as index.html's meta tag, loopback only.
// Used by `make serve`, the end-to-end tests and the benchmark.
//
// Like nginx's `brotli_static on; gzip_static on;`, it sends the copies that
// the release build wrote next to each file (scripts/precompress.mjs):
// `<file>.br` when the request accepts br, else `<file>.gz` when it accepts
// gzip, with `Content-Encoding`, the file's own Content-Type and
// `Vary: Accept-Encoding`; otherwise the file itself.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
  + "form-action 'none'; frame-ancestors *";

/** trunk's content-hashed file names: app-39da946e6f6129a5.css, yz-calc-…_bg.wasm. */
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

const isFile = async (path) => (await stat(path).catch(() => null))?.isFile() ?? false;

/** The precompressed copies the server may send, the preferred first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
];

/** The codings an Accept-Encoding header accepts (q=0 refuses one; `*` accepts any). */
export function acceptedEncodings(header = '') {
  const accepted = new Set();
  const refused = new Set();
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (!coding) continue;
    const q = params.map((param) => param.trim().match(/^q=([0-9.]+)$/)).find(Boolean);
    (q && Number(q[1]) === 0 ? refused : accepted).add(coding);
  }
  return (name) => !refused.has(name) && (accepted.has(name) || accepted.has('*'));
}

/**
 * Serves `root` on 127.0.0.1:`port` (0 = any free port); resolves to { url, close }.
 * `encodings` lists the precompressed copies it may send (default br and gzip).
 */
export function startServer(root, port = 0, { encodings = ['br', 'gzip'] } = {}) {
  const base = resolve(root);
  const offered = ENCODINGS.filter(({ name }) => encodings.includes(name));
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        response.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const headers = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        // As docs/deploy.md prescribes: files with a content hash in their
        // name are cached for good, everything else is asked again each time.
        'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      if (!(await isFile(file))) throw new Error('not found');
      const accepts = acceptedEncodings(request.headers['accept-encoding']);
      let sent = file;
      for (const { name, suffix } of offered) {
        if (!(await isFile(file + suffix))) continue;
        headers.Vary = 'Accept-Encoding';
        if (sent === file && accepts(name)) {
          sent = file + suffix;
          headers['Content-Encoding'] = name;
        }
      }
      const body = await readFile(sent);
      headers['Content-Length'] = body.length;
      response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolvePromise({
        url: `http://127.0.0.1:${actual}/`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await startServer(root, Number(port));
  console.log(`Serving ${root}/ at ${url}  (Ctrl-C to stop)`);
}
