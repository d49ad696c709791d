// Text that editors write, read from their Markdown files, for tests that look for it in what
// the build publishes.

import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The site's content folder. */
export const CONTENT = new URL('../../../content/', import.meta.url).pathname;

/** Every Markdown page file of a content folder. */
export function pageFiles(dir = CONTENT) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(dir, name));
}

/**
 * Stretches of plain text (at least 20 characters) from a page file's description and body,
 * exactly as the build publishes them: pieces of one line between sentence ends, leaving out any
 * with Markdown syntax, quotes or dashes, which the HTML would spell differently.
 */
export function textFragments(file) {
  const source = readFileSync(file, 'utf8');
  const [, frontMatter = '', body = source] = source.match(/^\+\+\+\n([\s\S]*?)\n\+\+\+\n([\s\S]*)$/) ?? [];
  const description = frontMatter.match(/^description = "(.*)"$/m)?.[1] ?? '';
  return [description, ...body.split('\n')]
    .filter((line) => !/^\s*([#|>{]|- |\d+\. )/.test(line))
    .flatMap((line) => line.split(/(?<=[.。:：])\s*/))
    .map((piece) => piece.trim())
    .filter((piece) => piece.length >= 20 && !/[[\]()*_`<>&"'\\-]/.test(piece));
}

/** The data file a build folder publishes for a page file of content/: `ja/concept/page.bin`. */
export function dataFileFor(markdownFile, dist) {
  const [, slug, ja] = basename(markdownFile).match(/^(.*?)(\.ja)?\.md$/);
  return join(dist, ja ? 'ja' : '', slug === '_index' ? '' : slug, 'page.bin');
}

/** The built wasm app of a build folder. */
export function wasmOf(dist) {
  return readFileSync(
    join(
      dist,
      readdirSync(dist).find((name) => name.endsWith('_bg.wasm')),
    ),
  );
}
