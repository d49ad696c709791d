// The pages a Japanese public body publishes about its website: accessibility (policy and test
// results), privacy and a site map, linked from every footer; and the promises the privacy page
// makes, checked in the browser after visiting every page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watch, waitForApp } from './support/browser.mjs';
import { useSiteInBrowser } from './support/session.mjs';
import { staticHost } from './support/server.mjs';
import { pagePaths, routesWithNotFound } from './support/site.mjs';

const site = useSiteInBrowser(() => staticHost());
const { at } = site;
const FOOTER_PAGES = ['accessibility', 'privacy', 'sitemap'];
const editionOf = (path) => (path.startsWith('/ja/') ? '/ja' : '');

test('the site map lists every page of its edition, as sitemap.xml does', async () => {
  const page = await site.browser.newPage();
  for (const edition of ['', '/ja']) {
    await page.goto(at(`${edition}/sitemap/`));
    const listed = await page.locator('main .sc-site-map a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const published = pagePaths().filter((path) => editionOf(path) === edition);
    assert.deepEqual([...listed].sort(), [...published].sort(), `${edition}/sitemap/`);
  }
  await page.close();
});

test('every page has the same navigation, footer links and contact details, in the same order', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const seen = {};
  for (const path of routesWithNotFound()) {
    await page.goto(at(path));
    const edition = editionOf(path);
    const shell = await page.evaluate(() => ({
      nav: [...document.querySelectorAll('nav.sc-nav a')].map((a) => [a.getAttribute('href'), a.textContent]),
      footer: [...document.querySelectorAll('footer nav a')].map((a) => [a.getAttribute('href'), a.textContent]),
      contact: document.querySelector('footer address')?.innerText,
      order: [...document.querySelectorAll('footer address, footer nav')].map((el) => el.tagName),
    }));
    assert.deepEqual(shell.footer.map(([href]) => href), FOOTER_PAGES.map((slug) => `${edition}/${slug}/`), `${path}: footer links`);
    assert.ok(shell.nav.every(([href]) => !FOOTER_PAGES.some((slug) => href.endsWith(`/${slug}/`))), `${path}: not in the main navigation`);
    assert.deepEqual(shell.order, ['ADDRESS', 'NAV'], `${path}: the links beside the contact details`);
    seen[edition] ??= shell;
    assert.deepEqual(shell, seen[edition], `${path}: the same shell as every page of its edition`);
  }
  const notFound = await page.goto(at('/no-such-page/')).then(() => page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))));
  for (const slug of FOOTER_PAGES) {
    assert.ok(pagePaths().includes(`/${slug}/`) && pagePaths().includes(`/ja/${slug}/`), `${slug} in sitemap.xml`);
    assert.ok(notFound.includes(`/${slug}/`), `${slug} on Not Found`);
  }
  await context.close();
});

test('the accessibility pages state the standard, the conformance word and a result for every criterion', async () => {
  const page = await site.browser.newPage();
  for (const [path, word] of [['/accessibility/', 'partially conforms'], ['/ja/accessibility/', '一部準拠']]) {
    await page.goto(at(path));
    const text = await page.locator('main').innerText();
    assert.match(text, /JIS X 8341-3:2016/, path);
    assert.ok(text.includes(word), `${path}: ${word}`);
    assert.ok(text.includes('一部準拠'), `${path}: the Japanese conformance word`);
    const rows = await page.locator('main table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
    // WCAG 2.2 has 31 criteria at level A and 24 at level AA (4.1.1 is obsolete).
    assert.equal(rows.filter((cells) => cells[2] === 'A').length, 31, path);
    assert.equal(rows.filter((cells) => cells[2] === 'AA').length, 24, path);
    assert.equal(new Set(rows.map((cells) => cells[0])).size, 55, `${path}: each criterion once`);
    assert.ok(rows.every((cells) => cells.every((cell) => cell.length > 0)), `${path}: no empty cell`);
    const addresses = await page.locator('main .sc-addresses a').evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
    assert.deepEqual(addresses.sort(), pagePaths().sort(), `${path}: the address of each page`);
  }
  await page.close();
});

test('after browsing every page, the browser holds no cookie, storage, cache or service worker; no page has a form or asks another origin', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const seen = watch(page);
  for (const path of routesWithNotFound()) {
    await page.goto(at(path));
    await waitForApp(page);
    assert.equal(await page.locator('form, input, textarea, select').count(), 0, `${path}: no form`);
  }
  // And every page again, drawn by the app after a client-side navigation.
  for (const path of pagePaths()) {
    const link = page.locator(`a[href="${path}"]`).first();
    if (await link.count()) {
      await link.click();
      await page.waitForURL(at(path));
    }
  }
  assert.deepEqual(await context.cookies(), [], 'no cookie');
  const held = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    caches: (await caches.keys()).length,
    databases: (await indexedDB.databases()).length,
  }));
  assert.deepEqual(held, { local: 0, session: 0, serviceWorkers: 0, caches: 0, databases: 0 });
  const origin = new URL(at('/')).origin;
  assert.deepEqual(seen.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:')), [], 'no request to another origin');
  await context.close();
});
