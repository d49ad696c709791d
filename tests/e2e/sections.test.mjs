// Sections of dated posts (content/NAME/ with its _index files): on the fixture site, whose
// notices fill two pages of their list and whose second section, events, three, every section's
// posts are listed newest first with their dates as their edition writes them, each has its
// page, and a section with a feed has it in each edition; under /sub/, built before anything is
// posted, nothing of any section is published. Addresses, orders and words come from the build's
// manifest; dates are written out here with the browser's own Intl.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { watch, waitForApp } from './support/browser.mjs';
import { useSiteInBrowser } from './support/session.mjs';
import { DIST, parseHeadersFile, staticHost } from './support/server.mjs';
import { FIXTURE_CONTENT, FIXTURE_DIST, bodyFragments } from './support/content.mjs';
import { manifestOf, pathIn, postsOf, sectionsWithPosts } from './support/manifest.mjs';
import { pagePaths, publishedOrigin, routesWithNotFound } from './support/site.mjs';

const SUB_DIST = new URL('../../target/dist-sub/', import.meta.url).pathname;

const site = useSiteInBrowser(() => {
  assert.ok(existsSync(join(FIXTURE_DIST, 'index.html')), 'build the fixture site first (.ci/test does)');
  return staticHost({ dist: FIXTURE_DIST });
});
const { at } = site;
const EDITIONS = ['en', 'ja'];
const MANIFEST = manifestOf(FIXTURE_DIST);
const SECTIONS = sectionsWithPosts(FIXTURE_DIST);
const POSTS = new Map(postsOf(FIXTURE_DIST).map((post) => [post.slug, post]));
/** Where a section's list pages are in an edition: `/notices/`, `/notices/page/2/`, …. */
const listPaths = (section, lang) => section.list_pages.map(({ slug }) => pathIn(lang, slug));
/** A string of the manifest with its `{name}` parts filled in. */
const fill = (template, values) =>
  Object.entries(values).reduce((text, [name, value]) => text.replaceAll(`{${name}}`, String(value)), template);
/** The `<title>` of a page headed `heading`. */
const titled = (heading, lang) => `${heading} | ${MANIFEST.strings[lang].name}`;

// The tests are of every section, so that a rule that holds for one kind of post only fails.
if (SECTIONS.length < 2) throw new Error(`${FIXTURE_DIST}: the fixture has two sections with posts`);

let written;
/**
 * Resolves to `shown(day, lang)`, a post's day as its edition writes it (`1 December 2026`,
 * `2026年12月1日`), by the browser's own Intl.
 */
async function daysAsWritten() {
  written ??= (async () => {
    const page = await site.browser.newPage();
    const days = [...POSTS.values()].flatMap(({ published, updated }) => [published, updated]).filter(Boolean);
    try {
      return new Map(
        await page.evaluate(
          ({ days, editions }) =>
            editions.flatMap((lang) =>
              days.map((day) => [
                `${lang} ${day}`,
                new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
                  day: 'numeric',
                  month: 'long',
                  year: 'numeric',
                  timeZone: 'UTC',
                }).format(new Date(`${day}T00:00:00Z`)),
              ]),
            ),
          { days, editions: EDITIONS },
        ),
      );
    } finally {
      await page.close();
    }
  })();
  const map = await written;
  return (day, lang) => map.get(`${lang} ${day}`);
}

/** A post in a list as the page shows it, expected, its title a heading `heading`. */
const item = (slug, lang, heading, shown) => {
  const post = POSTS.get(slug);
  return {
    path: pathIn(lang, slug),
    title: post.title[lang],
    heading,
    datetime: post.published,
    date: shown(post.published, lang),
    description: post.description[lang],
  };
};

let noScript;
/**
 * A page as served with JavaScript off, by `host`: its status and what `read` gives of it. One
 * tab reads them all, in turn, as a new one for each would take several times as long.
 */
async function served(path, read = readPage, host = site.host) {
  noScript ??= site.browser.newContext({ javaScriptEnabled: false }).then((context) => context.newPage());
  const page = await noScript;
  const response = await page.goto(new URL(path.slice(1), host.url).href);
  return { status: response.status(), ...(await page.evaluate(read)) };
}

/** What a page shows of sections: run in the page. */
function readPage() {
  const main = document.querySelector('main');
  const posts = (root) =>
    [...root.querySelectorAll('.sc-posts__item')].map((element) => ({
      path: element.querySelector('.sc-posts__title a').getAttribute('href'),
      title: element.querySelector('.sc-posts__title').textContent,
      heading: element.querySelector('.sc-posts__title').tagName,
      datetime: element.querySelector('.sc-posts__date time').getAttribute('datetime'),
      date: element.querySelector('.sc-posts__date time').textContent,
      description: element.querySelector('.sc-posts__description').textContent,
    }));
  const textBetween = (from, to) => {
    const range = document.createRange();
    range.setStartAfter(from);
    if (to) range.setEndBefore(to);
    else range.setEndAfter(main.lastChild);
    return range.toString().trim();
  };
  const list = main.querySelector('.sc-posts:not(.sc-latest *)');
  const pagination = document.querySelector('nav.sc-pagination');
  const latest = [...main.querySelectorAll('section.sc-latest')];
  return {
    title: document.title,
    h1: main.querySelector('h1').textContent,
    posts: list ? posts(list) : [],
    // What stands between the heading and the list: the section's introduction.
    introduction: list ? textBetween(main.querySelector('h1'), list) : null,
    pagination: pagination && {
      label: pagination.getAttribute('aria-label'),
      links: [...pagination.querySelectorAll('a')].map((link) => ({
        text: link.textContent,
        label: link.getAttribute('aria-label'),
        href: link.getAttribute('href'),
        rel: link.getAttribute('rel'),
        current: link.getAttribute('aria-current'),
      })),
    },
    crumbs: [...document.querySelectorAll('.sc-breadcrumbs li')].map((crumb) => ({
      href: crumb.querySelector('a')?.getAttribute('href') ?? null,
      text: crumb.textContent,
      current: crumb.getAttribute('aria-current'),
    })),
    dates: [...main.querySelectorAll('dl.sc-dates dt')].map((term) => ({
      label: term.textContent,
      datetime: term.nextElementSibling.querySelector('time').getAttribute('datetime'),
      date: term.nextElementSibling.querySelector('time').textContent,
    })),
    other: document.querySelector('.sc-header__language')?.getAttribute('href'),
    articles: [...document.querySelectorAll('script[type="application/ld+json"]')]
      .map((script) => JSON.parse(script.textContent))
      .filter((data) => data['@type'] === 'Article'),
    latest: latest.map((section) => {
      const heading = section.querySelector('.sc-latest__heading');
      return {
        labelledBy: document.getElementById(section.getAttribute('aria-labelledby'))?.textContent,
        heading: `${heading.tagName} ${heading.textContent}`,
        posts: posts(section),
        all: section.querySelector('.sc-latest__all a')?.getAttribute('href'),
        allText: section.querySelector('.sc-latest__all a')?.textContent,
      };
    }),
    // The newest come after the page's own text and nothing comes after them.
    latestFollowText: latest.length > 0 && textBetween(main.querySelector('h1'), latest[0]).length > 0,
    afterLatest: latest.length > 0 ? textBetween(latest.at(-1)) : null,
    navigation: [...document.querySelectorAll('nav.sc-nav a')].map((link) => link.getAttribute('href')),
    current: [...document.querySelectorAll('nav.sc-nav a[aria-current]')].map((link) => [
      link.getAttribute('href'),
      link.getAttribute('aria-current'),
    ]),
    feeds: [...document.querySelectorAll('head link[rel=alternate][type="application/atom+xml"]')].map((link) => ({
      href: link.getAttribute('href'),
      title: link.getAttribute('title'),
    })),
  };
}

test('each section lists its posts newest first, as many a page as it says, each linking to its page with its title, date and description as its edition writes them', async () => {
  const shown = await daysAsWritten();
  for (const section of SECTIONS) {
    for (const lang of EDITIONS) {
      const paths = listPaths(section, lang);
      assert.ok(paths.length >= 2, `${section.slug}: the fixture fills more than one page of the list`);
      const listed = [];
      for (const [index, path] of paths.entries()) {
        const page = await served(path);
        assert.equal(page.status, 200, path);
        assert.deepEqual(
          page.posts,
          section.list_pages[index].posts.map((slug) => item(slug, lang, 'H2', shown)),
          `${path}: the posts, in order`,
        );
        assert.ok(page.posts.length <= section.settings.paginate_by, `${path}: at most paginate_by posts`);
        listed.push(...page.posts);
      }
      // Every post once, newest first (by the day published; the list's own order on a tie).
      assert.deepEqual(
        listed.map(({ path }) => path),
        section.posts.map(({ slug }) => pathIn(lang, slug)),
        `${section.slug} (${lang}): every post once`,
      );
      const days = listed.map(({ datetime }) => datetime);
      assert.deepEqual(days, [...days].sort().reverse(), `${section.slug} (${lang}): newest first`);
    }
  }
});

test("each list page is headed by its section's title, a later one saying which page of how many, with breadcrumbs home", async () => {
  for (const section of SECTIONS) {
    for (const lang of EDITIONS) {
      const paths = listPaths(section, lang);
      const { title } = section.words[lang];
      for (const [index, path] of paths.entries()) {
        const page = await served(path);
        const heading =
          index === 0
            ? title
            : fill(MANIFEST.lists[lang].list_page_title, { title, page: index + 1, pages: paths.length });
        assert.equal(page.h1, heading, `${path}: the heading names the page`);
        assert.equal(page.title, titled(heading, lang), `${path}: the title`);
        const home = { href: pathIn(lang, ''), text: MANIFEST.strings[lang].home_crumb, current: null };
        const here = { href: null, text: heading, current: 'page' };
        assert.deepEqual(
          page.crumbs,
          index === 0 ? [home, here] : [home, { href: paths[0], text: title, current: null }, here],
          `${path}: the breadcrumbs`,
        );
      }
    }
  }
});

test("the pages of a list link to each other (previous, each page by its label, next) under the section's label; the first has one address and none is past the last", async () => {
  for (const section of SECTIONS) {
    for (const lang of EDITIONS) {
      const paths = listPaths(section, lang);
      const words = MANIFEST.lists[lang];
      for (const [index, path] of paths.entries()) {
        const { pagination } = await served(path);
        const link = (text, href, rel) => ({ text, label: null, href, rel, current: null });
        const numbers = paths.map((href, number) => ({
          text: String(number + 1),
          label: fill(words.list_page_label, { page: number + 1 }),
          href,
          rel: null,
          current: number === index ? 'page' : null,
        }));
        assert.deepEqual(
          pagination,
          {
            label: section.words[lang].pagination_label,
            links: [
              ...(index > 0 ? [link(words.previous_page, paths[index - 1], 'prev')] : []),
              ...numbers,
              ...(index < paths.length - 1 ? [link(words.next_page, paths[index + 1], 'next')] : []),
            ],
          },
          `${path}: the links between the list's pages`,
        );
      }
      for (const path of [`${paths[0]}page/1/`, `${paths[0]}page/${paths.length + 1}/`]) {
        assert.equal((await served(path, () => ({}))).status, 404, path);
      }
    }
  }
});

test("a section's introduction stands between the heading and the list on each of its list pages; a section without one shows nothing there", async () => {
  const introduced = [];
  for (const section of SECTIONS) {
    for (const lang of EDITIONS) {
      const file = join(FIXTURE_CONTENT, section.slug, lang === 'ja' ? '_index.ja.md' : '_index.md');
      const fragments = bodyFragments(file);
      if (fragments.length > 0) introduced.push(file);
      for (const path of listPaths(section, lang)) {
        const { introduction } = await served(path);
        if (fragments.length === 0) assert.equal(introduction, '', `${path}: nothing above the list`);
        for (const fragment of fragments) {
          assert.ok(introduction.includes(fragment), `${path}: "${fragment}" above the list`);
        }
      }
    }
  }
  assert.ok(introduced.length > 0, 'a section of the fixture has an introduction');
  assert.ok(introduced.length < SECTIONS.length * EDITIONS.length, 'a section of the fixture has none');
});

test("each post's page has its title, its dates labelled in <time datetime>, breadcrumbs through its list, the other edition's same post, and its Article data", async () => {
  const shown = await daysAsWritten();
  assert.ok(
    [...POSTS.values()].some(({ updated }) => updated),
    'a post of the fixture was updated',
  );
  for (const post of POSTS.values()) {
    for (const lang of EDITIONS) {
      const path = pathIn(lang, post.slug);
      const title = post.title[lang];
      const { section } = post;
      const page = await served(path);
      assert.equal(page.status, 200, path);
      assert.equal(page.h1, title, `${path}: heading`);
      assert.equal(page.title, titled(title, lang), `${path}: title`);
      const words = MANIFEST.lists[lang];
      assert.deepEqual(
        page.dates,
        [
          [words.published, post.published],
          [words.updated, post.updated],
        ]
          .filter(([, day]) => day)
          .map(([label, day]) => ({ label, datetime: day, date: shown(day, lang) })),
        `${path}: published, and updated if it was`,
      );
      assert.deepEqual(
        page.crumbs,
        [
          { href: pathIn(lang, ''), text: MANIFEST.strings[lang].home_crumb, current: null },
          { href: pathIn(lang, section.slug), text: section.words[lang].title, current: null },
          { href: null, text: title, current: 'page' },
        ],
        `${path}: Home › the list › the post`,
      );
      assert.equal(page.other, pathIn(lang === 'ja' ? 'en' : 'ja', post.slug), `${path}: the language switch`);
      assert.equal(page.articles.length, 1, `${path}: one Article`);
      const [article] = page.articles;
      assert.deepEqual(
        {
          headline: article.headline,
          description: article.description,
          inLanguage: article.inLanguage,
          datePublished: article.datePublished,
          dateModified: article.dateModified,
          path: new URL(article.url).pathname,
          publisher: article.publisher?.name,
        },
        {
          headline: title,
          description: post.description[lang],
          inLanguage: lang,
          datePublished: post.published,
          dateModified: post.updated ?? undefined,
          path,
          publisher: MANIFEST.strings[lang].organisation,
        },
        `${path}: the Article`,
      );
    }
  }
});

test('the home page ends with the newest posts of each section that asks for them, in section order, each under its heading with a link to its list', async () => {
  const shown = await daysAsWritten();
  const shownOnHome = SECTIONS.filter((section) => section.settings.latest_on_home_page > 0);
  assert.ok(shownOnHome.length >= 2, 'the fixture has two sections on the home page');
  for (const lang of EDITIONS) {
    const home = pathIn(lang, '');
    const page = await served(home);
    assert.deepEqual(
      page.latest,
      shownOnHome.map((section) => ({
        labelledBy: section.words[lang].latest_heading,
        heading: `H2 ${section.words[lang].latest_heading}`,
        posts: section.posts
          .slice(0, section.settings.latest_on_home_page)
          .map(({ slug }) => item(slug, lang, 'H3', shown)),
        all: pathIn(lang, section.slug),
        allText: section.words[lang].all_posts_link,
      })),
      `${home}: the newest of each section`,
    );
    assert.ok(page.latestFollowText, `${home}: the newest come after the page's text`);
    assert.equal(page.afterLatest, '', `${home}: nothing after the newest`);
  }
});

/** What every page of the fixture, Not Found included, shows, read once. */
let everyPage;
const readEveryPage = async () => {
  everyPage ??= (async () => {
    const pages = [];
    for (const path of routesWithNotFound(FIXTURE_DIST)) {
      const { navigation, current, feeds } = await served(path);
      pages.push({ path, lang: path.startsWith('/ja/') ? 'ja' : 'en', navigation, current, feeds });
    }
    return pages;
  })();
  return everyPage;
};

test("every page's navigation lists each section with posts in its place among the pages, the sections by weight, and marks the page or the section it is in", async () => {
  const listed = MANIFEST.pages.filter((page) => page.listed_in === 'navigation').map(({ slug }) => slug);
  const inNavigation = SECTIONS.filter((section) => section.settings.listed_in === 'navigation');
  assert.ok(inNavigation.length >= 2, 'the fixture has two sections in the navigation');
  for (const section of inNavigation) assert.ok(listed.includes(section.slug), `${section.slug} is in the navigation`);
  const places = inNavigation.map((section) => [listed.indexOf(section.slug), section.settings.weight]);
  assert.deepEqual(
    places.map(([, weight]) => weight),
    [...places].sort(([a], [b]) => a - b).map(([, weight]) => weight),
    'the sections are in the navigation in the order of their weights',
  );
  for (const { path, lang, navigation, current } of await readEveryPage()) {
    assert.deepEqual(
      navigation,
      listed.map((slug) => pathIn(lang, slug)),
      `${path}: the navigation`,
    );
    // The page itself where the navigation lists it; else the section a post or a later list
    // page is inside.
    const inside = inNavigation.map((section) => pathIn(lang, section.slug)).find((list) => path.startsWith(list));
    assert.deepEqual(
      current,
      navigation.includes(path) ? [[path, 'page']] : inside ? [[inside, 'true']] : [],
      `${path}: what the navigation marks as current`,
    );
  }
});

test("every page names the feed of each section that has one in its head, in its edition's words, and no feed of a section that has none", async () => {
  const withFeed = SECTIONS.filter((section) => section.settings.feed);
  assert.ok(
    withFeed.length > 0 && withFeed.length < SECTIONS.length,
    'the fixture has sections with and without a feed',
  );
  for (const { path, lang, feeds } of await readEveryPage()) {
    assert.deepEqual(
      feeds,
      withFeed.map((section) => ({
        href: `${pathIn(lang, section.slug)}atom.xml`,
        title: section.words[lang].feed_title,
      })),
      `${path}: the feeds in the head`,
    );
  }
});

test("each section's feed in each edition parses and lists the posts of the first list page with their addresses, ids, dates and descriptions, each of which answers; a section without a feed has none", async () => {
  const origin = publishedOrigin(FIXTURE_DIST);
  for (const section of SECTIONS) {
    for (const lang of EDITIONS) {
      const feedPath = `${pathIn(lang, section.slug)}atom.xml`;
      const response = await fetch(at(feedPath));
      if (!section.settings.feed) {
        assert.equal(response.status, 404, `${feedPath}: no feed`);
        continue;
      }
      assert.equal(response.status, 200, feedPath);
      const feed = parseFeed(await response.text());
      assert.equal(feed.title, section.words[lang].feed_title, `${feedPath}: title`);
      assert.equal(feed.language, lang, `${feedPath}: language`);
      const startOfDayInJapan = (day) => new Date(`${day}T00:00:00+09:00`).toISOString();
      // Each entry's link and id are its post's address on the published site, which a
      // correction keeps.
      assert.deepEqual(
        feed.items.map((entry) => ({
          url: entry.url,
          id: entry.id,
          title: entry.title,
          description: entry.description,
          published: entry.published.toISOString(),
          updated: entry.updated.toISOString(),
        })),
        section.list_pages[0].posts.map((slug) => {
          const post = POSTS.get(slug);
          const address = `${origin}${pathIn(lang, slug)}`;
          return {
            url: address,
            id: address,
            title: post.title[lang],
            description: post.description[lang],
            published: startOfDayInJapan(post.published),
            updated: startOfDayInJapan(post.updated ?? post.published),
          };
        }),
        `${feedPath}: the entries`,
      );
      for (const entry of feed.items) {
        const answer = await fetch(at(new URL(entry.url).pathname));
        assert.equal(answer.status, 200, `${entry.url} answers`);
      }
    }
  }
});

test('sitemap.xml lists every post with the day it last changed, and every page of each list', () => {
  const xml = readFileSync(join(FIXTURE_DIST, 'sitemap.xml'), 'utf8');
  const entries = new Map(
    [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, body]) => [
      new URL(body.match(/<loc>([^<]+)<\/loc>/)[1]).pathname,
      body.match(/<lastmod>([^<]+)<\/lastmod>/)?.[1],
    ]),
  );
  for (const lang of EDITIONS) {
    for (const post of POSTS.values()) {
      const path = pathIn(lang, post.slug);
      assert.ok(entries.has(path), `${path} is listed`);
      assert.equal(entries.get(path), post.updated ?? post.published, `${path}: lastmod`);
    }
    for (const path of SECTIONS.flatMap((section) => listPaths(section, lang))) {
      assert.ok(entries.has(path), `${path} is listed`);
    }
  }
});

test("each section's list, posts and feed are revalidated at every visit, by one _headers rule per edition, and _headers keeps within Cloudflare Pages' 100 rules", async () => {
  const rules = parseHeadersFile(readFileSync(join(FIXTURE_DIST, '_headers'), 'utf8'));
  assert.ok(rules.length <= 100, `_headers has ${rules.length} rules`);
  const host = await staticHost({ dist: FIXTURE_DIST, applyHeaders: true });
  try {
    for (const section of SECTIONS) {
      for (const lang of EDITIONS) {
        const folder = pathIn(lang, section.slug);
        const rule = rules.filter(({ pattern }) => pattern === `${folder}*`);
        assert.equal(rule.length, 1, `${folder}*: one rule`);
        const within = rules.filter(({ pattern }) => pattern !== `${folder}*` && pattern.startsWith(folder));
        assert.deepEqual(within, [], `${folder}: no rule of its own for each file`);
        const paths = [
          ...listPaths(section, lang),
          pathIn(lang, section.posts[0].slug),
          ...(section.settings.feed ? [`${folder}atom.xml`] : []),
        ];
        for (const path of paths) {
          const answer = await fetch(new URL(path.slice(1), host.url));
          assert.equal(answer.status, 200, path);
          assert.equal(answer.headers.get('cache-control'), 'no-cache', `${path}: revalidated`);
        }
      }
    }
  } finally {
    await host.close();
  }
});

test('a post is fetched on intent and drawn by the app after a click, as are its list and the later pages of the list', async () => {
  for (const section of SECTIONS) {
    const page = await site.browser.newPage();
    const seen = watch(page);
    const heading = (text) =>
      page.waitForFunction((expected) => document.querySelector('main h1')?.textContent === expected, text);
    try {
      const [first, second] = listPaths(section, 'en');
      await page.goto(at(first));
      await waitForApp(page);
      await page.evaluate(() => {
        window.__sameDocument = true;
      });
      const post = POSTS.get(section.list_pages[0].posts.at(-1));
      const path = pathIn('en', post.slug);
      const link = page.locator(`main a[href="${path}"]`);
      const fetched = page.waitForRequest((request) => request.url() === at(`${path}page.bin`));
      await link.hover();
      await fetched;
      await link.click();
      await heading(post.title.en);
      assert.deepEqual(
        await page
          .locator('nav.sc-nav a[aria-current]')
          .evaluateAll((marked) => marked.map((a) => [a.getAttribute('href'), a.getAttribute('aria-current')])),
        section.settings.listed_in === 'navigation' ? [[first, 'true']] : [],
        `${path}: the navigation marks its section`,
      );
      await page.locator('nav.sc-breadcrumbs a').nth(1).click();
      await heading(section.words.en.title);
      await page.locator('nav.sc-pagination a[rel=next]').click();
      const pages = section.list_pages.length;
      await heading(fill(MANIFEST.lists.en.list_page_title, { title: section.words.en.title, page: 2, pages }));
      assert.deepEqual(
        await page
          .locator('main .sc-posts__item .sc-posts__title a')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
        section.list_pages[1].posts.map((slug) => pathIn('en', slug)),
        `${second}: its posts`,
      );
      assert.ok(await page.evaluate(() => window.__sameDocument), 'every page was drawn by the app');
      assert.equal(new URL(page.url()).pathname, second);
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(seen.consoleErrors, []);
    } finally {
      await page.close();
    }
  }
});

test('with no post, as under /sub/ before anything is posted, no section publishes a list, feed, feed link, navigation entry or newest', async () => {
  const { sections } = manifestOf(SUB_DIST);
  assert.ok(sections.length > 0, 'the content has a section');
  assert.deepEqual(
    sections.filter((section) => section.posts.length > 0).map(({ slug }) => slug),
    [],
    'the build under /sub/ has no post',
  );
  const host = await staticHost({ dist: SUB_DIST, base: '/sub' });
  try {
    const folders = sections.flatMap((section) => EDITIONS.map((lang) => `/sub${pathIn(lang, section.slug)}`));
    for (const folder of folders) {
      for (const path of [folder, `${folder}atom.xml`]) {
        assert.equal((await fetch(new URL(path, host.origin))).status, 404, path);
      }
    }
    const sitemap = pagePaths(SUB_DIST);
    const rules = parseHeadersFile(readFileSync(join(SUB_DIST, '_headers'), 'utf8')).map(({ pattern }) => pattern);
    for (const folder of folders) {
      assert.ok(!sitemap.some((path) => path.startsWith(folder)), `sitemap.xml lists nothing in ${folder}`);
      assert.ok(!rules.some((pattern) => pattern.startsWith(folder)), `_headers: no rule for ${folder}`);
    }
    for (const path of sitemap) {
      const page = await served(path.slice('/sub'.length), readPage, host);
      assert.deepEqual(page.feeds, [], `${path}: no feed in the head`);
      assert.deepEqual(page.latest, [], `${path}: no newest posts`);
      for (const folder of folders) {
        assert.ok(!page.navigation.includes(folder), `${path}: no ${folder} in the navigation`);
      }
    }
  } finally {
    await host.close();
  }
});

test('on the live site a section publishes its list exactly when it has posts', async () => {
  const host = await staticHost();
  try {
    for (const section of manifestOf(DIST).sections) {
      for (const lang of EDITIONS) {
        const path = pathIn(lang, section.slug);
        const { status } = await fetch(new URL(path.slice(1), host.url));
        assert.equal(status, section.posts.length > 0 ? 200 : 404, `${path}: ${section.posts.length} posts`);
      }
    }
  } finally {
    await host.close();
  }
});
