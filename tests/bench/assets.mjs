// The size of the app a visitor downloads: the wasm module and its JS glue, as built and as
// served precompressed with brotli.

import { readdirSync, statSync } from 'node:fs';
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
