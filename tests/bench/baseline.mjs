// The floor the site is measured against: the same build with the app taken out. Every
// prerendered page keeps its text, inline styles and head; only the wasm loader script and the
// import map that pins the app's files go, so what is left is what a plain static site would serve.

import { readFileSync, writeFileSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { filesUnder } from '../e2e/support/files.mjs';

/** The parts of a page that belong to the app, each expected exactly once per page. */
const APP_TAGS = [
  { name: 'loader script', pattern: /<script type="module">[\s\S]*?<\/script>\s*/g },
  { name: 'import map', pattern: /<script type="importmap">[\s\S]*?<\/script>\s*/g },
];

/** Files that are the app itself, with their precompressed copies. */
const APP_FILE = /\.(js|wasm)(\.br)?$/;

/** Precompressed copies of pages, which are compressed afresh from the rewritten page. */
const COMPRESSED_PAGE = /\.html\.br$/;

/**
 * Writes the baseline of `dist` into `out` (emptied first), in the same folder layout and with
 * the same precompressed copies, and returns the number of pages rewritten.
 */
export function writeBaseline(dist, out) {
  rmSync(out, { recursive: true, force: true });
  let pages = 0;
  for (const file of filesUnder(dist)) {
    if (APP_FILE.test(file) || COMPRESSED_PAGE.test(file)) continue;
    const target = join(out, file);
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.html')) {
      writePrecompressed(target, withoutApp(readFileSync(join(dist, file), 'utf8'), file));
      pages += 1;
    } else {
      copyFileSync(join(dist, file), target);
    }
  }
  return pages;
}

/** `html` without the app's tags; throws if the page does not hold each of them once. */
function withoutApp(html, file) {
  let result = html;
  for (const { name, pattern } of APP_TAGS) {
    const found = result.match(pattern)?.length ?? 0;
    if (found !== 1) throw new Error(`${file}: expected one ${name}, found ${found}`);
    result = result.replace(pattern, '');
  }
  return result;
}

/** Writes `text` to `file` with a `.br` copy at the settings the prerenderer uses. */
function writePrecompressed(file, text) {
  const data = Buffer.from(text);
  writeFileSync(file, data);
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 22 },
    }),
  );
}
