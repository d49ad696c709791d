// The prerendered `dist/` on hosts that only serve files: deep links and reloads with no
// rewrite rules, at the root and under a sub-path; reading and navigating with JavaScript off;
// the `_headers` policy in force; precompressed files; what crawlers read.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { launch, watch, waitForApp, recordViolations, injectInlineScript } from './support/browser.mjs';
import { staticHost, plainHttpServer, parseHeadersFile, DIST } from './support/server.mjs';
import { pagePaths } from './support/site.mjs';

/** The content the build was made from. */
const CONTENT = new URL('../../content/', import.meta.url).pathname;
const SUB_DIST = process.env.SITE_SUB_DIST
  ? new URL(`${process.env.SITE_SUB_DIST.replace(/\/?$/, '/')}`, `file://${process.cwd()}/`).pathname
  : new URL('../../target/dist-sub/', import.meta.url).pathname;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The h1 of a prerendered page, as the build wrote it. */
function prerenderedHeading(dist, path) {
  const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
  return html.match(/<h1[^>]*>([^<]+)<\/h1>/)[1];
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('deep links and reloads work on a plain file server with no rewrite rules', async () => {
  const server = await plainHttpServer();
  const page = await browser.newPage();
  const seen = watch(page);
  try {
    for (const path of pagePaths()) {
      const expected = prerenderedHeading(DIST, path);
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
  const page = await browser.newPage();
  const seen = watch(page);
  try {
    for (const path of pagePaths(SUB_DIST)) {
      assert.ok(path.startsWith('/sub/'), `sitemap entry ${path}`);
      await page.goto(server.origin + path);
      await waitForApp(page);
      assert.equal(await page.locator('h1').textContent(), prerenderedHeading(SUB_DIST, path.slice(4)));
      const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href')));
      for (const href of hrefs.filter((h) => !h.startsWith('tel:') && !h.startsWith('#'))) {
        assert.ok(href.startsWith('/sub/'), `${path}: link ${href}`);
      }
    }
    await page.goto(`${server.origin}/sub/`);
    await waitForApp(page);
    await page.locator('nav.sc-nav a').nth(2).click();
    await page.waitForURL(`${server.origin}/sub/secretariat/`);
    await page.locator('.sc-header__language').click();
    await page.waitForURL(`${server.origin}/sub/ja/secretariat/`);
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('h1').textContent(), prerenderedHeading(SUB_DIST, '/ja/secretariat/'));
  } finally {
    await server.close();
  }
  const outside = seen.requests.filter((url) => !url.startsWith(`${server.origin}/sub/`));
  assert.deepEqual(outside, []);
  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(seen.consoleErrors, []);
});

test('with JavaScript off every page reads in full and every navigation link works', async () => {
  const host = await staticHost();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    for (const path of pagePaths()) {
      await page.goto(new URL(path.slice(1), host.url).href);
      assert.equal(await page.locator('h1').textContent(), prerenderedHeading(DIST, path));
      assert.ok((await page.locator('main').innerText()).length > 100, `${path}: main has its text`);
      assert.ok(await page.locator('footer address').isVisible(), `${path}: footer address`);
      const links = await page.$$eval('nav.sc-nav a, .sc-header__language', (as) => as.map((a) => a.href));
      for (const link of links) {
        const linkPath = new URL(link).pathname;
        await page.goto(link);
        assert.equal(
          await page.locator('h1').textContent(),
          prerenderedHeading(DIST, linkPath),
          `${path} → ${linkPath}`,
        );
      }
    }
  } finally {
    await context.close();
    await host.close();
  }
});

test('served with the _headers policy, the site works with no CSP violation and the policy is enforced', async () => {
  const host = await staticHost({ applyHeaders: true });
  const page = await browser.newPage();
  const seen = watch(page);
  await recordViolations(page);
  try {
    for (const path of [...pagePaths(), '/no-such-page/']) {
      const response = await page.goto(new URL(path.slice(1), host.url).href);
      await waitForApp(page);
      const headers = response.headers();
      assert.match(headers['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      assert.doesNotMatch(headers['content-security-policy'], /unsafe-inline/);
      assert.equal(headers['x-content-type-options'], 'nosniff');
      assert.ok(headers['referrer-policy']);
      assert.match(headers['content-security-policy'], /frame-ancestors 'none'/);
      assert.ok(headers['permissions-policy']);
      assert.equal(headers['x-frame-options'], 'DENY');
      assert.equal(headers['cross-origin-opener-policy'], 'same-origin');
      if (response.status() === 200) assert.equal(headers['cache-control'], 'no-cache', path);
      assert.deepEqual(await page.evaluate(() => window.__violations), [], path);
    }
    await page.locator('nav.sc-nav a').nth(1).click();
    await page.waitForFunction(() => location.pathname === '/concept/');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);

    assert.deepEqual(seen.consoleErrors, [], 'no console error while browsing');

    // The policy is enforced, not only sent: an injected inline script does not run.
    const ran = await injectInlineScript(page);
    assert.equal(ran, false, 'an inline script without a listed hash is blocked');
    await page.waitForFunction(() => window.__violations.filter((v) => v.startsWith('script-src')).length === 2);
    // One report per policy in force: the header's and the page's <meta>.
    assert.equal(seen.consoleErrors.length, 2);
    for (const error of seen.consoleErrors) {
      assert.match(error, /violates the following Content Security Policy directive 'script-src/);
    }
    const wasm = seen.requests.find((url) => url.endsWith('.wasm'));
    const wasmResponse = await fetch(wasm);
    assert.equal(wasmResponse.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  } finally {
    await host.close();
  }
  assert.deepEqual(seen.pageErrors, []);
});

/** The policy a `<meta>` can carry: the `_headers` one without the directives only headers carry. */
function metaPolicyOf(headerPolicy) {
  return headerPolicy
    .split('; ')
    .filter((directive) => !/^(frame-ancestors|report-uri|sandbox)\b/.test(directive))
    .join('; ');
}

test('every page carries the _headers policy in a <meta>, before any script or style, all but frame-ancestors', () => {
  const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
  const headerPolicy = rules.find((rule) => rule.pattern === '/*').headers['Content-Security-Policy'];
  assert.match(headerPolicy, /frame-ancestors 'none'/);
  const pages = filesUnder(DIST).filter((file) => file.endsWith('.html'));
  assert.equal(pages.length, pagePaths().length + 2, 'every page and both Not Found pages');
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)];
    assert.equal(metas.length, 1, relative(DIST, file));
    assert.equal(metas[0][1], metaPolicyOf(headerPolicy), relative(DIST, file));
    assert.ok(metas[0].index < html.search(/<(script|style)\b/), `${relative(DIST, file)}: the policy comes first`);
  }
});

test('on a host that sends no headers, the meta policy lets the app start with no violation and blocks an injected script', async () => {
  const server = await plainHttpServer();
  const page = await browser.newPage();
  const seen = watch(page);
  await recordViolations(page);
  try {
    for (const path of pagePaths()) {
      const response = await page.goto(server.origin + path);
      assert.equal(response.headers()['content-security-policy'], undefined, 'the host sends no policy');
      await waitForApp(page);
      assert.deepEqual(await page.evaluate(() => window.__violations), [], path);
    }
    await page.locator('nav.sc-nav a').nth(1).click();
    await page.waitForFunction(() => location.pathname === '/ja/concept/');
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

test('every text asset has .br and .gz copies with the same content', () => {
  const files = filesUnder(DIST);
  const compressible = files.filter((file) => /\.(html|js|wasm|bin|css|svg|xml|txt|json)$/.test(file));
  assert.ok(compressible.length >= 12, `${compressible.length} compressible files`);
  for (const file of compressible) {
    const original = readFileSync(file);
    assert.ok(brotliDecompressSync(readFileSync(`${file}.br`)).equals(original), `${relative(DIST, file)}.br`);
    assert.ok(gunzipSync(readFileSync(`${file}.gz`)).equals(original), `${relative(DIST, file)}.gz`);
  }
  const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
  for (const file of files.filter((f) => !/\.(br|gz)$/.test(f) && !relative(DIST, f).startsWith('_headers'))) {
    const url = `/${relative(DIST, file)}`;
    assert.ok(
      rules.some((rule) => rule.pattern === url && rule.headers['Cache-Control']),
      `cache rule for ${url}`,
    );
  }
});

test('crawlers find a sitemap, robots.txt, a favicon, Open Graph tags and the organisation', async () => {
  const sitemap = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
  // Every page of content/ in both editions: NAME.md is /NAME/ and /ja/NAME/ (_index is /).
  const pages = readdirSync(CONTENT)
    .filter((name) => name.endsWith('.md') && !name.endsWith('.ja.md'))
    .map((name) => (name === '_index.md' ? '/' : `/${name.slice(0, -'.md'.length)}/`));
  assert.deepEqual([...pagePaths()].sort(), [...pages, ...pages.map((path) => `/ja${path}`)].sort());
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
