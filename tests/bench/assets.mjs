// The size of the app a visitor downloads: the wasm module and its JS glue, as built and as
// served precompressed with brotli.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** [{ role, file, bytes, brotliBytes }] for the built `*_bg.wasm` and the glue beside it. */
export function appAssets(dist) {
  const wasm = readdirSync(dist).filter((name) => name.endsWith('_bg.wasm'));
  if (wasm.length !== 1) throw new Error(`${dist}: expected one *_bg.wasm, found ${wasm.length}`);
  const glue = wasm[0].replace(/_bg\.wasm$/, '.js');
  return [
    { role: 'wasm', file: wasm[0] },
    { role: 'JS glue', file: glue },
  ].map((asset) => ({
    ...asset,
    bytes: statSync(join(dist, asset.file)).size,
    brotliBytes: statSync(join(dist, `${asset.file}.br`)).size,
  }));
}

/**
 * Whether two builds hold the same app: the same wasm and glue, under the same hashed names and
 * byte for byte, as two builds that differ only in content must.
 */
export function sameApp(first, second) {
  const files = (dist) => appAssets(dist).map((asset) => [asset.file, readFileSync(join(dist, asset.file))]);
  const [a, b] = [files(first), files(second)];
  return a.length === b.length && a.every(([name, bytes], i) => b[i][0] === name && b[i][1].equals(bytes));
}
