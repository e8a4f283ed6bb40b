// What trunk cannot do itself, run after a release build by the post_build
// hook of Trunk.toml, on the staging folder that then becomes dist/:
//   node scripts/post-build.mjs [folder]   (default: $TRUNK_STAGING_DIR)
// A debug build (`trunk serve`) is left as it is.
//
// 1. Minifies the scripts of the page with terser: boot.js, sw.js and
//    wasm-bindgen's glue (trunk's own minifier, minify-js, cannot parse the
//    glue and leaves the other two alone, as copied files). Only
//    whitespace, comments and local names change; embed-host.js is kept
//    readable for the people who put it on their own site.
// 2. Writes a gzip copy (`<file>.gz`) and a brotli copy (`<file>.br`) next to
//    every compressible file, for servers that send precompressed files as
//    they are (nginx `gzip_static` / `brotli_static`,
//    scripts/static-server.mjs):
//    - gzip by zopfli (@gfx/zopfli, Google's zopfli built to WebAssembly):
//      standard gzip streams about 6 % smaller than zlib's level 9, the best
//      a server compressing on the fly does. Each file is compressed with
//      zopfli's default limit of 15 deflate blocks and with no limit, and
//      the smaller is kept (no limit saved 1.8 KB on the wasm);
//    - brotli by Node's own zlib at quality 11, the highest.
//    A copy is written only if it is smaller than the file, and each is
//    checked by decompressing it.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import zopfli from '@gfx/zopfli';
import { minify } from 'terser';

/** The page's scripts, and whether each is an ES module (mangled at top level) or a classic script. */
const SCRIPTS = [
  { name: /^boot\.js$/, module: true },
  { name: /^sw\.js$/, module: false },
  { name: /^yz-calc-[0-9a-f]{16}\.js$/, module: true },
];

const COMPRESSIBLE = new Set(['.wasm', '.js', '.mjs', '.css', '.html', '.svg', '.webmanifest', '.json', '.txt']);

async function minifyScripts(folder, names) {
  let saved = 0;
  for (const name of names) {
    const script = SCRIPTS.find((entry) => entry.name.test(name));
    if (!script) continue;
    const path = join(folder, name);
    const source = await readFile(path, 'utf8');
    const { code } = await minify(source, { module: script.module });
    await writeFile(path, code);
    saved += Buffer.byteLength(source) - Buffer.byteLength(code);
  }
  return saved;
}

async function gzip(body) {
  const results = await Promise.all([15, 0].map((blocksplittingmax) =>
    zopfli.gzipAsync(body, { numiterations: 15, blocksplittingmax })));
  return Buffer.from(results.reduce((best, next) => (next.length < best.length ? next : best)));
}

function brotli(body) {
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

const ENCODINGS = [
  { suffix: '.gz', compress: gzip, decompress: gunzipSync },
  { suffix: '.br', compress: brotli, decompress: brotliDecompressSync },
];

/** Writes the copies of every compressible file; returns the bytes written per suffix. */
async function precompress(folder, names) {
  const written = { '.gz': 0, '.br': 0 };
  for (const name of names) {
    if (!COMPRESSIBLE.has(extname(name))) continue;
    const path = join(folder, name);
    const body = await readFile(path);
    for (const { suffix, compress, decompress } of ENCODINGS) {
      const packed = await compress(body);
      if (!decompress(packed).equals(body)) throw new Error(`${name}${suffix} does not decompress to ${name}`);
      if (packed.length >= body.length) continue;
      await writeFile(path + suffix, packed);
      written[suffix] += packed.length;
    }
  }
  return written;
}

const folder = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!folder) {
  console.error('usage: node scripts/post-build.mjs FOLDER (trunk sets TRUNK_STAGING_DIR)');
  process.exit(2);
}
if (process.env.TRUNK_PROFILE === 'debug') {
  console.log('post-build: debug build, left as it is');
} else {
  const names = (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
  const saved = await minifyScripts(folder, names);
  const written = await precompress(folder, names);
  console.log(`post-build: terser saved ${saved} bytes of JS; wrote ${written['.gz']} bytes of .gz (zopfli), ${written['.br']} bytes of .br`);
}
