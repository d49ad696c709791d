// The pages a Japanese public body publishes about its website: accessibility (policy and test
// results), privacy and a site map, linked from every footer; and the promises the privacy page
// makes, checked in the browser after visiting every page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watch, waitForApp } from './support/browser.mjs';
import { useSiteInBrowser } from './support/session.mjs';
import { staticHost } from './support/server.mjs';
import { inJapanese, pagePaths, routesWithNotFound, siteMapPaths } from './support/site.mjs';
import { listedIn, pageWithTemplate } from './support/content.mjs';

const site = useSiteInBrowser(() => staticHost());
const { at } = site;
const editionOf = (path) => (path.startsWith('/ja/') ? '/ja' : '');

test('the site map lists every page of its edition, as sitemap.xml does', async () => {
  const page = await site.browser.newPage();
  const siteMap = pageWithTemplate('sitemap');
  for (const edition of ['', '/ja']) {
    await page.goto(at(edition + siteMap));
    const listed = await page
      .locator('main .sc-site-map a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    // Every page, and each section's list, which links to its posts.
    const expected = siteMapPaths(edition ? 'ja' : 'en');
    assert.deepEqual([...listed].sort(), [...expected].sort(), edition + siteMap);
    const published = pagePaths();
    assert.deepEqual(
      listed.filter((path) => !published.includes(path)),
      [],
      `${edition}${siteMap}: every page listed is in sitemap.xml`,
    );
  }
  await page.close();
});

test('every page has the same navigation, footer links and contact details, in the same order', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const footerPages = listedIn('footer');
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
    assert.deepEqual(
      shell.footer.map(([href]) => href),
      footerPages.map((footerPage) => edition + footerPage),
      `${path}: footer links`,
    );
    assert.ok(
      shell.nav.every(([href]) => !footerPages.some((footerPage) => href === edition + footerPage)),
      `${path}: not in the main navigation`,
    );
    assert.deepEqual(shell.order, ['ADDRESS', 'NAV'], `${path}: the links beside the contact details`);
    seen[edition] ??= shell;
    assert.deepEqual(shell, seen[edition], `${path}: the same shell as every page of its edition`);
  }
  const notFound = await page
    .goto(at('/no-such-page/'))
    .then(() => page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))));
  for (const footerPage of footerPages) {
    assert.ok(
      pagePaths().includes(footerPage) && pagePaths().includes(inJapanese(footerPage)),
      `${footerPage} in sitemap.xml`,
    );
    assert.ok(notFound.includes(footerPage), `${footerPage} on Not Found`);
  }
  await context.close();
});

test('the accessibility pages give the record of the tests, and a result for each criterion of JIS X 8341-3:2016 and each one WCAG 2.1 and 2.2 added', async () => {
  const page = await site.browser.newPage();
  const statement = pageWithTemplate('conformance');
  for (const path of [statement, inJapanese(statement)]) {
    await page.goto(at(path));
    const record = await page
      .locator('main dl.sc-record > div')
      .evaluateAll((entries) =>
        entries.map((entry) => [
          entry.querySelector('dt').textContent,
          [...entry.querySelectorAll('dd')].map((dd) => dd.textContent),
        ]),
      );
    // Date, standard, target, conformance, test period, build, browsers, tools.
    assert.equal(record.length, 8, `${path}: ${JSON.stringify(record)}`);
    assert.ok(
      record.every(([label, values]) => label && values.length > 0 && values.every(Boolean)),
      `${path}: every entry has its values`,
    );
    assert.ok(
      record.some(([, values]) => values.includes('JIS X 8341-3:2016')),
      `${path}: the standard`,
    );
    const tables = await page.locator('main table').evaluateAll((ts) =>
      ts.map((table) => ({
        caption: table.caption.textContent,
        rows: [...table.tBodies[0].rows].map((tr) => [...tr.cells].map((c) => c.textContent.trim())),
      })),
    );
    assert.equal(tables.length, 2, `${path}: JIS X 8341-3:2016, then the additional criteria`);
    const [jis, added] = tables.map((table) => table.rows);
    // JIS X 8341-3:2016 (WCAG 2.0) has 25 criteria at level A and 13 at AA, 4.1.1 among them;
    // WCAG 2.1 and 2.2 added 18.
    assert.equal(jis.filter((cells) => cells[2] === 'A').length, 25, path);
    assert.equal(jis.filter((cells) => cells[2] === 'AA').length, 13, path);
    assert.ok(
      jis.some((cells) => cells[0] === '4.1.1'),
      `${path}: 4.1.1 Parsing`,
    );
    assert.equal(added.length, 18, path);
    const numbers = [...jis, ...added].map((cells) => cells[0]);
    assert.equal(new Set(numbers).size, 56, `${path}: each criterion once`);
    assert.ok(
      [...jis, ...added].every((cells) => cells.every((cell) => cell.length > 0)),
      `${path}: no empty cell`,
    );
    const addresses = await page
      .locator('main .sc-addresses a')
      .evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
    // Every page of the shell, each section's list among them; posts are reached from their list.
    const pages = ['en', 'ja'].flatMap((lang) => siteMapPaths(lang));
    assert.deepEqual(addresses.sort(), pages.sort(), `${path}: the address of each page`);
  }
  await page.close();
});

test("after browsing every page, the browser holds no cookie, storage, cache or service worker; no page has a form but the search, which sends its words to the site's own search page, or asks another origin", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const seen = watch(page);
  for (const path of routesWithNotFound()) {
    await page.goto(at(path));
    await waitForApp(page);
    // The one form is the header's search: a GET of its one field to this site's search page.
    const forms = await page.evaluate(() =>
      [...document.querySelectorAll('form, input, textarea, select')].map((element) =>
        element.tagName === 'FORM'
          ? `form ${element.method} ${new URL(element.action).pathname}`
          : `${element.tagName.toLowerCase()} ${element.name} ${element.form?.getAttribute('role')}`,
      ),
    );
    const search = path.startsWith('/ja/') ? '/ja/search/' : '/search/';
    assert.deepEqual(forms, [`form get ${search}`, 'input q search'], `${path}: the search form alone`);
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
  assert.deepEqual(
    seen.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:')),
    [],
    'no request to another origin',
  );
  await context.close();
});
