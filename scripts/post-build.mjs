// What trunk cannot do itself, run after a release build by the post_build
// hook of Trunk.toml, on the staging folder that then becomes dist/:
//   node scripts/post-build.mjs [folder]   (default: $TRUNK_STAGING_DIR)
// A debug build (`trunk serve`) is left as it is.
//
// It writes a gzip copy (`<file>.gz`) and a brotli copy (`<file>.br`) next to
//    every compressible file, for servers that send precompressed files as
//    they are (nginx `gzip_static` / `brotli_static`,
//    scripts/static-server.mjs):
//    - gzip by zopfli (@gfx/zopfli, Google's zopfli built to WebAssembly):
//      standard gzip streams about 5 % smaller than zlib's level 9, the best
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

const COMPRESSIBLE = new Set(['.wasm', '.js', '.mjs', '.css', '.html', '.svg', '.webmanifest', '.json', '.txt']);

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
  const written = await precompress(folder, names);
  console.log(`post-build: wrote ${written['.gz']} bytes of .gz (zopfli), ${written['.br']} bytes of .br`);
}
