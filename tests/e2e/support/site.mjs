// What the tests know of the site comes from the build: the sitemap lists every page (it is
// generated from the route table), and each page's expected heading is read from its
// prerendered file, so no path or text is written twice.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './server.mjs';

/** Every page's path relative to the site root: '/', '/<page>/', '/ja/', '/ja/<page>/'. */
export function pagePaths(dist = DIST) {
  const xml = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
}

/** The path of an English page's Japanese counterpart. */
export function inJapanese(path) {
  return `/ja${path}`;
}

/** Paths of every page plus an unknown one in each language. */
export function routesWithNotFound(dist = DIST) {
  return [...pagePaths(dist), '/no-such-page/', '/ja/no-such-page/'];
}

/** Normalises text as a reader sees it: runs of white space become one space. */
export function squash(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/** Not Found in English and in Japanese, as the outcomes of tests/e2e/support/corpus.mjs name them. */
export const NOT_FOUND = 'not found';
export const NOT_FOUND_JA = 'not found (ja)';

/** Where a route ends for a visitor: its own page, or Not Found in its language. */
export function outcomeOf(route, dist = DIST) {
  if (pagePaths(dist).includes(route)) return route;
  return route.startsWith('/ja/') ? NOT_FOUND_JA : NOT_FOUND;
}

/** The prerendered file a visitor gets for an outcome: a page's path, or a Not Found. */
function fileFor(outcome) {
  if (outcome === NOT_FOUND) return '404.html';
  if (outcome === NOT_FOUND_JA) return 'ja/404.html';
  return join(outcome, 'index.html');
}

/** The text of the `<h1>` in an HTML document (undefined when it has none). */
export function headingIn(html) {
  return html.match(/<h1[^>]*>([^<]+)<\/h1>/)?.[1];
}

/** The `<h1>` of the page a visitor gets for an outcome, as the build wrote it. */
export function headingOf(outcome, dist = DIST) {
  return headingIn(readFileSync(join(dist, fileFor(outcome)), 'utf8'));
}

/** The `<title>` of the page a visitor gets for an outcome, as the build wrote it. */
export function titleOf(outcome, dist = DIST) {
  return readFileSync(join(dist, fileFor(outcome)), 'utf8').match(/<title>([^<]+)<\/title>/)[1];
}

/**
 * `value` (anything JSON holds) with `origin` written as ORIGIN: the prerenderer writes the
 * published origin (SITE_ORIGIN) into canonical and Open Graph URLs and the list of addresses, the
 * app the one it runs at, so a test compares the two with each one's origin taken out.
 */
export function unorigin(value, origin) {
  return JSON.parse(JSON.stringify(value).replaceAll(origin, 'ORIGIN'));
}

/** The origin the build was published for (SITE_ORIGIN), as its canonical links give it. */
export function publishedOrigin(dist = DIST) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return new URL(html.match(/<link href="([^"]+)" rel="canonical">/)[1]).origin;
}
