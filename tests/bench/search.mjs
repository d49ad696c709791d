// What searching costs a visitor (issue 37), on a copy of content/ with `pairs` generated notice
// pairs (1,000 for the budgets), served with the site's own headers: what the first query of a
// visit downloads beyond the search page itself (page.js, the search's glue and wasm, the
// index's root, term and document files), what each further query, typed into the search page's
// field, downloads (files not already held; a revalidated file costs nothing), and the time from
// the form's submit to the count in the status region, with Chromium's CPU slowed 4×. A visit
// starts on the edition's home page: its first query, typed into the header once the app runs,
// is drawn by the app without loading a new document. A search's address opened afresh (a link
// shared or reloaded) loads the search page in full: how soon its count shows, beside the page's
// own first paint, is reported too. Sizes are of the build's own `.br` files, what a
// host that serves them sends, whatever the test server does. Queries in both editions. Then the
// same build searched by Pagefind and by the site's search, judged side by side (pagefind.mjs).
//
//   .ci/bench search   (node tests/bench/main.mjs search --out bench-results)

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT } from '../e2e/support/content.mjs';
import { waitForApp } from '../e2e/support/browser.mjs';
import { staticHost } from '../e2e/support/server.mjs';
import { addNotices } from './notices.mjs';
import { comparePagefind } from './pagefind.mjs';
import { timedBuild } from './pictures.mjs';
import { median } from './stats.mjs';

/** The queries of a visit in each edition: the first, then the further ones. */
export const QUERIES = {
  en: ['notice', 'secretariat telephone', 'clusters', 'Knowledge Cluster Initiative'],
  ja: ['お知らせ', '事務局', 'クラスター', '知的クラスター創成事業'],
};
/** How much Chromium's CPU is slowed for the timings. */
const CPU_SLOWDOWN = 4;

/** The bytes a host sends for `path` of `dist`: its `.br` copy where the build wrote one. */
function sentBytes(dist, path) {
  const file = join(dist, path);
  return existsSync(`${file}.br`) ? statSync(`${file}.br`).size : statSync(file).size;
}

/** Whether `path` is the search's own (code or index), not the search page or what every page loads. */
const isSearchFile = (path) => /^\/search\/.+\.(js|wasm|bin)$/.test(path) && !path.endsWith('/page.bin');

/** The path of `lang`'s edition's page at `path` ("" for its home page). */
const editionPath = (lang, path) => `${lang === 'ja' ? 'ja/' : ''}${path}`;

/** A page in a fresh browser context with the CPU slowed, that records when a query was asked and answered. */
async function slowedPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  // When a query was asked (the navigation's start, or the form's submit) and when the status
  // region then said something, in the page's own clock.
  await page.addInitScript(() => {
    window.__askedAt = 0;
    addEventListener(
      'submit',
      () => {
        window.__askedAt = performance.now();
        window.__shownAt = undefined;
      },
      true,
    );
    new MutationObserver(() => {
      if (window.__shownAt === undefined && document.querySelector('.sc-search__status')?.textContent) {
        window.__shownAt = performance.now();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  return { context, page, cdp };
}

/**
 * Asks each query of `queries` in turn in one visit (a fresh browser context) that starts on the
 * home page of `lang`, and gives, for each: the query, the search files downloaded (status 200)
 * with their bytes, and the milliseconds from the submit to the count shown.
 */
async function visit(browser, { url, dist, lang, queries }) {
  const { context, page, cdp } = await slowedPage(browser);
  // What the network gave: a file revalidated or taken from the cache costs nothing. Chromium
  // reports a revalidated fetch() as its cached 200; the status on the wire (its "extra info",
  // which may come before or after the rest) says 304. Each query's requests are kept by id.
  let requests = new Map();
  const statuses = new Map();
  const finished = new Set();
  await cdp.send('Network.enable');
  const settled = () => [...requests.keys()].every((id) => finished.has(id) && statuses.has(id));
  // Resolves once every request of the query has finished and said its status.
  let waiting = null;
  const check = () => {
    if (waiting && settled()) waiting();
  };
  const whenSettled = () =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the search files did not all finish')), 30_000);
      waiting = () => {
        clearTimeout(timer);
        waiting = null;
        resolve();
      };
      check();
    });
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    const path = new URL(request.url).pathname;
    if (isSearchFile(path)) requests.set(requestId, path);
  });
  cdp.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode }) => {
    statuses.set(requestId, statusCode);
    check();
  });
  cdp.on('Network.loadingFinished', ({ requestId }) => {
    finished.add(requestId);
    check();
  });
  const results = [];
  try {
    await page.goto(new URL(editionPath(lang, ''), url).href);
    await waitForApp(page);
    for (const query of queries) {
      requests = new Map();
      // The first is typed on the home page, the others on the search page it leads to.
      await page.fill('#sc-search-query', query);
      await page.press('#sc-search-query', 'Enter');
      await page.waitForFunction(() => window.__shownAt !== undefined, null, { timeout: 30_000 });
      const shownMs = await page.evaluate(() => window.__shownAt - window.__askedAt);
      const status = await page.locator('.sc-search__status').textContent();
      await whenSettled();
      const downloaded = [...requests].filter(([id]) => statuses.get(id) === 200).map(([, path]) => path);
      const files = [...new Set(downloaded)].map((path) => ({ path, bytes: sentBytes(dist, path) }));
      results.push({ query, status, shownMs, files, bytes: files.reduce((sum, file) => sum + file.bytes, 0) });
    }
  } finally {
    await context.close();
  }
  return results;
}

/**
 * Opens the address of a search for `query` in `lang`'s edition in a fresh browser context, as a
 * shared link is: the milliseconds from the navigation to the count shown, and to the page's own
 * first contentful paint.
 */
async function openAddress(browser, { url, lang, query }) {
  const { context, page } = await slowedPage(browser);
  try {
    await page.goto(new URL(`${editionPath(lang, 'search/')}?q=${encodeURIComponent(query)}`, url).href);
    await page.waitForFunction(() => window.__shownAt !== undefined, null, { timeout: 30_000 });
    return await page.evaluate(() => ({
      shownMs: window.__shownAt,
      paintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    }));
  } finally {
    await context.close();
  }
}

/**
 * Builds content/ with `pairs` notice pairs in `work`, serves it with its `_headers` and measures
 * a visit in each edition. Resolves to { pairs, editions: { en, ja } }, each edition's queries in
 * order (the first, then the further ones), and the largest figures the budgets read.
 */
export async function measureSearch({ browser, work, pairs, pagefind, log }) {
  const content = join(work, 'content');
  const dist = join(work, 'dist');
  addNotices(CONTENT, content, pairs);
  log(`search: release build of content/ with ${pairs} notice pairs`);
  timedBuild(content, dist, join(work, 'cache'));
  const host = await staticHost({ dist, applyHeaders: true });
  try {
    const editions = {};
    for (const lang of ['en', 'ja']) {
      log(`search: a visit's ${QUERIES[lang].length} queries in the ${lang} edition, CPU slowed ${CPU_SLOWDOWN}×`);
      editions[lang] = await visit(browser, { url: host.url, dist, lang, queries: QUERIES[lang] });
    }
    const opened = {};
    for (const lang of ['en', 'ja']) {
      log(`search: the address of a search for "${QUERIES[lang][0]}" opened afresh, CPU slowed ${CPU_SLOWDOWN}×`);
      opened[lang] = await openAddress(browser, { url: host.url, lang, query: QUERIES[lang][0] });
    }
    const all = Object.values(editions);
    const compared = await comparePagefind({ browser, pagefind, dist, work, log });
    return {
      compared,
      pairs,
      cpuSlowdown: CPU_SLOWDOWN,
      editions,
      opened,
      firstQueryBytes: Math.max(...all.map((queries) => queries[0].bytes)),
      furtherQueryBytes: Math.max(...all.flatMap((queries) => queries.slice(1).map((q) => q.bytes))),
      shownMs: {
        first: Math.max(...all.map((queries) => queries[0].shownMs)),
        further: Math.max(...all.flatMap((queries) => queries.slice(1).map((q) => q.shownMs))),
        furtherMedian: median(all.flatMap((queries) => queries.slice(1).map((q) => q.shownMs))),
      },
    };
  } finally {
    await host.close();
  }
}
