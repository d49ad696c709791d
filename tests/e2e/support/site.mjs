// What the tests know of the site comes from the build: the sitemap lists every page (it is
// generated from the route table), and each page's expected heading is read from its
// prerendered file, so no path or text is written twice.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './server.mjs';

/** Every page's path relative to the site root, e.g. '/', '/ja/concept/'. */
export function pagePaths(dist = DIST) {
  const xml = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
}

/** Paths of every page plus an unknown one in each language. */
export function routesWithNotFound(dist = DIST) {
  return [...pagePaths(dist), '/no-such-page/', '/ja/no-such-page/'];
}

/** Normalises text as a reader sees it: runs of white space become one space. */
export function squash(text) {
  return text.replace(/\s+/g, ' ').trim();
}
