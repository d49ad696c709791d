// The site's search against Pagefind (npm `pagefind`, pinned in .ci/bench), on the same build:
// Pagefind indexes a copy of it as its post-build step (each page's `main`, an index per
// language), and both answer a set of queries of our own in each edition, in Chromium. For each
// query, the pages that should be found are those whose text holds it (read from the built
// pages, folded for width and case; an English word in any of the forms listed), and each search
// is judged on what it found of them, what else it found, and whether they all rank first. The
// bytes of its first query are counted as the site's are (search.mjs).

import { cpSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { filesUnder } from '../e2e/support/files.mjs';
import { staticHost } from '../e2e/support/server.mjs';

/**
 * The queries, each with the forms of the text it should find (the query itself if none are
 * listed): plurals and inflections in English; inside compounds, across katakana words and in
 * other widths in Japanese.
 */
export const COMPARED_QUERIES = {
  en: [
    { query: 'clusters', forms: ['cluster', 'clusters'] },
    { query: 'established', forms: ['establish', 'established', 'establishes', 'establishing'] },
    { query: 'Knowledge Cluster' },
    { query: 'secretariat' },
    { query: 'MEXT' },
  ],
  ja: [
    { query: 'クラスター' },
    { query: '知的クラスター' },
    { query: '文部科学省' },
    { query: '創成' },
    { query: '事務局' },
    { query: 'ｸﾗｽﾀｰ' },
    { query: 'JIS X 8341-3' },
  ],
};

/** Text folded for comparing: width and case, spaces collapsed. */
const fold = (text) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

/**
 * Pages the site's search leaves out by design (src/prerender/search_index.rs): the search page,
 * the site map, which lists every title, and a section's later list pages, which repeat its
 * posts. Both searches are judged without them.
 */
const leftOut = (path) => /^(\/ja)?\/(search|sitemap)\/$/.test(path) || /\/page\/\d+\/$/.test(path);

/** The folded text of each page of `lang` in `dist` (its `main`, tags removed), by path. */
function pageTexts(dist, lang) {
  const texts = new Map();
  for (const file of filesUnder(dist).filter((path) => path.endsWith('index.html'))) {
    const path = `/${file.slice(0, -'index.html'.length)}`;
    if ((lang === 'ja') !== path.startsWith('/ja/') || leftOut(path)) continue;
    const main = readFileSync(join(dist, file), 'utf8').match(/<main[^>]*>([\s\S]*?)<\/main>/)?.[1] ?? '';
    const text = main
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
    texts.set(path, fold(text));
  }
  return texts;
}

/** Whether `text` (folded) holds `form` as a word (English) or anywhere (Japanese). */
function holds(text, form, lang) {
  const folded = fold(form);
  if (lang === 'ja') return text.includes(folded);
  return new RegExp(`(^|[^\\p{L}\\p{N}])${folded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u').test(
    text,
  );
}

/** Every path the site's own search finds for `query`, best first (its page code's steps). */
async function ours([query, lang]) {
  const search = await import('/search/search.js');
  await search.default();
  const get = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
  const folder = `/search/${lang}/`;
  const found = new search.Search(query, 90);
  found.set_root(await get(`${folder}index.bin`));
  for (const n of found.term_files()) found.add_term_file(n, await get(`${folder}terms/${n}.bin`));
  const count = found.rank();
  for (const n of found.doc_files(0, count)) found.add_doc_file(n, await get(`${folder}docs/${n}.bin`));
  return Array.from({ length: count }, (_, i) => found.result(i).split('\u001f')[0]);
}

/** What a first query downloads from Pagefind: its code, index and the first `shown` results' fragments. */
async function pagefindFirstQuery([query, shown]) {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  const search = await pagefind.search(query);
  await Promise.all(search.results.slice(0, shown).map((result) => result.data()));
}

/** Every path Pagefind finds for `query`, best first, from a page of the edition. */
async function pagefind([query]) {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.map((result) => result.data()));
  return data.map((page) => new URL(page.url, location.href).pathname);
}

/**
 * The bytes of Pagefind's files a visit's first query downloads (its code, its index, and the
 * fragments of the first ten results, as many as the site's search shows), in a fresh context.
 */
async function firstQuery(browser, url, site, query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = new Set();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/pagefind/')) fetched.add(path);
  });
  try {
    await page.goto(new URL('sitemap/', url).href);
    await page.evaluate(pagefindFirstQuery, [query, 10]);
    return [...fetched].reduce((sum, path) => sum + statSync(join(site, path)).size, 0);
  } finally {
    await context.close();
  }
}

/** Judges `found` (paths, best first; those left out by design aside) against `expected` (a set of paths). */
function judge(all, expected) {
  const found = all.filter((path) => !leftOut(path));
  const hits = found.filter((path) => expected.has(path));
  const firstOthers = found.findIndex((path) => !expected.has(path));
  return {
    found: found.length,
    expected: expected.size,
    missed: expected.size - hits.length,
    others: found.length - hits.length,
    // Every page that holds the query ranks above every page that does not.
    expectedFirst: hits.length === expected.size && (firstOthers === -1 || firstOthers >= expected.size),
  };
}

/**
 * Runs Pagefind (`pagefind`, its binary) over a copy of `dist` in `work`, then both searches in
 * `browser`. Resolves to { version, indexMs, files, queries: [{ lang, query, ours, pagefind }],
 * firstQueryBytes: { pagefind } }.
 */
export async function comparePagefind({ browser, pagefind: binary, dist, work, log }) {
  const site = join(work, 'pagefind-site');
  rmSync(site, { recursive: true, force: true });
  cpSync(dist, site, { recursive: true });
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim();
  log(`search: ${version} indexes the same build`);
  const start = performance.now();
  const run = spawnSync(binary, ['--site', site, '--root-selector', 'main'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pagefind failed: ${run.stderr}`);
  const indexMs = performance.now() - start;
  const files = filesUnder(join(site, 'pagefind'));
  const host = await staticHost({ dist: site });
  const page = await browser.newPage();
  try {
    const queries = [];
    let firstQueryBytes = null;
    for (const lang of ['en', 'ja']) {
      const texts = pageTexts(dist, lang);
      for (const { query, forms = [query] } of COMPARED_QUERIES[lang]) {
        const expected = new Set(
          [...texts].filter(([, text]) => forms.some((form) => holds(text, form, lang))).map(([path]) => path),
        );
        // A fresh page of the edition, so that Pagefind loads its index for that language.
        await page.goto(new URL(lang === 'ja' ? 'ja/sitemap/' : 'sitemap/', host.url).href);
        if (firstQueryBytes === null) firstQueryBytes = await firstQuery(browser, host.url, site, query);
        const theirs = await page.evaluate(pagefind, [query, lang]);
        const mine = await page.evaluate(ours, [query, lang]);
        queries.push({ lang, query, ours: judge(mine, expected), pagefind: judge(theirs, expected) });
      }
    }
    return { version, indexMs, files: files.length, queries, firstQueryBytes: { pagefind: firstQueryBytes } };
  } finally {
    await page.close();
    await host.close();
  }
}
