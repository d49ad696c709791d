// Text that editors write, read from their Markdown files, for tests that look for it in what
// the build publishes; and the pages a test needs, found by what their files say, so that a page
// renamed or removed changes no test.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { inJapanese } from './site.mjs';

/** The site's content folder. */
export const CONTENT = new URL('../../../content/', import.meta.url).pathname;

/**
 * The fixture site that .ci/test builds (`build_fixture`): the content with the pages of
 * tests/fixtures/content/ added, which show what the live content has none of (a table, a
 * document).
 */
export const FIXTURE_DIST = new URL('../../../target/dist-fixture/', import.meta.url).pathname;
export const FIXTURE_PAGES = new URL('../../fixtures/content/', import.meta.url).pathname;
/** The content that build was made from, a section's index files among it. */
export const FIXTURE_CONTENT = new URL('../../../target/fixture-content/', import.meta.url).pathname;

/** The paths of the fixture's pages with a table, in both editions. */
export function fixtureTablePaths() {
  const paths = pageFiles(FIXTURE_PAGES)
    .filter((file) => /^Table: /m.test(readFileSync(file, 'utf8')))
    .map(pathOf);
  if (paths.length === 0) throw new Error(`${FIXTURE_PAGES} has no page with a table`);
  return paths;
}

/** The fixture's pages with pictures, in both editions: each one's path and its pictures'
 * alternative texts and addresses, as its Markdown file writes them. */
export function fixturePictures() {
  const pages = pageFiles(FIXTURE_PAGES)
    .map((file) => ({
      path: pathOf(file),
      pictures: [...readFileSync(file, 'utf8').matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map(([, alt, src]) => ({
        alt,
        src,
      })),
    }))
    .filter(({ pictures }) => pictures.length > 0);
  if (pages.length === 0) throw new Error(`${FIXTURE_PAGES} has no page with a picture`);
  return pages;
}

/** Every Markdown page file of a content folder. */
export function pageFiles(dir = CONTENT) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(dir, name));
}

/** A page file's front matter (between its `+++` lines) and its body. */
function partsOf(file) {
  const source = readFileSync(file, 'utf8');
  const [, frontMatter = '', body = source] = source.match(/^\+\+\+\n([\s\S]*?)\n\+\+\+\n([\s\S]*)$/) ?? [];
  return { frontMatter, body };
}

/** A page file's settings: the `key = "text"` and `key = 10` lines above its template's section. */
function settingsOf(file) {
  const [settings] = partsOf(file).frontMatter.split(/^\[/m);
  const lines = settings.matchAll(/^(\w+) = (?:"(.*)"|(\d+))$/gm);
  return Object.fromEntries([...lines].map(([, key, text, number]) => [key, text ?? Number(number)]));
}

/** The path a page file is published at: `/` for `_index.md`, `/ja/<name>/` for `<name>.ja.md`. */
export function pathOf(file) {
  const [, name, ja] = basename(file).match(/^(.*?)(\.ja)?\.md$/);
  const path = name === '_index' ? '/' : `/${name}/`;
  return ja ? inJapanese(path) : path;
}

/** The English page files among `files`; each has its Japanese counterpart. */
const englishOnly = (files) => files.filter((file) => !file.endsWith('.ja.md'));

/**
 * The English paths of the pages a listing links to, by weight, as the site orders them:
 * 'navigation' (the main navigation, where a page is unless its file says `listed_in`) or 'footer'.
 */
export function listedIn(listing, files = pageFiles()) {
  return englishOnly(files)
    .map((file) => ({ path: pathOf(file), ...settingsOf(file) }))
    .filter((page) => (page.listed_in ?? 'navigation') === listing)
    .sort((a, b) => a.weight - b.weight)
    .map((page) => page.path);
}

/** The English paths of the main navigation's pages other than the home page, in its order. */
export function navigationPages() {
  return listedIn('navigation').filter((path) => path !== '/');
}

/** The English path of the page whose file draws `template` (`template = "diagram"`). */
export function pageWithTemplate(template) {
  const file = englishOnly(pageFiles()).find((candidate) => settingsOf(candidate).template === template);
  if (!file) throw new Error(`no page file has template = "${template}"`);
  return pathOf(file);
}

/**
 * Stretches of plain text (at least 20 characters) from a page file's description and body,
 * exactly as the build publishes them: pieces of one line between sentence ends, leaving out any
 * with Markdown syntax, quotes or dashes, which the HTML would spell differently.
 */
export function textFragments(file) {
  const { frontMatter, body } = partsOf(file);
  const description = frontMatter.match(/^description = "(.*)"$/m)?.[1] ?? '';
  return fragmentsOf([description, ...body.split('\n')]);
}

/** The same of a file's body alone: the text its page shows under the heading. */
export function bodyFragments(file) {
  return fragmentsOf(partsOf(file).body.split('\n'));
}

function fragmentsOf(lines) {
  return lines
    .filter((line) => !/^\s*([#|>{]|- |\d+\. )/.test(line))
    .flatMap((line) => line.split(/(?<=[.。:：])\s*/))
    .map((piece) => piece.trim())
    .filter((piece) => piece.length >= 20 && !/[[\]()*_`<>&"'\\-]/.test(piece));
}

/**
 * Saves a page file with `before` written as `after`, where it last occurs: in the body rather
 * than in the description, where a sentence may also stand.
 */
export function replaceText(file, before, after) {
  const source = readFileSync(file, 'utf8');
  const at = source.lastIndexOf(before);
  if (at < 0) throw new Error(`${file} does not hold "${before}"`);
  writeFileSync(file, source.slice(0, at) + after + source.slice(at + before.length));
}

/**
 * The length of each of the two names that start every data file, in hex digits: the data
 * format's, then the build's (crates/sendai_content/src/data.rs).
 */
export const NAME_LEN = 16;

/** The data file a build folder publishes for a page file: `page.bin` beside its HTML. */
export function dataFileFor(markdownFile, dist) {
  return join(dist, pathOf(markdownFile), 'page.bin');
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
