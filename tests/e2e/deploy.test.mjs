// The server configurations of `deploy/` on the real servers, nginx and Caddy, over the release
// build at the root and the one built for `/sub/`: every response's security headers are those
// of `_headers`, every file's cache rule too; the build's brotli copies are sent as they are, and
// gzip made on the fly for clients that accept only gzip; pages, redirects and Not Found in each
// language answer with the right status; and the app starts on every page with no CSP violation
// (that the policy blocks an injection is tested in every engine, in engines.test.mjs).

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { watch, waitForApp, recordViolations } from './support/browser.mjs';
import { filesUnder } from './support/files.mjs';
import { useBrowser } from './support/session.mjs';
import { parseHeadersFile, cacheRulesFor, headersFor, DIST, SUB_DIST } from './support/server.mjs';
import { nginxHost, caddyHost, rawGet } from './support/deploy.mjs';
import { headingIn, inJapanese, pagePaths } from './support/site.mjs';
import { navigationPages } from './support/content.mjs';

const SERVERS = [
  { name: 'nginx', start: nginxHost },
  { name: 'Caddy', start: caddyHost },
];
const SITES = [
  { name: 'at the root', dist: DIST, base: '' },
  { name: 'under /sub/', dist: SUB_DIST, base: '/sub' },
];

const COMPRESSIBLE = /\.(html|js|wasm|bin|css|svg|xml|txt|json)$/;
/**
 * The smallest response either server compresses on the fly (nginx's `gzip_min_length`, by
 * default, and the Caddyfile's `minimum_length`): a smaller one (a search index's root, say)
 * would only grow.
 */
const GZIP_MIN_BYTES = 20;

/** Every file the build wrote, by its path under the site: 'index.html', 'ja/<page>/index.html'. */
function siteFiles(dist) {
  return filesUnder(dist).filter((name) => !name.endsWith('.br') && !name.startsWith('_headers'));
}

/** The heading and language of a Not Found page, as the build wrote it. */
function notFoundPage(dist, lang) {
  const html = readFileSync(join(dist, lang === 'ja' ? 'ja/404.html' : '404.html'), 'utf8');
  return { heading: headingIn(html), lang: html.match(/<html lang="([^"]+)"/)[1] };
}

const session = useBrowser();

for (const server of SERVERS) {
  for (const site of SITES) {
    describe(`${server.name}, site ${site.name}`, () => {
      let host;
      let rules;
      const at = (path) => host.origin + site.base + path;
      before(async () => {
        assert.ok(existsSync(join(site.dist, '_headers.nginx')), `build ${site.dist} first`);
        rules = parseHeadersFile(readFileSync(join(site.dist, '_headers'), 'utf8'));
        host = await server.start(site);
      });
      after(async () => {
        await host?.close();
      });

      /** The security headers `_headers` sets on the response for `path`: the editing interface has its own policy. */
      const assertSecurityHeaders = (response, path) => {
        const security = headersFor(rules, path);
        delete security['Cache-Control'];
        assert.ok(security['Content-Security-Policy'], `${path}: _headers gives it a policy`);
        for (const [name, value] of Object.entries(security)) {
          assert.equal(response.headers[name.toLowerCase()], value, `${path}: ${name}`);
        }
      };

      test('every file is served with the security headers and the cache rule of _headers', async () => {
        const files = siteFiles(site.dist);
        assert.ok(files.length >= 12, `${files.length} files`);
        assert.ok(files.some((name) => name.endsWith('.wasm')));
        for (const name of files) {
          const urls = [
            `/${name}`,
            ...(name.endsWith('index.html') ? [`/${name.slice(0, -'index.html'.length)}`] : []),
          ];
          for (const url of urls) {
            const response = await rawGet(at(url));
            assert.equal(response.status, 200, url);
            assertSecurityHeaders(response, site.base + url);
            const cache = cacheRulesFor(rules, site.base + url);
            assert.equal(cache.length, 1, `${url}: one cache rule in _headers, not ${JSON.stringify(cache)}`);
            assert.equal(response.headers['cache-control'], cache[0], `${url}: Cache-Control`);
          }
        }
        const wasm = files.find((name) => name.endsWith('.wasm'));
        const response = await rawGet(at(`/${wasm}`));
        assert.equal(response.headers['content-type'], 'application/wasm');
        assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
        assert.match((await rawGet(at('/'))).headers['content-type'], /^text\/html; charset=utf-8$/);
      });

      test('the .br copies are sent as they are, gzip is made on the fly for clients that accept only it (from 20 bytes), and the file itself goes to clients that ask for no encoding', async () => {
        const files = siteFiles(site.dist).filter((name) => COMPRESSIBLE.test(name));
        assert.ok(files.length >= 12, `${files.length} compressible files`);
        const asSent = (body) => body;
        for (const name of files) {
          const file = join(site.dist, name);
          // What the client accepts, the encoding it gets, the file the body is, and how to read it.
          const gzipped = statSync(file).size >= GZIP_MIN_BYTES;
          for (const [accept, encoding, expected, decode] of [
            ['br, gzip', 'br', `${file}.br`, asSent],
            ['gzip', gzipped ? 'gzip' : undefined, file, gzipped ? gunzipSync : asSent],
            [undefined, undefined, file, asSent],
          ]) {
            const what = `${name} for ${accept ?? 'no Accept-Encoding'}`;
            const response = await rawGet(at(`/${name}`), accept ? { 'Accept-Encoding': accept } : {});
            assert.equal(response.status, 200, what);
            assert.equal(response.headers['content-encoding'], encoding, what);
            assert.ok(
              decode(response.body).equals(readFileSync(expected)),
              `${what}: the bytes of ${relative(site.dist, expected)}${decode === asSent ? '' : ', once decoded'}`,
            );
            // nginx says that a response below the minimum varies only when it sends the .br: a
            // cache may then keep the file itself for everyone, which is the same few bytes.
            if (encoding || gzipped) assert.equal(response.headers.vary, 'Accept-Encoding', `${what}: Vary`);
          }
        }
      });

      test('deep links need no rewrite, and unknown addresses get Not Found in their language with status 404', async () => {
        for (const path of pagePaths(site.dist).filter((p) => p !== `${site.base}/`)) {
          const bare = path.replace(/\/$/, '');
          const response = await rawGet(host.origin + bare);
          assert.ok([301, 308].includes(response.status), `${bare}: ${response.status}`);
          assert.equal(response.headers.location, path, `${bare} redirects to its page`);
          assertSecurityHeaders(response, bare);
        }
        // Deeper addresses under a real page, too.
        const [real] = navigationPages();
        for (const [path, lang] of [
          ['/no-such-page/', 'en'],
          [`${real}nothing`, 'en'],
          ['/ja/no-such-page/', 'ja'],
          [inJapanese(`${real}nothing/deeper`), 'ja'],
          ['/_headers', 'en'],
          ['/_headers.nginx', 'en'],
          ['/_headers.caddy', 'en'],
        ]) {
          const response = await rawGet(at(path), { 'Accept-Encoding': 'identity' });
          assert.equal(response.status, 404, path);
          const html = response.body.toString('utf8');
          const expected = notFoundPage(site.dist, lang);
          assert.equal(headingIn(html), expected.heading, `${path}: Not Found heading`);
          assert.ok(html.includes(`<html lang="${expected.lang}"`), `${path}: lang ${expected.lang}`);
          assertSecurityHeaders(response, site.base + path);
          assert.equal(response.headers['cache-control'], 'no-cache', `${path}: Cache-Control`);
        }
      });

      test('the app starts on every page and Not Found, and browsing raises no CSP violation', async () => {
        const page = await session.browser.newPage();
        const seen = watch(page);
        await recordViolations(page);
        try {
          for (const path of [...pagePaths(site.dist), `${site.base}/no-such-page/`, `${site.base}/ja/no-such-page/`]) {
            const response = await page.goto(host.origin + path);
            assert.equal(response.status(), path.includes('no-such-page') ? 404 : 200, path);
            await waitForApp(page);
            assert.deepEqual(await page.evaluate(() => window.__violations), [], path);
          }
          const [linked] = navigationPages();
          await page.goto(at('/'));
          await waitForApp(page);
          await page.locator(`nav.sc-nav a[href="${site.base}${linked}"]`).click();
          await page.waitForFunction((path) => location.pathname === path, site.base + linked);
          await page.locator('.sc-header__language').click();
          await page.waitForFunction((path) => location.pathname === path, site.base + inJapanese(linked));
          assert.deepEqual(await page.evaluate(() => window.__violations), []);
          assert.deepEqual(seen.consoleErrors, [], 'no console error while browsing');
          assert.deepEqual(seen.pageErrors, []);
        } finally {
          await page.close();
        }
      });
    });
  }
}
