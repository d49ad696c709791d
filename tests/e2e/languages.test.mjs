// The two editions: the same pages with the same structure, each page linked to its
// counterpart, the language declared in markup, and Japanese pages that read without script.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForApp } from './support/browser.mjs';
import { useSiteInBrowser } from './support/session.mjs';
import { staticHost, DIST } from './support/server.mjs';
import { pagePaths } from './support/site.mjs';

const site = useSiteInBrowser(() => staticHost());
const { at } = site;
const english = () => pagePaths().filter((path) => !path.startsWith('/ja/'));
const japaneseOf = (path) => `/ja${path}`;

/** What a page is made of, independent of its words. */
function structure(page) {
  return page.evaluate(() => {
    const count = (selector) => document.querySelectorAll(selector).length;
    return {
      headings: [...document.querySelectorAll('h1, h2, h3')].map((h) => h.tagName),
      paragraphs: count('main p'),
      timelineEntries: count('.sc-timeline__item'),
      timelineDates: [...document.querySelectorAll('.sc-timeline time')].map((t) => t.dateTime),
      diagramLabels: [...document.querySelectorAll('.sc-diagram__label')].map((l) => [
        l.getAttribute('class'),
        l.closest('.sc-diagram__shape')?.getAttribute('class'),
      ]),
      listItems: count('main li'),
      navLinks: count('nav.sc-nav a'),
      links: count('a[href]'),
      telLinks: [...document.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href')),
    };
  });
}

test('every English page has a Japanese counterpart with the same structure', async () => {
  const page = await site.browser.newPage();
  for (const path of english()) {
    assert.ok(pagePaths().includes(japaneseOf(path)), `${japaneseOf(path)} exists`);
    await page.goto(at(path));
    await waitForApp(page);
    const en = await structure(page);
    await page.goto(at(japaneseOf(path)));
    await waitForApp(page);
    const ja = await structure(page);
    assert.deepEqual(ja, en, path);
  }
  await page.close();
});

test('the language switch leads to the same page in the other language, with JavaScript off too', async () => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await site.browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    for (const path of english()) {
      await page.goto(at(path));
      if (javaScriptEnabled) await waitForApp(page);
      await page.locator('.sc-header__language').click();
      await page.waitForURL(at(japaneseOf(path)));
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
      await page.locator('.sc-header__language').click();
      await page.waitForURL(at(path));
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    }
    await context.close();
  }
});

test('every page declares its language, its alternates and its Open Graph locale', () => {
  for (const path of pagePaths()) {
    const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
    const lang = path.startsWith('/ja/') ? 'ja' : 'en';
    assert.match(html, new RegExp(`<html lang="${lang}"`), path);
    assert.match(html, /<link href="[^"]+\/" hreflang="en" rel="alternate">/, path);
    assert.match(html, /<link href="[^"]+\/ja\/[^"]*" hreflang="ja" rel="alternate">/, path);
    assert.match(html, new RegExp(`<meta property="og:locale" content="${lang === 'ja' ? 'ja_JP' : 'en_GB'}">`), path);
  }
});

/**
 * The text of the page that is in the other language but not marked with its `lang` (WCAG
 * 3.1.2): on an English page, any Japanese script; on a Japanese page, an English phrase (three
 * Latin-script words or more, some in lower case: names and codes such as "JIS X 8341-3" are
 * not phrases of a language).
 */
function unmarkedForeignText() {
  const japanese = /[\u3000-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+/;
  const englishPhrase = /[A-Za-z]+(?:[ ,.'’-]+[A-Za-z]+){2,}/;
  const pageLang = document.documentElement.lang;
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const lang = node.parentElement.closest('[lang]')?.lang;
    if (pageLang === 'en' && lang !== 'ja') found.push(...(node.data.match(japanese) ?? []));
    const phrase = node.data.match(englishPhrase)?.[0];
    if (pageLang === 'ja' && lang !== 'en' && /[a-z]/.test(phrase ?? '')) found.push(phrase);
  }
  return found;
}

test('text in the other language carries its own lang, on every page as served and as the app draws it', async () => {
  const page = await site.browser.newPage();
  for (const path of pagePaths()) {
    await page.goto(at(path));
    await waitForApp(page);
    assert.deepEqual(
      await page.evaluate(unmarkedForeignText),
      [],
      `${path}: text in the other language without its lang`,
    );
    const pageLang = await page.evaluate(() => document.documentElement.lang);
    const switchLang = await page.locator('.sc-header__language [lang]').getAttribute('lang');
    assert.equal(
      switchLang,
      pageLang === 'ja' ? 'en' : 'ja',
      `${path}: the switch names the other language in that language`,
    );
  }
  // The app draws each page from its data file: the same marks.
  for (const home of ['/', '/ja/']) {
    await page.goto(at(home));
    await waitForApp(page);
    const links = await page
      .locator('header a[href], nav a[href]')
      .evaluateAll((all) => [...new Set(all.map((a) => a.getAttribute('href')))]);
    for (const href of links.filter((link) => link !== home && link.startsWith('/ja/') === (home === '/ja/'))) {
      await page.evaluate(() => {
        window.__sameDocument = true;
      });
      await page.locator(`header a[href="${href}"], nav a[href="${href}"]`).first().click();
      await page.waitForFunction(
        (expected) => location.pathname === expected && document.querySelector('main h1') === document.activeElement,
        href,
      );
      assert.ok(await page.evaluate(() => window.__sameDocument), `${href}: drawn by the app`);
      assert.deepEqual(
        await page.evaluate(unmarkedForeignText),
        [],
        `${href}, drawn by the app: text in the other language without its lang`,
      );
    }
  }
  await page.close();
});
