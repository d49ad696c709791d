// Notices (content/notices/): on the fixture site, whose 25 made-up notices
// (tests/fixtures/content/notices/) make two pages of the list, every notice is listed newest
// first with its date as its edition writes it, has its page, and is in its edition's Atom feed;
// on the live site, which has none, nothing of them is published. What a notice says, and when,
// is read from its Markdown files; dates are written out here with the browser's own Intl.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { watch, waitForApp } from './support/browser.mjs';
import { useSiteInBrowser } from './support/session.mjs';
import { DIST, staticHost } from './support/server.mjs';
import { FIXTURE_DIST, fixtureNotices } from './support/content.mjs';
import { publishedOrigin } from './support/site.mjs';

const site = useSiteInBrowser(() => {
  assert.ok(existsSync(join(FIXTURE_DIST, 'index.html')), 'build the fixture site first (.ci/test does)');
  return staticHost({ dist: FIXTURE_DIST });
});
const { at } = site;
const EDITIONS = ['en', 'ja'];
const PER_PAGE = 20;
const NOTICES = fixtureNotices();
/** The list's pages in an edition: `/notices/`, then `/notices/page/2/`, …. */
const listPages = (lang) =>
  Array.from(
    { length: Math.ceil(NOTICES.length / PER_PAGE) },
    (_, index) => `${lang === 'ja' ? '/ja' : ''}/notices/${index === 0 ? '' : `page/${index + 1}/`}`,
  );
/** A date as the edition writes it: `1 December 2026`, `2026年12月1日`. */
const shown = (date, lang) =>
  new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));

/** A page as served with JavaScript off: its status and what `read` gives of its document. */
async function served(path, read) {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    const response = await page.goto(at(path));
    return { status: response.status(), ...(await page.evaluate(read)) };
  } finally {
    await context.close();
  }
}

const listed = () => ({
  notices: [...document.querySelectorAll('main .sc-notices__item')].map((item) => ({
    path: item.querySelector('a').getAttribute('href'),
    title: item.querySelector('h2, h3').textContent,
    heading: item.querySelector('h2, h3').tagName,
    datetime: item.querySelector('time').getAttribute('datetime'),
    date: item.querySelector('time').textContent,
    description: item.querySelector('.sc-notices__description').textContent,
  })),
  pagination: [...document.querySelectorAll('nav.sc-pagination a')].map((link) => ({
    text: link.textContent,
    label: link.getAttribute('aria-label'),
    href: link.getAttribute('href'),
    rel: link.getAttribute('rel'),
    current: link.getAttribute('aria-current'),
  })),
  navigation: [...document.querySelectorAll('nav.sc-nav a')].map((link) => link.getAttribute('href')),
  h1: document.querySelector('main h1').textContent,
  latestHeading: document.querySelector('.sc-latest-notices h2')?.textContent,
  allLink: document.querySelector('.sc-latest-notices__all a')?.getAttribute('href'),
  feed: document.querySelector('link[rel=alternate][type="application/atom+xml"]')?.getAttribute('href'),
});

test('the list shows every notice newest first, twenty a page, each linking to its page with its title, date and description as its edition writes them', async () => {
  for (const lang of EDITIONS) {
    const pages = listPages(lang);
    assert.equal(pages.length, 2, 'the fixture makes two pages of the list');
    for (const [index, path] of pages.entries()) {
      const page = await served(path, listed);
      assert.equal(page.status, 200, path);
      const expected = NOTICES.slice(index * PER_PAGE, (index + 1) * PER_PAGE).map((notice) => ({
        path: notice[lang].path,
        title: notice[lang].title,
        heading: 'H2',
        datetime: notice[lang].date,
        date: shown(notice[lang].date, lang),
        description: notice[lang].description,
      }));
      assert.deepEqual(page.notices, expected, `${path}: the notices, in order`);
      // Previous (not on the first), each page by number with its label, next (not on the last).
      const numbers = pages.map((href, number) => ({
        text: String(number + 1),
        label: lang === 'ja' ? `${number + 1}ページ目` : `Page ${number + 1}`,
        href,
        rel: null,
        current: number === index ? 'page' : null,
      }));
      const previous = index > 0 ? [{ href: pages[index - 1], rel: 'prev' }] : [];
      const next = index < pages.length - 1 ? [{ href: pages[index + 1], rel: 'next' }] : [];
      assert.deepEqual(
        page.pagination.map(({ href, rel, ...rest }) => (rel ? { href, rel } : { href, rel, ...rest })),
        [...previous, ...numbers, ...next],
        `${path}: the links between the list's pages`,
      );
      // The first page is the list; each later one says which it is.
      const heading =
        index === 0
          ? { en: 'Notices', ja: 'お知らせ' }
          : {
              en: `Notices, page ${index + 1} of ${pages.length}`,
              ja: `お知らせ（${pages.length}ページ中${index + 1}ページ目）`,
            };
      assert.equal(page.h1, heading[lang], `${path}: the heading names the page`);
    }
    // No page past the last, and the first has one address only.
    const beyond = `${pages[0]}page/${pages.length + 1}/`;
    assert.equal((await served(beyond, () => ({}))).status, 404, beyond);
    assert.equal((await served(`${pages[0]}page/1/`, () => ({}))).status, 404, `${pages[0]}page/1/`);
  }
});

test('the home page shows the three newest under a heading, with a link to the list, which every page has in its navigation', async () => {
  for (const lang of EDITIONS) {
    const home = lang === 'ja' ? '/ja/' : '/';
    const page = await served(home, listed);
    assert.equal(page.latestHeading, lang === 'ja' ? '新着情報' : 'Latest notices', `${home}: the heading`);
    assert.deepEqual(
      page.notices.map(({ path, heading, date }) => ({ path, heading, date })),
      NOTICES.slice(0, 3).map((notice) => ({
        path: notice[lang].path,
        heading: 'H3',
        date: shown(notice[lang].date, lang),
      })),
      `${home}: the three newest`,
    );
    assert.equal(page.allLink, listPages(lang)[0], `${home}: the link to the list`);
    for (const path of [home, NOTICES[7][lang].path, listPages(lang)[1]]) {
      const { navigation } = await served(path, listed);
      assert.ok(navigation.includes(listPages(lang)[0]), `${path}: the navigation links to the list`);
    }
  }
});

test("each notice's page has its title, its dates in <time datetime>, breadcrumbs through the list, the other edition's same notice, and its Article data", async () => {
  for (const notice of NOTICES) {
    for (const lang of EDITIONS) {
      const { path, title, date, updated, description } = notice[lang];
      const page = await served(path, () => ({
        h1: document.querySelector('main h1').textContent,
        dates: [...document.querySelectorAll('main .sc-dates time')].map((time) => [
          time.getAttribute('datetime'),
          time.textContent,
        ]),
        crumbs: [...document.querySelectorAll('.sc-breadcrumbs li')].map((item) => [
          item.querySelector('a')?.getAttribute('href') ?? null,
          item.textContent,
        ]),
        other: document.querySelector('.sc-header__language')?.getAttribute('href'),
        articles: [...document.querySelectorAll('script[type="application/ld+json"]')]
          .map((script) => JSON.parse(script.textContent))
          .filter((data) => data['@type'] === 'Article'),
      }));
      assert.equal(page.status, 200, path);
      assert.equal(page.h1, title, `${path}: heading`);
      assert.deepEqual(
        page.dates,
        [date, updated].filter(Boolean).map((day) => [day, shown(day, lang)]),
        `${path}: published, and updated if it was`,
      );
      const home = lang === 'ja' ? '/ja/' : '/';
      assert.deepEqual(
        page.crumbs.map(([href]) => href),
        [home, listPages(lang)[0], null],
        `${path}: Home › Notices › the notice`,
      );
      assert.equal(page.crumbs[2][1], title, `${path}: the last crumb is the notice`);
      assert.equal(page.other, notice[lang === 'ja' ? 'en' : 'ja'].path, `${path}: the language switch`);
      assert.equal(page.articles.length, 1, `${path}: one Article`);
      const [article] = page.articles;
      assert.equal(article.headline, title);
      assert.equal(article.description, description);
      assert.equal(article.inLanguage, lang);
      assert.equal(article.datePublished, date);
      assert.equal(article.dateModified, updated);
      assert.equal(new URL(article.url).pathname, path);
    }
  }
});

test("each edition's Atom feed, named in every page's head, parses, lists the twenty newest with their addresses, ids, dates and descriptions, and each entry's link answers", async () => {
  for (const lang of EDITIONS) {
    const feedPath = `${listPages(lang)[0]}atom.xml`;
    for (const path of [lang === 'ja' ? '/ja/' : '/', NOTICES[0][lang].path, listPages(lang)[1]]) {
      const { feed } = await served(path, listed);
      assert.equal(feed, feedPath, `${path}: names ${feedPath}`);
    }
    const response = await fetch(at(feedPath));
    assert.equal(response.status, 200, feedPath);
    const feed = parseFeed(await response.text());
    assert.equal(feed.language, lang, `${feedPath}: language`);
    const newest = NOTICES.slice(0, PER_PAGE).map((notice) => notice[lang]);
    // Each entry's link and id are its notice's address on the published site, which a correction
    // keeps.
    const origin = publishedOrigin(FIXTURE_DIST);
    assert.deepEqual(
      feed.items.map((item) => ({
        url: item.url,
        id: item.id,
        title: item.title,
        description: item.description,
        published: item.published.toISOString(),
        updated: item.updated.toISOString(),
      })),
      newest.map((notice) => {
        const startOfDayInJapan = (day) => new Date(`${day}T00:00:00+09:00`).toISOString();
        return {
          url: `${origin}${notice.path}`,
          id: `${origin}${notice.path}`,
          title: notice.title,
          description: notice.description,
          published: startOfDayInJapan(notice.date),
          updated: startOfDayInJapan(notice.updated ?? notice.date),
        };
      }),
      `${feedPath}: the entries`,
    );
    for (const item of feed.items) {
      const answer = await fetch(at(new URL(item.url).pathname));
      assert.equal(answer.status, 200, `${item.url} answers`);
    }
  }
  // The cache rules are the HTML's, revalidated at every visit, in few rules: Cloudflare Pages
  // reads 100 at most.
  const host = await staticHost({ dist: FIXTURE_DIST, applyHeaders: true });
  try {
    for (const path of ['/notices/atom.xml', '/ja/notices/atom.xml', NOTICES[0].en.path, '/']) {
      const answer = await fetch(new URL(path.slice(1), host.url));
      assert.equal(answer.headers.get('cache-control'), 'no-cache', `${path}: revalidated`);
    }
  } finally {
    await host.close();
  }
  const rules = readFileSync(join(FIXTURE_DIST, '_headers'), 'utf8').match(/^\S.*$/gm);
  assert.ok(rules.length <= 100, `_headers has ${rules.length} rules`);
});

test('sitemap.xml lists every notice with the day it last changed, and every page of the list', () => {
  const xml = readFileSync(join(FIXTURE_DIST, 'sitemap.xml'), 'utf8');
  const entries = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, body]) => ({
    path: new URL(body.match(/<loc>([^<]+)<\/loc>/)[1]).pathname,
    lastmod: body.match(/<lastmod>([^<]+)<\/lastmod>/)?.[1],
  }));
  for (const notice of NOTICES) {
    for (const lang of EDITIONS) {
      const entry = entries.find(({ path }) => path === notice[lang].path);
      assert.ok(entry, `${notice[lang].path} is listed`);
      assert.equal(entry.lastmod, notice[lang].updated ?? notice[lang].date, `${notice[lang].path}: lastmod`);
    }
  }
  for (const path of [...listPages('en'), ...listPages('ja')]) {
    assert.ok(
      entries.some((entry) => entry.path === path),
      `${path} is listed`,
    );
  }
});

test('a notice is fetched on intent and drawn by the app after a click, as are the later pages of the list', async () => {
  const page = await site.browser.newPage();
  const seen = watch(page);
  try {
    await page.goto(at('/notices/'));
    await waitForApp(page);
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    const notice = NOTICES[4].en;
    const link = page.locator(`main a[href="${notice.path}"]`);
    const dataFile = at(`${notice.path}page.bin`);
    const fetched = page.waitForRequest((request) => request.url() === dataFile);
    await link.hover();
    await fetched;
    await link.click();
    await page.waitForFunction((title) => document.querySelector('main h1')?.textContent === title, notice.title);
    await page.locator('nav.sc-breadcrumbs a').nth(1).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Notices');
    await page.locator('nav.sc-pagination a[rel=next]').click();
    await page.waitForFunction(
      () =>
        document.querySelectorAll('main .sc-notices__item').length > 0 &&
        /2/.test(document.querySelector('main h1').textContent),
    );
    assert.equal(await page.locator('main .sc-notices__item').count(), NOTICES.length - PER_PAGE);
    assert.ok(await page.evaluate(() => window.__sameDocument), 'every page was drawn by the app');
    assert.equal(new URL(page.url()).pathname, '/notices/page/2/');
    assert.deepEqual(seen.pageErrors, []);
    assert.deepEqual(seen.consoleErrors, []);
  } finally {
    await page.close();
  }
});

test('with no notice, as on the live site, no list, feed, home-page heading or navigation link is published', async () => {
  assert.ok(!existsSync(join(DIST, 'notices')), 'dist/ has no notices/');
  const host = await staticHost();
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    for (const path of ['/notices/', '/notices/atom.xml', '/ja/notices/', '/ja/notices/atom.xml']) {
      assert.equal((await fetch(new URL(path.slice(1), host.url))).status, 404, path);
    }
    const sitemap = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
    assert.ok(!sitemap.includes('/notices/'), 'sitemap.xml lists no notice');
    for (const path of ['/', '/ja/']) {
      await page.goto(new URL(path.slice(1), host.url).href);
      const found = await page.evaluate(listed);
      assert.equal(found.latestHeading, undefined, `${path}: no heading of notices`);
      assert.equal(found.feed, undefined, `${path}: no feed in the head`);
      assert.ok(!found.navigation.some((href) => href.includes('notices')), `${path}: no list in the navigation`);
    }
  } finally {
    await context.close();
    await host.close();
  }
});
