// The files of a build folder, for the tests and the benchmark that read them all.

import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir`, as a path relative to it: 'index.html', 'ja/<page>/page.bin'. */
export function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}
