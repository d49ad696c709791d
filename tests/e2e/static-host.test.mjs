// The prerendered `dist/` on hosts that only serve files: deep links and reloads with no
// rewrite rules, at the root and under a sub-path; the `_headers` policy and its `<meta>` copy,
// in force where the host sends no headers; the brotli copies; what crawlers read. Reading with
// JavaScript off and the policy sent as a header are tested in every engine (engines.test.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { brotliDecompressSync } from 'node:zlib';
import { watch, waitForApp, recordViolations, injectInlineScript } from './support/browser.mjs';
import { navigationPages } from './support/content.mjs';
import { filesUnder } from './support/files.mjs';
import { useBrowser } from './support/session.mjs';
import { plainHttpServer, parseHeadersFile, headersFor, cacheRulesFor, DIST, SUB_DIST } from './support/server.mjs';
import { headingOf, inJapanese, pagePaths, publishedPaths } from './support/site.mjs';

const session = useBrowser();

test('deep links and reloads work on a plain file server with no rewrite rules', async () => {
  const server = await plainHttpServer();
  const page = await session.browser.newPage();
  const seen = watch(page);
  try {
    for (const path of pagePaths()) {
      const expected = headingOf(path);
      const forms = path === '/' ? ['/', '/index.html'] : [path, path.replace(/\/$/, '')];
      for (const form of forms) {
        const response = await page.goto(server.origin + form);
        assert.equal(response.status(), 200, form);
        await waitForApp(page);
        assert.equal(await page.locator('h1').textContent(), expected, form);
      }
      await page.reload();
      await waitForApp(page);
      assert.equal(await page.locator('h1').textContent(), expected, `${path} after reload`);
    }
  } finally {
    await server.close();
  }
  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(seen.consoleErrors, []);
});

test('built for a sub-path, every page, link and asset stays under it', async () => {
  assert.ok(existsSync(join(SUB_DIST, 'index.html')), 'build with --public-url /sub/ --dist target/dist-sub first');
  const root = mkdtempSync(join(tmpdir(), 'sendai-sub-'));
  symlinkSync(SUB_DIST, join(root, 'sub'));
  const server = await plainHttpServer({ dir: root });
  const page = await session.browser.newPage();
  const seen = watch(page);
  try {
    for (const path of pagePaths(SUB_DIST)) {
      assert.ok(path.startsWith('/sub/'), `sitemap entry ${path}`);
      await page.goto(server.origin + path);
      await waitForApp(page);
      assert.equal(await page.locator('h1').textContent(), headingOf(path.slice(4), SUB_DIST));
      const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href')));
      for (const href of hrefs.filter((h) => !h.startsWith('tel:') && !h.startsWith('#'))) {
        assert.ok(href.startsWith('/sub/'), `${path}: link ${href}`);
      }
    }
    const [, linked] = navigationPages();
    const japanese = inJapanese(linked);
    await page.goto(`${server.origin}/sub/`);
    await waitForApp(page);
    await page.locator(`nav.sc-nav a[href="/sub${linked}"]`).click();
    await page.waitForURL(`${server.origin}/sub${linked}`);
    await page.locator('.sc-header__language').click();
    await page.waitForURL(`${server.origin}/sub${japanese}`);
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('h1').textContent(), headingOf(japanese, SUB_DIST));
  } finally {
    await server.close();
  }
  const outside = seen.requests.filter((url) => !url.startsWith(`${server.origin}/sub/`));
  assert.deepEqual(outside, []);
  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(seen.consoleErrors, []);
});

/** The policy a `<meta>` can carry: the `_headers` one without the directives only headers carry. */
function metaPolicyOf(headerPolicy) {
  return headerPolicy
    .split('; ')
    .filter((directive) => !/^(frame-ancestors|report-uri|sandbox)\b/.test(directive))
    .join('; ');
}

test('_headers sends a policy that runs no inline script but its hashed ones, and every page carries it in a <meta>, before any script or style, all but frame-ancestors', () => {
  const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
  const headers = rules.find((rule) => rule.pattern === '/*').headers;
  const headerPolicy = headers['Content-Security-Policy'];
  assert.match(headerPolicy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(headerPolicy, /unsafe-inline/);
  assert.match(headerPolicy, /frame-ancestors 'none'/);
  assert.equal(headers['X-Content-Type-Options'], 'nosniff');
  assert.ok(headers['Referrer-Policy']);
  assert.ok(headers['Permissions-Policy']);
  assert.equal(headers['X-Frame-Options'], 'DENY');
  assert.equal(headers['Cross-Origin-Opener-Policy'], 'same-origin');
  const metaPolicy = (file) => {
    const html = readFileSync(join(DIST, file), 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)];
    assert.equal(metas.length, 1, file);
    assert.ok(metas[0].index < html.search(/<(script|style)\b/), `${file}: the policy comes first`);
    return metas[0][1];
  };
  const [admin, pages] = partition(
    filesUnder(DIST).filter((file) => file.endsWith('.html')),
    (file) => file.startsWith('admin/'),
  );
  assert.equal(pages.length, pagePaths().length + 2, 'every page and both Not Found pages');
  for (const file of pages) assert.equal(metaPolicy(file), metaPolicyOf(headerPolicy), file);
  // The editing interface's page has its own policy, the one `_headers` sends for it.
  assert.deepEqual(admin, ['admin/index.html']);
  const adminPolicy = headersFor(rules, '/admin/index.html')['Content-Security-Policy'];
  assert.notEqual(adminPolicy, headerPolicy);
  assert.equal(metaPolicy(admin[0]), metaPolicyOf(adminPolicy));
});

/** `[matching, rest]` of `items`. */
function partition(items, matches) {
  return [items.filter(matches), items.filter((item) => !matches(item))];
}

test('on a host that sends no headers, the meta policy lets the app start with no violation and blocks an injected script', async () => {
  const server = await plainHttpServer();
  const page = await session.browser.newPage();
  const seen = watch(page);
  await recordViolations(page);
  try {
    for (const path of pagePaths()) {
      const response = await page.goto(server.origin + path);
      assert.equal(response.headers()['content-security-policy'], undefined, 'the host sends no policy');
      await waitForApp(page);
      assert.deepEqual(await page.evaluate(() => window.__violations), [], path);
    }
    // sitemap.xml lists the Japanese edition last, so the page now shown is Japanese.
    const linked = inJapanese(navigationPages()[0]);
    await page.locator(`nav.sc-nav a[href="${linked}"]`).click();
    await page.waitForFunction((path) => location.pathname === path, linked);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(seen.consoleErrors, [], 'no console error while browsing');

    const ran = await injectInlineScript(page);
    assert.equal(ran, false, 'an inline script without a listed hash is blocked');
    await page.waitForFunction(() => window.__violations.some((v) => v.startsWith('script-src')));
    assert.equal(seen.consoleErrors.length, 1);
    assert.match(seen.consoleErrors[0], /violates the following Content Security Policy directive 'script-src/);
  } finally {
    await server.close();
  }
  assert.deepEqual(seen.pageErrors, []);
});

test('every text asset has a .br copy with the same content, and no .gz copy is published', () => {
  const files = filesUnder(DIST);
  const compressible = files.filter((file) => /\.(html|js|wasm|bin|css|svg|xml|txt|json)$/.test(file));
  assert.ok(compressible.length >= 12, `${compressible.length} compressible files`);
  for (const file of compressible) {
    const original = readFileSync(join(DIST, file));
    assert.ok(brotliDecompressSync(readFileSync(join(DIST, `${file}.br`))).equals(original), `${file}.br`);
  }
  // Hosts gzip for the clients that accept only gzip; .gz copies would count against their file limits.
  const gzipped = files.filter((file) => file.endsWith('.gz'));
  assert.deepEqual(gzipped, [], 'no .gz file');
  const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
  const cacheRule = (url) => {
    const found = cacheRulesFor(rules, url);
    assert.equal(found.length, 1, `${url}: one cache rule, not ${JSON.stringify(found)}`);
    return found[0];
  };
  for (const file of files.filter((f) => !f.endsWith('.br') && !f.startsWith('_headers'))) {
    assert.ok(cacheRule(`/${file}`), `cache rule for /${file}`);
  }
  // Pages are asked for again each time; the app's files, named by their hash, never change.
  assert.equal(cacheRule('/index.html'), 'no-cache', 'pages');
  const wasm = files.find((file) => file.endsWith('_bg.wasm'));
  assert.equal(cacheRule(`/${wasm}`), 'public, max-age=31536000, immutable', 'the wasm');
});

test('crawlers find a sitemap, robots.txt, a favicon, Open Graph tags and the organisation', async () => {
  const sitemap = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
  // Every page the content compiled to, in both editions: its pages, and each section's lists
  // and posts once it has any.
  assert.deepEqual([...pagePaths()].sort(), [...publishedPaths()].sort());
  assert.match(readFileSync(join(DIST, 'robots.txt'), 'utf8'), /^Sitemap: .*\/sitemap\.xml$/m);
  assert.match(sitemap, /hreflang="ja"/);
  for (const path of pagePaths()) {
    const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
    const icon = html.match(/<link rel="icon" type="image\/svg\+xml" href="data:image\/svg\+xml,([^"]+)">/)?.[1];
    assert.ok(icon, `${path}: an inline SVG favicon, which costs no request`);
    assert.match(
      decodeURIComponent(icon),
      /^<svg xmlns='http:\/\/www\.w3\.org\/2000\/svg' viewBox='0 0 32 32'>.*<\/svg>$/,
      path,
    );
    for (const property of ['og:title', 'og:description', 'og:url', 'og:locale', 'og:type']) {
      assert.match(html, new RegExp(`<meta property="${property}" content="[^"]+"`), `${path} ${property}`);
    }
    assert.match(html, /<link href="[^"]+" rel="canonical">/, path);
    const json = JSON.parse(html.match(/<script type="application\/ld\+json">(.+?)<\/script>/)[1]);
    assert.equal(json['@type'], 'Organization');
    assert.equal(json.telephone, '022-346-9237');
    assert.equal(json.faxNumber, '022-346-9238');
    assert.equal(json.address.postalCode, '980-6107');
  }
});
