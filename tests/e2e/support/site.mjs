// What the tests know of the site comes from the build: the sitemap lists every page (it is
// generated from the route table), and each page's expected heading is read from its
// prerendered file, so no path or text is written twice.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './server.mjs';
import { manifestOf, pathIn, sectionsWithPosts } from './manifest.mjs';

/** Every page's path relative to the site root: '/', '/<page>/', '/ja/', '/ja/<page>/'. */
export function pagePaths(dist = DIST) {
  const xml = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
}

/**
 * Every page the build's manifest says the content compiled to, in both editions: its pages
 * (a section among them once it has posts), and each section's list pages and posts.
 */
export function publishedPaths(dist = DIST) {
  const slugs = new Set([
    ...manifestOf(dist).pages.map((page) => page.slug),
    ...sectionsWithPosts(dist).flatMap((section) => [
      ...section.list_pages.map((list) => list.slug),
      ...section.posts.map((post) => post.slug),
    ]),
  ]);
  return ['en', 'ja'].flatMap((lang) => [...slugs].map((slug) => pathIn(lang, slug)));
}

/** The pages the site map lists in `lang`: the manifest's pages, a section once it has posts (its list links to them). */
export function siteMapPaths(lang, dist = DIST) {
  return manifestOf(dist).pages.map((page) => pathIn(lang, page.slug));
}

/**
 * A page of `path`'s edition, other than itself, whose prerendered file links to it: the
 * navigation links to a page, a section's list to its posts. Throws when none does.
 */
export function pageLinkingTo(path, dist = DIST) {
  const japanese = (other) => other.startsWith('/ja/');
  const from = pagePaths(dist).find(
    (other) =>
      other !== path &&
      japanese(other) === japanese(path) &&
      readFileSync(join(dist, other, 'index.html'), 'utf8').includes(`href="${path}"`),
  );
  if (!from) throw new Error(`no page of its edition links to ${path}`);
  return from;
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

/** Plain text of a piece of HTML, as a reader gets it: no tags, entities decoded, spaces squashed. */
function plainText(html) {
  const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return squash(
    html
      .replace(/<br\s*\/?>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name) => {
        if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
        if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
        return entities[name] ?? entity;
      }),
  );
}

/**
 * The text of `main` in the page a visitor gets for an outcome, as the build wrote it: its `<h1>`
 * and each paragraph, however short the page. Every page has both; a page without them is a
 * defect of the build, so this throws.
 */
export function mainTextOf(outcome, dist = DIST) {
  const html = readFileSync(join(dist, fileFor(outcome)), 'utf8');
  const main = html.match(/<main\b[^>]*>([\s\S]*?)<\/main>/)?.[1] ?? '';
  const pieces = [...main.matchAll(/<(h1|p)\b[^>]*>([\s\S]*?)<\/\1>/g)].map(([, tag, inner]) => ({
    tag,
    text: plainText(inner),
  }));
  if (!pieces.some(({ tag, text }) => tag === 'h1' && text) || !pieces.some(({ tag, text }) => tag === 'p' && text)) {
    throw new Error(`${outcome}: the build wrote no heading or no paragraph in main`);
  }
  return pieces.map(({ text }) => text).filter(Boolean);
}

/**
 * What of `main`'s text, as the build wrote it for `outcome`, a reader does not get from
 * `shown`, the `innerText` of `main` in the browser (which leaves out what is hidden). White
 * space is left out of the comparison: Firefox drops a line break next to Japanese script
 * (CSS's segment break rules) where Chromium shows a space.
 */
export function missingFromMain(shown, outcome, dist = DIST) {
  const bare = (text) => text.replace(/\s+/g, '');
  const text = bare(shown);
  return mainTextOf(outcome, dist).filter((piece) => !text.includes(bare(piece)));
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
