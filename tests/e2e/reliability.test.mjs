// Reliability (issue 7): bad URLs end on the right page or Not Found, on the static host and on
// `trunk serve`; a wasm that fails to load leaves a readable site; a panic shows the notice and
// keeps the page; nothing leaves the origin; the prerendered HTML is valid and its links resolve;
// the app survives 1000 client navigations.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { watch, waitForApp } from './support/browser.mjs';
import { filesUnder } from './support/files.mjs';
import { useBrowser } from './support/session.mjs';
import { staticHost, DIST } from './support/server.mjs';
import { trunkServe } from './support/trunk.mjs';
import { pagePaths, routesWithNotFound, headingIn, headingOf, titleOf, missingFromMain } from './support/site.mjs';
import { CORPUS, NOT_FOUND, NOT_FOUND_JA, REJECTED, outcomeOn, describeEntry } from './support/corpus.mjs';
import { navigationPages } from './support/content.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

const session = useBrowser();

// ---------------------------------------------------------------------------------------------
// What the build says each outcome looks like.

function isPage(outcome) {
  return outcome.startsWith('/');
}

/** Everything a page loaded or went to that is not on `origin`. */
function offOrigin(urls, origin) {
  return urls.filter((url) => !url.startsWith(`${origin}/`));
}

/** Links on the page a visitor could follow to another origin (telephone links excepted). */
async function linksOffOrigin(page, origin) {
  const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => a.href));
  return offOrigin(
    hrefs.filter((href) => !href.startsWith('tel:')),
    origin,
  );
}

// ---------------------------------------------------------------------------------------------
// 1. Bad URLs.

/**
 * Opens `origin + path` in a fresh page and records what happened: the document's status and
 * heading as served, every main-frame navigation, and the page's errors and requests.
 */
async function open(origin, path) {
  const page = await session.browser.newPage();
  const seen = watch(page);
  const visit = { page, seen, documents: [] };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visit.documents.push(frame.url());
  });
  // A refused request ends in the browser's own error page, which `goto` reports as a throw;
  // its status is then only seen here.
  page.on('response', (response) => {
    if (response.request().isNavigationRequest()) visit.status = response.status();
  });
  const response = await page.goto(origin + path).catch(() => null);
  if (response) {
    visit.status = response.status();
    visit.servedHeading = headingIn(await response.text());
  }
  return visit;
}

/** Checks one corpus entry against a host. `strict`: the host serves real files and statuses. */
async function checkEntry(origin, dist, entry, host, { strict }) {
  const outcome = outcomeOn(entry, host);
  const visit = await open(origin, entry.path);
  const { page, seen } = visit;
  try {
    if (outcome === REJECTED) {
      assert.ok(visit.status >= 400 && visit.status !== 404, `an error status, got ${visit.status}`);
      if (strict) assert.equal(visit.status, entry.status);
      // The browser shows its own error page instead.
      await page.waitForURL(/^chrome-error:/);
      assert.equal(await page.locator('main').count(), 0, 'no site content');
      assert.deepEqual(seen.pageErrors, []);
      const unexpected = seen.consoleErrors.filter((e) => !e.includes(`status of ${visit.status}`));
      assert.deepEqual(unexpected, [], 'only the refused document is reported');
      assert.deepEqual(offOrigin(seen.requests, origin), []);
      return;
    }
    await waitForApp(page);
    const expected = headingOf(outcome, dist);
    const shown = await page.locator('main h1').textContent();
    if (strict) {
      // What the server sent is what the visitor reads without JavaScript and what crawlers
      // index: the app must not turn it into something else.
      assert.equal(
        shown,
        visit.servedHeading,
        `the app shows "${shown}" over the served "${visit.servedHeading}" (status ${visit.status})`,
      );
      assert.equal(visit.status, entry.status ?? (isPage(outcome) ? 200 : 404), 'status');
    }
    assert.equal(shown, expected, 'the page shown');
    assert.equal(await page.locator('h1').count(), 1, 'one h1');
    assert.deepEqual(seen.pageErrors, [], 'page errors');
    assert.deepEqual(seen.consoleErrors, [], 'console errors');
    assert.deepEqual(offOrigin(seen.requests, origin), [], 'requests to another origin');
    assert.deepEqual(offOrigin(visit.documents, origin), [], 'navigations to another origin');
    assert.deepEqual(await linksOffOrigin(page, origin), [], 'links to another origin');
  } finally {
    await page.close();
  }
}

test('the corpus has at least 40 bad URLs and every group of the issue', () => {
  assert.ok(CORPUS.length >= 40, `${CORPUS.length} URLs`);
  const groups = new Set(CORPUS.map((entry) => entry.group));
  for (const group of ['unknown', 'slashes', 'case', 'percent', 'long', 'query', 'other host', 'ja']) {
    assert.ok(groups.has(group), group);
  }
});

test('bad URLs on the static host end on the right page or Not Found, as served', async (t) => {
  const host = await staticHost();
  try {
    for (const entry of CORPUS) {
      await t.test(describeEntry(entry, 'static'), () =>
        checkEntry(host.origin, DIST, entry, 'static', { strict: true }),
      );
    }
  } finally {
    await host.close();
  }
});

// ---------------------------------------------------------------------------------------------
// 2. Broken loads and panics.

/** Trunk's wasm-bindgen JS glue and wasm, by their hashed names. */
const GLUE = /\/sendai_cluster-[0-9a-f]+\.js$/;
const WASM = /\/sendai_cluster-[0-9a-f]+_bg\.wasm$/;

/**
 * Ways to break the app's load. Each installs its routes on `page`, says whether it needs the
 * `_headers` policy served, and what the browser reports once the load has failed, so that the
 * test waits for the failure itself rather than for time to pass.
 */
const BREAKAGES = [
  // A missing wasm (404) is tested in every engine (engines.test.mjs); its body fails the
  // integrity check as wrong bytes do.
  {
    name: 'the wasm is the wrong bytes',
    install: (page) =>
      page.route(WASM, (route) =>
        route.fulfill({ status: 200, contentType: 'application/wasm', body: 'this is not wasm' }),
      ),
    failure: { event: 'pageerror', pattern: /Failed to fetch/ },
  },
  {
    name: "the CSP does not allow wasm ('wasm-unsafe-eval' dropped)",
    applyHeaders: true,
    install: (page) =>
      page.route(
        (url) => !/\.\w+$/.test(url.pathname) || url.pathname.endsWith('.html'),
        async (route) => {
          const response = await route.fetch();
          const headers = response.headers();
          headers['content-security-policy'] = headers['content-security-policy'].replace(" 'wasm-unsafe-eval'", '');
          await route.fulfill({ response, headers });
        },
      ),
    failure: { event: 'pageerror', pattern: /CompileError: .*Content Security policy/ },
  },
  {
    name: 'the JS glue does not match its integrity hash (one byte changed)',
    install: (page) =>
      page.route(GLUE, async (route) => {
        const response = await route.fetch();
        const body = await response.body();
        // The last byte is a newline; a space keeps the script valid, so only the hash can stop it.
        body[body.length - 1] = 0x20;
        await route.fulfill({ response, body });
      }),
    failure: { event: 'console', pattern: /valid digest in the 'integrity' attribute/ },
  },
];

/** Resolves with the text of the next console error or page error (`event`) matching `pattern`. */
async function failureOf(page, { event, pattern }) {
  const text = (payload) => (event === 'console' ? payload.text() : String(payload));
  const payload = await page.waitForEvent(event, {
    predicate: (p) => (event !== 'console' || p.type() === 'error') && pattern.test(text(p)),
  });
  return text(payload);
}

/** Asserts the prerendered page at `path` is all there and nothing pretends to be loading. */
async function assertReadable(page, dist, path) {
  assert.equal(await page.title(), titleOf(path, dist), `${path}: title`);
  assert.equal(await page.locator('main h1').textContent(), headingOf(path, dist), `${path}: h1`);
  assert.ok(await page.locator('main h1').isVisible(), `${path}: h1 visible`);
  assert.deepEqual(
    missingFromMain(await page.locator('main').innerText(), path, dist),
    [],
    `${path}: main has its text`,
  );
  assert.ok(await page.locator('footer address').isVisible(), `${path}: footer address visible`);
  const busy = await page.evaluate(() => [
    ...[...document.querySelectorAll('[aria-busy="true"]')].map((el) => el.outerHTML.slice(0, 80)),
    ...[...document.querySelectorAll('body *')]
      .filter((el) => /^loading\b/i.test(el.textContent.trim()) && el.children.length === 0)
      .map((el) => el.outerHTML.slice(0, 80)),
  ]);
  assert.deepEqual(busy, [], `${path}: nothing spins`);
}

test('when the app cannot load, every page stays readable and its links work', async (t) => {
  for (const breakage of BREAKAGES) {
    await t.test(breakage.name, async () => {
      const host = await staticHost({ applyHeaders: Boolean(breakage.applyHeaders), dist: DIST });
      const page = await session.browser.newPage();
      try {
        await breakage.install(page);
        for (const path of pagePaths()) {
          const failed = failureOf(page, breakage.failure);
          await page.goto(new URL(path.slice(1), host.url).href);
          await failed;
          assert.equal(
            await page.evaluate(() => document.documentElement.dataset.app),
            undefined,
            `${path}: the app did not start`,
          );
          await assertReadable(page, DIST, path);

          // Without the app a link is an ordinary link: the next page is a full page load.
          const link = page.locator('nav.sc-nav a:not([aria-current])').first();
          const next = await link.getAttribute('href');
          await page.evaluate(() => {
            window.__samePage = true;
          });
          const nextFailed = failureOf(page, breakage.failure);
          await link.click();
          await page.waitForURL(new URL(next.slice(1), host.url).href);
          await nextFailed;
          assert.equal(await page.evaluate(() => window.__samePage), undefined, `${path} → ${next}: a page load`);
          await assertReadable(page, DIST, next);
        }
      } finally {
        await page.close();
        await host.close();
      }
    });
  }
});

/**
 * Makes the running app at `url` panic without changing the app: leptos_router unwraps the
 * result of history.pushState, so a pushState that throws panics on the next link click.
 * Resolves with the panic message once the notice is up.
 */
async function panicAt(page, url) {
  await page.goto(url);
  await waitForApp(page);
  await page.evaluate(() => {
    history.pushState = () => {
      throw new Error('pushState refused by the test');
    };
  });
  const logged = failureOf(page, { event: 'console', pattern: /panicked at/ });
  await page.locator('nav.sc-nav a:not([aria-current])').first().click();
  await page.locator('.sc-error-notice').waitFor();
  return logged;
}

test('a stale copy of the wasm under its name (it fails the integrity check) is fetched again, and the app starts', async () => {
  const host = await staticHost({ dist: DIST });
  const page = await session.browser.newPage();
  const requests = [];
  await page.route(WASM, (route) => {
    requests.push(route.request().url());
    if (requests.length === 1) {
      return route.fulfill({ status: 200, contentType: 'application/wasm', body: 'the previous build' });
    }
    return route.continue();
  });
  await page.goto(host.url);
  await waitForApp(page);
  assert.equal(requests.length, 2, 'fetched twice');
  await page.close();
  await host.close();
});

test("after a panic the notice's reload link and every other link still work", async () => {
  const host = await staticHost();
  const page = await session.browser.newPage();
  try {
    const [path] = navigationPages();
    const url = new URL(path.slice(1), host.url).href;
    const message = await panicAt(page, url);
    assert.match(message, /panicked at .*\n.*pushState refused by the test/s, 'the panic is logged');
    await page.evaluate(() => {
      window.__samePage = true;
    });
    // Either the page loads again, or the click runs into the dead app, which reports a trap.
    const reloaded = page.waitForEvent('load').then(() => 'reloaded');
    const trapped = page
      .waitForEvent('pageerror')
      .then((error) => `nothing happened: the click ran into the dead app (${error})`);
    // The one that does not come times out later, or sees the page close: not a failure.
    reloaded.catch(() => {});
    trapped.catch(() => {});
    await page.locator('.sc-error-notice a').click();
    assert.equal(await Promise.race([reloaded, trapped]), 'reloaded');
    await waitForApp(page);
    assert.equal(page.url(), url);
    assert.equal(await page.evaluate(() => window.__samePage), undefined, 'a new page load');
    assert.equal(await page.locator('.sc-error-notice').count(), 0, 'the notice is gone');
    assert.equal(await page.locator('main h1').textContent(), headingOf(path));

    // A navigation link, too, is an ordinary link once the app has stopped.
    await panicAt(page, url);
    await page.evaluate(() => {
      window.__samePage = true;
    });
    const here = new URL(page.url()).pathname;
    const next = page.locator(`nav.sc-nav a:not([href="${here}"])`).first();
    const nextPath = await next.getAttribute('href');
    await next.click();
    await page.waitForURL(new URL(nextPath.slice(1), host.url).href);
    await waitForApp(page);
    assert.equal(await page.evaluate(() => window.__samePage), undefined, 'a new page load');
    assert.equal(await page.locator('main h1').textContent(), headingOf(nextPath));
  } finally {
    await page.close();
    await host.close();
  }
});

// ---------------------------------------------------------------------------------------------
// 3. Nothing leaves the origin.

test('no request leaves the origin on any route, before or after client navigation', async () => {
  const host = await staticHost({ applyHeaders: true, dist: DIST });
  const context = await session.browser.newContext();
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('websocket', (socket) => requests.push(socket.url()));
  let navigations = 0;
  try {
    for (const route of routesWithNotFound()) {
      await page.goto(new URL(route.slice(1), host.url).href);
      await waitForApp(page);
      // Every nav link in turn, then the language switch, each from the page the last one opened.
      const links = [...(await page.locator('nav.sc-nav a').all()), page.locator('.sc-header__language')];
      for (const link of links) {
        const target = await link.getAttribute('href');
        if (new URL(page.url()).pathname === target) continue;
        await link.click();
        await page.waitForFunction((path) => location.pathname === path, target);
        navigations += 1;
      }
    }
  } finally {
    await context.close();
    await host.close();
  }
  assert.ok(navigations >= routesWithNotFound().length * 3, `${navigations} client navigations`);
  assert.ok(requests.length >= routesWithNotFound().length * 3, `${requests.length} requests seen`);
  assert.deepEqual(offOrigin(requests, host.origin), []);
});

// ---------------------------------------------------------------------------------------------
// 4. Valid output.

/**
 * Every prerendered page of `dist`: the index.html of each page and the 404.html files (not the
 * editing interface's page, `admin/index.html`, which is no page of the site).
 */
function prerenderedFiles(dist) {
  return filesUnder(dist)
    .filter((file) => /(^|\/)(index|404)\.html$/.test(file) && !file.startsWith('admin/'))
    .map((file) => `/${file}`);
}

test('every prerendered page is valid HTML (html-validate, recommended rules)', async (t) => {
  // The repository's .htmlvalidate.json (the recommended rules, with the exceptions it explains).
  const validator = new HtmlValidate(JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8')));
  const files = prerenderedFiles(DIST);
  assert.equal(files.length, pagePaths().length + 2, 'every page and both 404 pages');
  // The editing interface's page is the site's own HTML too.
  for (const file of [...files, '/admin/index.html']) {
    await t.test(file, async () => {
      const report = await validator.validateString(readFileSync(join(DIST, file), 'utf8'), file);
      const errors = report.results
        .flatMap((result) => result.messages)
        .map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      assert.deepEqual(errors, []);
    });
  }
});

test('every same-site link and asset in the prerendered pages resolves, fragments included', () => {
  const siteOrigin = new URL(readFileSync(join(DIST, 'sitemap.xml'), 'utf8').match(/<loc>([^<]+)<\/loc>/)[1]).origin;
  const idsOf = new Map();
  const ids = (file) => {
    if (!idsOf.has(file))
      idsOf.set(
        file,
        new Set([...readFileSync(join(DIST, file), 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])),
      );
    return idsOf.get(file);
  };
  /** The file a same-site path is served from: `/x/` → x/index.html, `/x` → x or x/index.html. */
  const fileOf = (pathname) => {
    const path = decodeURIComponent(pathname).slice(1);
    const candidates = path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`];
    return candidates.find((file) => existsSync(join(DIST, file)) && statSync(join(DIST, file)).isFile());
  };
  const broken = [];
  let checked = 0;
  for (const file of prerenderedFiles(DIST)) {
    const html = readFileSync(join(DIST, file), 'utf8');
    // Links resolve against the document's <base>, as the browser resolves them.
    const pageUrl = new URL(file.replace(/index\.html$/, ''), siteOrigin);
    const base = new URL(html.match(/<base href="([^"]*)"/)?.[1] ?? pageUrl.href, pageUrl);
    for (const [, attribute, value] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
      const url = new URL(value.replaceAll('&amp;', '&'), base);
      if (url.origin !== siteOrigin) continue;
      checked += 1;
      const target = fileOf(url.pathname);
      if (!target) {
        broken.push(`${file}: ${attribute}="${value}" → no file`);
      } else if (url.hash && !ids(target).has(decodeURIComponent(url.hash.slice(1)))) {
        broken.push(`${file}: ${attribute}="${value}" → no id "${url.hash.slice(1)}" in ${target}`);
      }
    }
  }
  assert.ok(checked > prerenderedFiles(DIST).length * 10, `${checked} links checked`);
  assert.deepEqual(broken, []);
});

// ---------------------------------------------------------------------------------------------
// 6. Client stability.

/** The hrefs of the links in `html` (an attribute list's `href="…"`), entities decoded as far as paths need. */
function hrefsIn(html) {
  return [...html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)].map(([, href]) => href.replaceAll('&amp;', '&'));
}

/**
 * The links between the pages of one edition of the build, as the prerendered pages write them:
 * for each page's path, the pages of its edition it links to. A visitor can reach a page through
 * them however it is linked: the navigation, a section's list, the next page of a list.
 */
function linksBetweenPages(dist = DIST) {
  const paths = pagePaths(dist);
  const editionOf = (path) => path.startsWith('/ja/');
  return new Map(
    paths.map((path) => {
      const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
      const targets = hrefsIn(html).filter((href) => paths.includes(href) && editionOf(href) === editionOf(path));
      return [path, [...new Set(targets)]];
    }),
  );
}

/** The shortest chain of links from `from` to `to` (without `from`), or undefined when none leads there. */
function clicksBetween(links, from, to) {
  const cameFrom = new Map([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const here = queue.shift();
    if (here === to) break;
    for (const next of links.get(here) ?? []) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, here);
        queue.push(next);
      }
    }
  }
  if (!cameFrom.has(to)) return undefined;
  const chain = [];
  for (let at = to; at !== from; at = cameFrom.get(at)) chain.unshift(at);
  return chain;
}

/** The pages a navigation of the page at `path` links to, as the build wrote it: `sc-nav`, the main one, or `sc-footer__nav`. */
function navigationLinks(path, navigation, dist = DIST) {
  const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
  const navigations = [...html.matchAll(/<nav\b[^>]*class="([^"]+)"[^>]*>([\s\S]*?)<\/nav>/g)];
  return navigations
    .filter(([, names]) => names.split(' ').includes(navigation))
    .flatMap(([, , inner]) => hrefsIn(inner));
}

test('after 1000 client navigations every route still renders correctly', async () => {
  const host = await staticHost();
  const page = await session.browser.newPage();
  const seen = watch(page);
  const headings = Object.fromEntries(pagePaths().map((path) => [path, headingOf(path)]));
  const links = linksBetweenPages();
  const at = (path) => new URL(path.slice(1), host.url).href;

  /** Clicks the link and waits until the app shows the page it points to. */
  async function follow(selector) {
    // A DOM click in the page: the router's click handler sees the same event as from a mouse,
    // at a third of the cost of Playwright's actionability checks, which keeps 1000 steps short.
    const target = await page.evaluate((s) => {
      const link = document.querySelector(s);
      link.click();
      return link.getAttribute('href');
    }, selector);
    await page.waitForFunction(
      ([path, heading]) => location.pathname === path && document.querySelector('main h1')?.textContent === heading,
      [target, headings[target]],
    );
  }

  try {
    /** Loads the home page of `path`'s edition, as the language switch does, and marks it. */
    async function enterEdition(path) {
      await page.goto(at(path.startsWith('/ja/') ? '/ja/' : '/'));
      await waitForApp(page);
      await page.evaluate(() => {
        window.__samePage = true;
      });
    }
    // 500 steps through the main navigation in each edition (the language switch loads the other
    // edition as a new document): the next page each time, so every step changes the page.
    for (const home of ['/', '/ja/']) {
      const linksInNavigation = navigationLinks(home, 'sc-nav').length;
      assert.ok(linksInNavigation >= 2, `${home}: ${linksInNavigation} links in the main navigation`);
      await enterEdition(home);
      for (let step = 0; step < 500; step += 1) {
        await follow(`nav.sc-nav li:nth-child(${((step + 1) % linksInNavigation) + 1}) a`);
      }
      assert.equal(await page.evaluate(() => window.__samePage), true, `${home}: all 500 were client navigations`);
    }

    for (const path of pagePaths()) {
      const lang = path.startsWith('/ja/') ? 'ja' : 'en';
      if ((await page.evaluate(() => document.documentElement.lang)) !== lang) await enterEdition(path);
      // Each page as a visitor reaches it, by the links the build wrote: the navigation, a
      // section's list, the next page of a list.
      const here = new URL(page.url()).pathname;
      const chain = clicksBetween(links, here, path);
      assert.ok(chain, `${path}: no link leads there from ${here}`);
      for (const next of chain) await follow(`a[href="${next}"]`);
      assert.equal(await page.locator('main h1').textContent(), headings[path], path);
      assert.equal(await page.locator('h1').count(), 1, `${path}: one h1`);
      const current = await page
        .locator('nav a[aria-current="page"]')
        .evaluateAll((marked) => marked.map((a) => a.getAttribute('href')));
      const inNavigation = [...navigationLinks(path, 'sc-nav'), ...navigationLinks(path, 'sc-footer__nav')];
      assert.deepEqual(
        current,
        inNavigation.includes(path) ? [path] : [],
        `${path}: the current link is this page's, where a navigation links to it`,
      );
      assert.equal(await page.locator('head title').count(), 1, `${path}: one title`);
      assert.equal(await page.locator('head meta[name="description"]').count(), 1, `${path}: one description`);
      // The prerendered page names the published origin, the app the one it runs at: the path is what must match.
      assert.equal(
        new URL(await page.locator('head link[rel="canonical"]').getAttribute('href')).pathname,
        path,
        `${path}: canonical`,
      );
    }
    // No link leads to Not Found: in a running app a visitor reaches it by going back or forward
    // in history to such an address, which the router learns of from popstate (simulated here).
    for (const [path, outcome] of [
      ['/no-such-page/', NOT_FOUND],
      ['/ja/no-such-page/', NOT_FOUND_JA],
    ]) {
      await page.evaluate((p) => {
        history.pushState(null, '', p);
        dispatchEvent(new PopStateEvent('popstate'));
      }, path);
      await page.waitForFunction(
        (heading) => document.querySelector('main h1')?.textContent === heading,
        headingOf(outcome),
      );
      assert.equal(await page.locator('h1').count(), 1, `${path}: one h1`);
      assert.equal(await page.locator('nav a[aria-current="page"]').count(), 0, `${path}: no current link`);
      assert.equal(await page.locator('head link[rel="canonical"]').count(), 0, `${path}: no canonical`);
    }
    assert.equal(await page.evaluate(() => window.__samePage), true, 'still the same page');
  } finally {
    await page.close();
    await host.close();
  }
  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(seen.consoleErrors, []);
});

// ---------------------------------------------------------------------------------------------
// 1 (continued). The same corpus on `trunk serve`, last because it builds first.

test('bad URLs on trunk serve (SPA fallback) end on the right page or Not Found', async (t) => {
  // Only Trunk.toml is watched, so that edits to the sources during the run cannot rebuild the
  // site under the test.
  const server = await trunkServe({ dist: 'target/serve-dist', watch: ['Trunk.toml'] });
  try {
    for (const entry of CORPUS) {
      await t.test(describeEntry(entry, 'trunk serve'), () =>
        checkEntry(server.origin, server.dist, entry, 'trunk serve', { strict: false }),
      );
    }
  } finally {
    await server.close();
  }
});
