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
      diagramLabels: [...document.querySelectorAll('.sc-diagram__label')].map((l) => [l.getAttribute('class'), l.closest('.sc-diagram__shape')?.getAttribute('class')]),
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

test('text in the other language carries its own lang', async () => {
  const page = await site.browser.newPage();
  for (const path of pagePaths()) {
    await page.goto(at(path));
    await waitForApp(page);
    const pageLang = await page.evaluate(() => document.documentElement.lang);
    const other = pageLang === 'ja' ? 'en' : 'ja';
    const switchLang = await page.locator('.sc-header__language [lang]').getAttribute('lang');
    assert.equal(switchLang, other, `${path}: the switch names the other language in that language`);
    if (pageLang === 'ja') {
      // The copyright line stays in English on Japanese pages.
      assert.equal(await page.locator('.sc-footer__copyright').getAttribute('lang'), 'en', path);
    }
  }
  await page.close();
});

test('Japanese pages are prerendered in Japanese and read with JavaScript off', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of pagePaths().filter((p) => p.startsWith('/ja/'))) {
    await page.goto(at(path));
    const text = await page.locator('body').innerText();
    const kana = text.match(/[\u3040-\u30ff\u4e00-\u9fff]/g)?.length ?? 0;
    assert.ok(kana > 100, `${path}: ${kana} Japanese characters`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
    assert.match(await page.title(), /仙台クラスター$/);
  }
  await context.close();
});
