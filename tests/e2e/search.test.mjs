// Search, in the three engines, on the fixture site (its notices and events, in both editions):
// the header's form takes a visitor to the results by keyboard alone; the results are the pages
// that hold the query, posts with their dates, the matches marked; the count is in the status
// region, in the page's language; a query is text, never HTML; a long or empty query is answered
// at once; Back after following a result draws the results again. Words and titles come from the
// build's manifest.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { By, Key } from 'selenium-webdriver';
import { ENGINES, startEngine, waitForAppIn, markDocument, sameDocument } from './support/engines.mjs';
import { staticHost } from './support/server.mjs';
import { FIXTURE_DIST } from './support/content.mjs';
import { manifestOf, pathIn, postsOf } from './support/manifest.mjs';

const MANIFEST = manifestOf(FIXTURE_DIST);
const POSTS = postsOf(FIXTURE_DIST);
/** How long a condition may take to hold before a test fails: a bound, not a pause. */
const WAIT_MS = 20_000;
/** The longest query answered, in characters (`MAX_QUERY_CHARS` in crates/search). */
const MAX_QUERY_CHARS = 100;

/** A string of the manifest with its `{name}` parts filled in. */
const fill = (template, values) =>
  Object.entries(values).reduce((text, [name, value]) => text.replaceAll(`{${name}}`, String(value)), template);

/** The posts whose title in `lang` holds `word`, by address. */
const postsTitled = (word, lang) =>
  POSTS.filter((post) => post.title[lang].toLowerCase().includes(word.toLowerCase())).map((post) =>
    pathIn(lang, post.slug),
  );

/** The addresses of the first `count` results, sorted: the pages expected first, in any order. */
const firstPaths = (shown, count) =>
  shown.results
    .slice(0, count)
    .map((result) => result.path)
    .sort();

/** What the results region shows: the status, and each result's address, title, date and marks. */
function shownResults() {
  return {
    status: document.querySelector('.sc-search__status')?.textContent ?? null,
    field: document.getElementById('sc-search-query')?.value ?? null,
    results: [...document.querySelectorAll('.sc-search__result')].map((item) => ({
      path: new URL(item.querySelector('a').href).pathname,
      title: item.querySelector('a').textContent,
      date: item.querySelector('time')?.getAttribute('datetime') ?? null,
      marks: [...item.querySelectorAll('mark')].map((mark) => mark.textContent),
    })),
    images: document.querySelectorAll('main img').length,
  };
}

for (const engine of ENGINES) {
  describe(`search in ${engine}`, () => {
    let driver;
    let host;
    const at = (path) => new URL(path.slice(1), host.url).href;
    const searchFor = (query, lang = 'en') =>
      `${at(pathIn(lang, 'search'))}?q=${encodeURIComponent(query).replaceAll('%20', '+')}`;

    before(async () => {
      host = await staticHost({ dist: FIXTURE_DIST });
      driver = await startEngine(engine);
    });
    after(async () => {
      await driver?.quit();
      await host?.close();
    });

    /** Loads `url` and waits until the search has said something in its status region. */
    async function results(url) {
      await driver.get(url);
      await driver.wait(
        () => driver.executeScript(() => Boolean(document.querySelector('.sc-search__status')?.textContent)),
        WAIT_MS,
        `${url}: the search said nothing`,
      );
      return driver.executeScript(shownResults);
    }

    test('from any page, Tab reaches the search field, Enter searches, and Tab goes on to the results', async () => {
      await driver.get(at('/concept/'));
      await waitForAppIn(driver, { where: '/concept/' });
      await markDocument(driver);
      const focused = () => driver.executeScript(() => document.activeElement?.id ?? '');
      for (let i = 0; i < 10 && (await focused()) !== 'sc-search-query'; i += 1) {
        await driver.actions().sendKeys(Key.TAB).perform();
      }
      assert.equal(await focused(), 'sc-search-query', 'Tab reaches the header search field');
      await driver.actions().sendKeys('briefing', Key.ENTER).perform();
      await driver.wait(
        () => driver.executeScript(() => Boolean(document.querySelector('.sc-search__result a'))),
        WAIT_MS,
        'Enter showed no results',
      );
      assert.equal(new URL(await driver.getCurrentUrl()).search, '?q=briefing');
      assert.ok(await sameDocument(driver), 'the app drew the search page, without loading a new document');
      const firstLink = () =>
        driver.executeScript(() => document.activeElement === document.querySelector('.sc-search__result a'));
      // Past the button, the navigation, the breadcrumbs and the page's own text.
      for (let i = 0; i < 30 && !(await firstLink()); i += 1) {
        await driver.actions().sendKeys(Key.TAB).perform();
      }
      assert.ok(await firstLink(), 'Tab from the search field reaches the first result');
    });

    test('an English query lists the posts that hold it first, with their dates and the word marked, whatever its case and inflection', async () => {
      const expected = postsTitled('briefing', 'en');
      assert.ok(expected.length >= 2, 'the fixture has posts about briefings');
      const shown = await results(searchFor('Briefing'));
      assert.deepEqual(firstPaths(shown, expected.length), expected.sort());
      assert.equal(
        shown.status,
        fill(MANIFEST.search.en.search_found, { count: shown.results.length, query: 'Briefing' }),
      );
      assert.equal(shown.field, 'Briefing', 'the header field shows the query');
      for (const result of shown.results.slice(0, expected.length)) {
        const post = POSTS.find((p) => pathIn('en', p.slug) === result.path);
        assert.equal(result.title, post.title.en);
        assert.equal(result.date, post.published);
        assert.ok(result.marks.length > 0 && result.marks.every((m) => m.toLowerCase() === 'briefing'), result.path);
      }
      const plural = await results(searchFor('briefings'));
      assert.deepEqual(
        plural.results.map((r) => r.path),
        shown.results.map((r) => r.path),
        'the plural finds the same pages',
      );
    });

    test('a Japanese query is found inside words, the posts that hold it first, and half-width katakana finds full-width', async () => {
      const expected = postsTitled('公募', 'ja');
      assert.ok(expected.length >= 2, 'the fixture has posts about 公募');
      const shown = await results(searchFor('公募', 'ja'));
      assert.deepEqual(firstPaths(shown, expected.length), expected.sort());
      assert.equal(shown.status, fill(MANIFEST.search.ja.search_found, { count: shown.results.length, query: '公募' }));
      assert.ok(shown.results[0].marks.includes('公募'));
      // テスト is in the fixture's own page (tests/fixtures/content/visiting-hours.ja.md), so that
      // no edit of content/ can take it away.
      const full = await results(searchFor('テスト', 'ja'));
      assert.ok(full.results.length > 0, 'テスト is found in the Japanese edition');
      const half = await results(searchFor('ﾃｽﾄ', 'ja'));
      assert.deepEqual(
        half.results.map((r) => r.path),
        full.results.map((r) => r.path),
      );
    });

    test('"Show more results" adds the next ten and moves focus to the first of them, until there are no more', async () => {
      const shown = await results(searchFor('fixture'));
      assert.equal(shown.results.length, 10, 'ten at first');
      const count = Number(shown.status.match(/\d+/)[0]);
      assert.ok(count > 10, `more than ten found (${count})`);
      const more = await driver.findElement(By.css('.sc-search__more'));
      await driver.executeScript((element) => element.scrollIntoView({ block: 'center', behavior: 'instant' }), more);
      await more.click();
      await driver.wait(
        () => driver.executeScript(() => document.querySelectorAll('.sc-search__result').length > 10),
        WAIT_MS,
        'no more results',
      );
      const after = await driver.executeScript(() => ({
        shown: document.querySelectorAll('.sc-search__result').length,
        focused: document.activeElement === document.querySelectorAll('.sc-search__result a')[10],
        more: Boolean(document.querySelector('.sc-search__more')),
      }));
      assert.equal(after.shown, Math.min(20, count));
      assert.ok(after.focused, 'focus is on the first new result');
      assert.equal(after.more, count > 20, 'the button stays only while more are left');
    });

    test('a query is shown as text, never run as HTML', async () => {
      const query = '<img src=x onerror=alert(1)>';
      const shown = await results(searchFor(query));
      const template = shown.results.length === 1 ? 'search_found_one' : 'search_found';
      assert.equal(shown.status, fill(MANIFEST.search.en[template], { count: shown.results.length, query }));
      assert.equal(shown.images, 0, 'no element was made of the query');
      assert.equal(shown.field, query);
    });

    test('a query that nothing holds says so, with a suggestion', async () => {
      const query = 'xylophones';
      const shown = await results(searchFor(query));
      assert.equal(shown.status, fill(MANIFEST.search.en.search_none, { query }));
      assert.deepEqual(shown.results, []);
    });

    test('a query of 10,000 characters or of punctuation only is answered at once, with a message', async () => {
      const long = await results(searchFor('a'.repeat(10_000)));
      assert.equal(long.status, fill(MANIFEST.search.en.search_too_long, { max: MAX_QUERY_CHARS }));
      const punctuation = await results(searchFor('「」！？…・', 'ja'));
      assert.equal(punctuation.status, MANIFEST.search.ja.search_nothing);
      assert.deepEqual(punctuation.results, []);
    });

    test('on the search page, a search is drawn in place, and Back returns to the previous query', async () => {
      const first = await results(searchFor('briefing'));
      await waitForAppIn(driver, { where: 'the search page' });
      await markDocument(driver);
      const field = await driver.findElement(By.id('sc-search-query'));
      await field.clear();
      await field.sendKeys('公募は', Key.ENTER);
      await driver.wait(
        () => driver.executeScript(() => new URLSearchParams(location.search).get('q') === '公募は'),
        WAIT_MS,
        'the address did not take the new query',
      );
      await driver.wait(
        () => driver.executeScript(() => Boolean(document.querySelector('.sc-search__status')?.textContent)),
        WAIT_MS,
        'the new search said nothing',
      );
      assert.ok(await sameDocument(driver), 'drawn in place, not loaded');
      const second = await driver.executeScript(shownResults);
      assert.equal(second.field, '公募は');
      assert.notDeepEqual(second.results, first.results);
      await driver.navigate().back();
      await driver.wait(
        () =>
          driver.executeScript(
            (status) => document.querySelector('.sc-search__status')?.textContent === status,
            first.status,
          ),
        WAIT_MS,
        'Back did not draw the previous query',
      );
      assert.ok(await sameDocument(driver), 'Back stays in the document');
      const back = await driver.executeScript(shownResults);
      assert.deepEqual(back.results, first.results);
      assert.equal(back.field, 'briefing');
    });

    test('after following a result, Back draws the results again, in the same document', async () => {
      const url = searchFor('briefing');
      const before = await results(url);
      await waitForAppIn(driver, { where: url });
      await markDocument(driver);
      const link = await driver.findElement(By.css('.sc-search__result a'));
      await driver.executeScript((element) => element.scrollIntoView({ block: 'center', behavior: 'instant' }), link);
      await link.click();
      await driver.wait(
        () =>
          driver.executeScript(
            (path) => location.pathname === path && !document.getElementById('sc-search'),
            before.results[0].path,
          ),
        WAIT_MS,
        'the result did not open',
      );
      await driver.navigate().back();
      await driver.wait(
        () => driver.executeScript(() => document.querySelectorAll('.sc-search__result').length > 0),
        WAIT_MS,
        'Back did not draw the results again',
      );
      assert.ok(await sameDocument(driver), 'drawn by the app, not loaded');
      const after = await driver.executeScript(shownResults);
      assert.deepEqual(after.results, before.results);
      assert.equal(after.status, before.status);
    });

    test('a search from the header of a page the app drew is for the new query, and Back returns to that page', async () => {
      const before = await results(searchFor('briefing'));
      await waitForAppIn(driver, { where: 'the search page' });
      await markDocument(driver);
      await driver.findElement(By.css('.sc-search__result a')).sendKeys(Key.ENTER);
      const opened = before.results[0].path;
      await driver.wait(
        () => driver.executeScript((path) => location.pathname === path, opened),
        WAIT_MS,
        'the result did not open',
      );
      const field = await driver.findElement(By.id('sc-search-query'));
      await field.clear();
      await field.sendKeys('workshop', Key.ENTER);
      await driver.wait(
        () =>
          driver.executeScript(() =>
            (document.querySelector('.sc-search__status')?.textContent ?? '').includes('workshop'),
          ),
        WAIT_MS,
        'the search from the header said nothing of its query',
      );
      assert.ok(await sameDocument(driver), 'drawn by the app, not loaded');
      const after = await driver.executeScript(shownResults);
      assert.equal(after.field, 'workshop');
      assert.equal(new URLSearchParams(new URL(await driver.getCurrentUrl()).search).get('q'), 'workshop');
      assert.notDeepEqual(after.results, before.results);
      await driver.navigate().back();
      await driver.wait(
        () =>
          driver.executeScript((path) => location.pathname === path && !document.getElementById('sc-search'), opened),
        WAIT_MS,
        'Back did not return to the page searched from',
      );
      assert.ok(await sameDocument(driver), 'Back stays in the document');
    });
  });
}
