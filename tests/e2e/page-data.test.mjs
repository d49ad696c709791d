// Each page's text lives in its data file beside its HTML, and the shell every page shares in
// site.bin, not in the wasm (issues 18 and 27): what an editor changes leaves the app as it was.
// The loader fetches site.bin with the app, and the app does not start without it; the app
// fetches a page's data when the visitor shows intent or at an idle moment, once per visit, and
// loads the page in full whenever the data cannot be had. Chromium, through Playwright's request
// interception; a page's data file offline is also tested in every engine (engines.test.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { watch, waitForApp } from './support/browser.mjs';
import { useSiteInBrowser } from './support/session.mjs';
import { staticHost, DIST } from './support/server.mjs';
import { headingOf, inJapanese, missingFromMain } from './support/site.mjs';
import {
  NAME_LEN,
  dataFileFor,
  listedIn,
  navigationPages,
  pageFiles,
  textFragments,
  wasmOf,
} from './support/content.mjs';

const site = useSiteInBrowser(() => staticHost());
const { at } = site;

test("the wasm holds no page text: every sentence of content/ is in its page's data file instead", () => {
  const wasm = wasmOf(DIST);
  let checked = 0;
  for (const file of pageFiles()) {
    const data = readFileSync(dataFileFor(file, DIST));
    for (const fragment of textFragments(file)) {
      assert.ok(data.includes(fragment), `${basename(file)}: "${fragment}" is in its data file`);
      assert.ok(!wasm.includes(fragment), `${basename(file)}: "${fragment}" is in the wasm`);
      checked += 1;
    }
  }
  assert.ok(checked >= 50, `only ${checked} sentences checked`);
});

/**
 * Clicks `link` and waits for the page at `path` to have loaded as a new document (the mark the
 * test leaves on the old one is gone), with its heading; then checks the address.
 */
async function clickLoadsInFull(page, link, path) {
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
  await link.click();
  await page.waitForFunction(
    (expected) =>
      window.__sameDocument === undefined &&
      document.readyState === 'complete' &&
      document.querySelector('main h1')?.textContent === expected,
    headingOf(path),
  );
  assert.equal(new URL(page.url()).pathname, path, 'the link loaded its page in full');
}

/** Records the address of every data file the page fetches, in `window.__fetched`, as it asks. */
function recordFetches(page) {
  return page.addInitScript(() => {
    window.__fetched = [];
    const fetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const { pathname } = new URL(String(input), location.href);
      if (pathname.endsWith('/page.bin')) window.__fetched.push(pathname);
      return fetch(input, init);
    };
  });
}

const fetched = (page) => page.evaluate(() => window.__fetched);

/** Resolves once the browser has been idle after the app's start, when its idle work has run. */
const afterIdle = (page) =>
  page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve))));

/** A failure that answers with the real file, its name at `offset` overwritten. */
const renamed = (offset) => async (route) => {
  const real = Buffer.from(await (await route.fetch()).body());
  real.write('0123456789abcdef', offset, 'latin1');
  await route.fulfill({ status: 200, body: real });
};

/**
 * How a data file fails to arrive, and what the test does to its request. A dropped connection,
 * as offline, is tested in every engine (engines.test.mjs).
 */
const FAILURES = [
  { name: 'a 404 after a redeploy', answer: (route) => route.fulfill({ status: 404, body: 'Not Found' }) },
  { name: 'a server error (500)', answer: (route) => route.fulfill({ status: 500, body: 'Internal Server Error' }) },
  { name: 'no answer within a few seconds', answer: () => {} },
  {
    name: 'malformed data',
    answer: (route) => route.fulfill({ status: 200, body: '<!DOCTYPE html><title>Not data</title>' }),
  },
  {
    name: 'a damaged file, cut short',
    answer: async (route) => {
      const real = Buffer.from(await (await route.fetch()).body());
      await route.fulfill({ status: 200, body: real.subarray(0, real.length - 3) });
    },
  },
  { name: 'data from a different build', answer: renamed(NAME_LEN) },
  { name: 'data of another format, written for a newer or older app', answer: renamed(0) },
];

test("when a page's data cannot be had, the click loads the page in full: never a blank, broken or mixed page", async (t) => {
  const [path] = navigationPages();
  for (const failure of FAILURES) {
    await t.test(failure.name, async () => {
      const page = await site.browser.newPage();
      const seen = watch(page);
      try {
        await page.route(`**${path}page.bin`, failure.answer);
        await page.goto(at('/'));
        await waitForApp(page);
        await clickLoadsInFull(page, page.locator(`nav.sc-nav a[href="${path}"]`), path);
        assert.deepEqual(missingFromMain(await page.locator('main').innerText(), path), [], 'main holds its text');
        assert.equal(await page.locator('.sc-error-notice').count(), 0, 'no error notice');
        assert.deepEqual(seen.pageErrors, []);
      } finally {
        // An idle fetch of the same file may still be in the handler: let it end quietly.
        await page.unrouteAll({ behavior: 'ignoreErrors' });
        await page.close();
      }
    });
  }
});

test("a page's data is fetched when the pointer rests on its link, focus reaches it or a finger touches it", async () => {
  const context = await site.browser.newContext();
  // Save-Data keeps the idle fetching off, so that only intent fetches.
  await context.addInitScript(() => Object.defineProperty(navigator.connection, 'saveData', { get: () => true }));
  const page = await context.newPage();
  await recordFetches(page);
  await page.goto(at('/'));
  await waitForApp(page);
  await afterIdle(page);
  assert.deepEqual(await fetched(page), [], 'with Save-Data, nothing is fetched at an idle moment');

  const [pointed, focused] = navigationPages();
  const [touched] = listedIn('footer');
  const untilFetched = (path) => page.waitForFunction((file) => window.__fetched.includes(file), `${path}page.bin`);
  await page.locator(`nav.sc-nav a[href="${pointed}"]`).hover();
  await untilFetched(pointed);
  await page.locator(`nav.sc-nav a[href="${focused}"]`).focus();
  await untilFetched(focused);
  await page.locator(`.sc-footer__nav a[href="${touched}"]`).dispatchEvent('touchstart');
  await untilFetched(touched);
  assert.deepEqual(
    await fetched(page),
    [pointed, focused, touched].map((path) => `${path}page.bin`),
    'each once, nothing else',
  );
  await context.close();
});

test('at an idle moment the app fetches the data of every page the navigation links to, and of its own page', async () => {
  const page = await site.browser.newPage();
  await recordFetches(page);
  const path = inJapanese(navigationPages()[0]);
  await page.goto(at(path));
  await waitForApp(page);
  // The language switch (it has a target) loads the other edition as a new document: no data.
  const linked = await page.evaluate(() =>
    [...document.querySelectorAll('header a[href]:not([target]), nav a[href]:not([target])')].map(
      (a) => `${new URL(a.href).pathname}page.bin`,
    ),
  );
  const expected = [...new Set([...linked, `${path}page.bin`])].sort();
  await page.waitForFunction((count) => new Set(window.__fetched).size >= count, expected.length);
  assert.deepEqual([...new Set(await fetched(page))].sort(), expected);
  await page.close();
});

test("each page's data is fetched once in a visit, however often the visitor returns to the page", async () => {
  const page = await site.browser.newPage();
  const seen = watch(page);
  await recordFetches(page);
  await page.goto(at('/'));
  await waitForApp(page);
  const links = await page.locator('nav.sc-nav a').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
  const showing = (path) =>
    page.waitForFunction((expected) => document.querySelector('main h1')?.textContent === expected, headingOf(path));
  for (const href of [...links, ...links]) {
    await page.locator(`nav.sc-nav a[href="${href}"]`).click();
    await showing(href);
  }
  await page.goBack();
  await showing(links.at(-2));
  await page.goForward();
  await showing(links.at(-1));
  const all = await fetched(page);
  assert.deepEqual(
    all.filter((path, i) => all.indexOf(path) !== i),
    [],
    'no data file fetched twice',
  );
  const dataRequests = seen.requests.filter((url) => url.endsWith('/page.bin'));
  assert.equal(new Set(dataRequests).size, dataRequests.length, 'no data file requested twice');
  assert.deepEqual(seen.pageErrors, []);
  await page.close();
});

test("when the site's shell (site.bin) cannot be had, the app does not start: the prerendered page stays whole and every link loads in full", async (t) => {
  const offline = { name: 'offline', answer: (route) => route.abort('internetdisconnected') };
  for (const failure of [offline, ...FAILURES]) {
    await t.test(failure.name, async () => {
      const page = await site.browser.newPage();
      const seen = watch(page);
      try {
        await page.route('**/site.bin', failure.answer);
        // The loader says so when it has the app but not the shell, or the app refused it.
        const refused = page.waitForEvent('console', {
          predicate: (message) => message.type() === 'warning' && message.text().includes('site.bin'),
        });
        await page.goto(at('/'));
        await refused;
        assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined, 'no app');
        assert.deepEqual(missingFromMain(await page.locator('main').innerText(), '/'), [], 'main holds its text');
        assert.equal(await page.locator('footer address').count(), 1, 'the footer is there');
        const link = page.locator('nav.sc-nav a:not([aria-current])').first();
        await clickLoadsInFull(page, link, new URL(await link.evaluate((a) => a.href)).pathname);
        assert.equal(await page.locator('.sc-error-notice').count(), 0, 'no error notice');
        assert.deepEqual(seen.pageErrors, []);
      } finally {
        await page.unrouteAll({ behavior: 'ignoreErrors' });
        await page.close();
      }
    });
  }
});
