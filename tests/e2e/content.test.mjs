// The site's content as files that editors change (content/): a page added as two Markdown files
// is published everywhere a page is; a content change leaves the app byte for byte as it was;
// bad content stops the build with a message an editor reads first; `trunk serve` rebuilds and
// reloads when a content file changes.
//
// The fixture site is the real content plus tests/fixtures/content/ (a page called
// visiting-hours, weight 25), with a sentence, a title and an interface string changed, built by
// .ci/test into target/dist-fixture: the same app, given other content.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { axeProblems } from './support/axe.mjs';
import { watch, waitForApp } from './support/browser.mjs';
import { useSiteInBrowser } from './support/session.mjs';
import { DIST, staticHost } from './support/server.mjs';
import { headingOf, pagePaths, squash } from './support/site.mjs';
import { manifestOf, pathIn } from './support/manifest.mjs';
import { trunkServe } from './support/trunk.mjs';
import {
  dataFileFor,
  fixturePictures,
  NAME_LEN,
  listedIn,
  navigationPages,
  pageFiles,
  pathOf,
  replaceText,
  textFragments,
  wasmOf,
} from './support/content.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURE_DIST = join(ROOT, 'target/dist-fixture');
const FIXTURE_PAGES = join(ROOT, 'tests/fixtures/content');

const site = useSiteInBrowser(() => {
  assert.ok(existsSync(join(FIXTURE_DIST, 'index.html')), 'build the fixture site first (.ci/test does)');
  return staticHost({ dist: FIXTURE_DIST });
});
const { at } = site;

/** A copy of content/ in a temporary folder, with the fixture page's files if `withFixture`. */
function contentCopy({ withFixture = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sendai-content-'));
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  if (withFixture) cpSync(FIXTURE_PAGES, dir, { recursive: true });
  return dir;
}

/** What .ci/test's second build adds to a title and a string, and the sentence it adds to a page. */
const SECOND_BUILD_MARK = '(second build)';
const SECOND_BUILD_SENTENCE = 'A sentence that only the second build has.';

const FIXTURE = {
  en: { path: '/visiting-hours/', title: 'Visiting hours' },
  ja: { path: '/ja/visiting-hours/', title: '見学の時間' },
};

test('a page added as two files is a page in both languages: heading, title, description, canonical, alternates, breadcrumbs', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [lang, { path, title }] of Object.entries(FIXTURE)) {
    const response = await page.goto(at(path));
    assert.equal(response.status(), 200, path);
    assert.equal(await page.locator('main h1').textContent(), title);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.match(await page.title(), new RegExp(`^${title} \\| `));
    const source = readFileSync(
      join(FIXTURE_PAGES, lang === 'en' ? 'visiting-hours.md' : 'visiting-hours.ja.md'),
      'utf8',
    );
    const description = source.match(/^description = "(.*)"$/m)[1];
    assert.equal(await page.locator('meta[name=description]').getAttribute('content'), description);
    assert.match(await page.locator('link[rel=canonical]').getAttribute('href'), new RegExp(`${path}$`));
    const alternates = await page
      .locator('link[rel=alternate][hreflang]')
      .evaluateAll((links) => links.map((l) => [l.hreflang, new URL(l.href).pathname]));
    assert.deepEqual(alternates, [
      ['en', FIXTURE.en.path],
      ['ja', FIXTURE.ja.path],
    ]);
    const crumbs = await page.locator('.sc-breadcrumbs li').allTextContents();
    assert.equal(squash(crumbs.at(-1)), title, 'the last crumb is the page');
    assert.equal(await page.locator('main li').count(), source.match(/^- /gm).length, 'its list');
    assert.ok((await page.locator('main p').count()) >= 1, 'its paragraph');
  }
  await context.close();
});

test('the added page adds data files, not wasm: its text is in its data files and nowhere in the app', () => {
  const wasm = wasmOf(FIXTURE_DIST);
  const files = pageFiles(FIXTURE_PAGES);
  assert.equal(files.length, 2, 'the fixture page in two languages');
  for (const file of files) {
    const fragments = textFragments(file);
    assert.ok(fragments.length >= 2, `${file}: text to look for`);
    const data = readFileSync(dataFileFor(file, FIXTURE_DIST));
    for (const fragment of fragments) {
      assert.ok(data.includes(fragment), `"${fragment}" is in its data file`);
      assert.ok(!wasm.includes(fragment), `"${fragment}" is in the wasm`);
    }
  }
});

test("the added page is in the navigation of every page, in its weight's place, in the sitemap and in Not Found", async () => {
  const paths = pagePaths(FIXTURE_DIST);
  assert.ok(paths.includes(FIXTURE.en.path) && paths.includes(FIXTURE.ja.path), 'sitemap.xml lists both');
  // The main navigation as the build orders it, the added page's among them.
  const navigation = manifestOf(FIXTURE_DIST)
    .pages.filter((page) => page.listed_in === 'navigation')
    .map(({ slug }) => slug);
  const byWeight = listedIn('navigation', [...pageFiles(), ...pageFiles(FIXTURE_PAGES)]);
  assert.ok(byWeight.includes(FIXTURE.en.path), 'the added page is listed in the navigation');
  assert.deepEqual(
    navigation.map((slug) => pathIn('en', slug)).filter((path) => byWeight.includes(path)),
    byWeight,
    "the pages in the order of their files' weights",
  );
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of [...paths, '/no-such-page/', '/ja/no-such-page/']) {
    await page.goto(at(path));
    const ja = path.startsWith('/ja/');
    const prefix = ja ? '/ja' : '';
    const nav = await page.locator('nav.sc-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.deepEqual(
      nav,
      navigation.map((slug) => pathIn(ja ? 'ja' : 'en', slug)),
      path,
    );
    if (path.includes('no-such-page')) {
      const listed = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      assert.ok(listed.includes(prefix + FIXTURE.en.path), `${path}: Not Found lists the page`);
    }
  }
  await context.close();
});

test('the added page is reached client-side, and its link to another page stays in the app', async () => {
  const page = await site.browser.newPage();
  const seen = watch(page);
  await page.goto(at('/'));
  await waitForApp(page);
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
  await page.locator('nav.sc-nav a', { hasText: FIXTURE.en.title }).click();
  await page.waitForFunction((title) => document.querySelector('main h1')?.textContent === title, FIXTURE.en.title);
  assert.equal(new URL(page.url()).pathname, FIXTURE.en.path);
  assert.match(await page.title(), new RegExp(`^${FIXTURE.en.title} \\| `));
  // The page its text links to, as its file writes the link (not a picture, nor a document).
  const linked = readFileSync(join(FIXTURE_PAGES, 'visiting-hours.md'), 'utf8').match(
    /(?<!!)\[[^\]]*\]\((\/(?!files\/)[^)]*)\)/,
  )[1];
  await page.locator(`main a[href="${linked}"]`).click();
  await page.waitForURL(at(linked));
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load');
  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(seen.consoleErrors, []);
  await page.close();
});

test('a line break between Japanese characters in a .ja.md file does not become a space', async () => {
  const page = await site.browser.newPage();
  await page.goto(at(FIXTURE.ja.path));
  const paragraph = await page.locator('main p').first().innerText();
  // The file breaks the line between "として" and "追加".
  assert.ok(readFileSync(join(FIXTURE_PAGES, 'visiting-hours.ja.md'), 'utf8').includes('として\n追加'));
  assert.ok(paragraph.includes('Markdownファイルとして追加したページ'), paragraph);
  await page.close();
});

/** The caption and the header row of the first table in a page file, as its Markdown writes them. */
function tableOf(file) {
  const source = readFileSync(join(FIXTURE_PAGES, file), 'utf8');
  const caption = source.match(/^Table: (.*)$/m)[1];
  const header = source
    .match(/^\|(.*)\|$/m)[1]
    .split('|')
    .map((cell) => cell.trim());
  return { caption, header };
}

test("a page's table: its caption names the region it scrolls in, its first row is the header row, the app draws it as prerendered, and axe finds nothing", async () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const markup = (page) => page.locator('main .sc-table-scroll').evaluate((region) => region.outerHTML);
  const drawn = await site.browser.newPage();
  await drawn.goto(at('/'));
  await waitForApp(drawn);
  const served = await site.browser.newContext({ javaScriptEnabled: false });
  const prerendered = await served.newPage();
  for (const [lang, { path, title }] of Object.entries(FIXTURE)) {
    const { caption, header } = tableOf(lang === 'en' ? 'visiting-hours.md' : 'visiting-hours.ja.md');
    await prerendered.goto(at(path));
    const region = prerendered.getByRole('region', { name: caption, exact: true });
    assert.equal(await region.count(), 1, `${path}: one region named by the caption "${caption}"`);
    assert.equal(await region.getAttribute('tabindex'), '0', `${path}: the region takes the keyboard focus`);
    assert.equal(await region.locator('caption').textContent(), caption);
    const columns = await region
      .locator('thead th')
      .evaluateAll((cells) => cells.map((cell) => [cell.scope, cell.textContent]));
    assert.deepEqual(
      columns,
      header.map((name) => ['col', name]),
      `${path}: the first row is the header row`,
    );
    assert.ok((await region.locator('tbody tr').count()) >= 2, `${path}: its rows`);
    await drawn.goto(at(lang === 'en' ? '/' : '/ja/'));
    await waitForApp(drawn);
    await drawn.locator('nav.sc-nav a', { hasText: title }).click();
    await drawn.waitForFunction((heading) => document.querySelector('main h1')?.textContent === heading, title);
    assert.equal(await markup(drawn), await markup(prerendered), `${path}: the app draws the table as prerendered`);
    await drawn.evaluate(axeSource);
    const results = await drawn.evaluate(() =>
      window.axe
        .run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        })
        .then(({ violations, incomplete }) => JSON.parse(JSON.stringify({ violations, incomplete }))),
    );
    assert.deepEqual(axeProblems(results), [], `${path}: axe`);
  }
  await served.close();
  await drawn.close();
});

test('at 320 px, and with text at 200 %, a wide table scrolls inside its region, by keyboard too, and the page never scrolls sideways', async () => {
  const { caption } = tableOf('visiting-hours.md');
  for (const zoom of ['', '200%']) {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 700 } });
    const page = await context.newPage();
    await page.goto(at(FIXTURE.en.path));
    await waitForApp(page);
    await page.evaluate((size) => {
      document.documentElement.style.fontSize = size;
    }, zoom);
    const region = page.getByRole('region', { name: caption, exact: true });
    const sizes = () =>
      region.evaluate((box) => ({
        region: box.scrollWidth - box.clientWidth,
        page: document.documentElement.scrollWidth - innerWidth,
        left: box.scrollLeft,
      }));
    const before = await sizes();
    assert.ok(before.region > 0, `text ${zoom || '100%'}: the table is wider than its region`);
    assert.ok(before.page <= 0, `text ${zoom || '100%'}: the page scrolls sideways by ${before.page} px`);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((name) => {
      const box = [...document.querySelectorAll('.sc-table-scroll')].find((r) => r.textContent.includes(name));
      return box.scrollLeft > 0;
    }, caption);
    assert.ok((await sizes()).page <= 0, `text ${zoom || '100%'}: still no sideways scroll of the page`);
    const captionInView = await region.evaluate((box) => {
      const [frame, caption] = [box, box.querySelector('caption')].map((e) => e.getBoundingClientRect());
      return caption.left >= frame.left - 0.5 && caption.right <= frame.right + 0.5;
    });
    assert.ok(captionInView, `text ${zoom || '100%'}: the caption stays in its region while the table scrolls`);
    await context.close();
  }
});

test("a page's link to a document says the document's format and size in its language, and the file is served as it is, revalidated, by the browser rather than the app", async () => {
  const document = 'visiting-hours.csv';
  const bytes = readFileSync(join(FIXTURE_PAGES, 'files', document));
  const expected = { en: ' (CSV, 1 KB)', ja: '（CSV：1KB）' };
  const page = await site.browser.newPage();
  for (const [lang, { path }] of Object.entries(FIXTURE)) {
    await page.goto(at(path));
    await waitForApp(page);
    const link = page.locator(`main a[href="/files/${document}"]`);
    assert.ok((await link.textContent()).endsWith(expected[lang]), `${path}: "${await link.textContent()}"`);
    // The router leaves the link to the browser, which saves a CSV file rather than show it.
    const opened = page.waitForEvent('download').then((download) => new URL(download.url()).pathname);
    await link.click();
    assert.equal(await opened, `/files/${document}`, `${path}: the click fetches the file`);
  }
  await page.close();
  // As a host that applies the build's _headers serves it.
  const host = await staticHost({ dist: FIXTURE_DIST, applyHeaders: true });
  const response = await fetch(`${host.origin}/files/${document}`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-cache', 'revalidated: people share its address');
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), bytes, 'the file as the editor saved it');
  await host.close();
});

test("a page's picture: each edition's alternative text, drawn by the app as prerendered, its space reserved before it loads; a phone and a desktop fetch different files, each hashed and cached for ever", async () => {
  const markup = (page) => page.locator('main picture').evaluateAll((pictures) => pictures.map((p) => p.outerHTML));
  const served = await site.browser.newContext({ javaScriptEnabled: false });
  const prerendered = await served.newPage();
  const drawn = await site.browser.newPage();
  for (const { path, pictures } of fixturePictures()) {
    await prerendered.goto(at(path));
    const images = prerendered.locator('main picture img');
    assert.deepEqual(
      await images.evaluateAll((imgs) => imgs.map((img) => img.alt)),
      pictures.map(({ alt }) => alt),
      `${path}: each picture has the alternative text its edition wrote`,
    );
    assert.equal(await images.first().getAttribute('loading'), null, `${path}: the first picture loads at once`);
    await drawn.goto(at(path.startsWith('/ja/') ? '/ja/' : '/'));
    await waitForApp(drawn);
    const heading = headingOf(path, FIXTURE_DIST);
    await drawn.locator('nav.sc-nav a', { hasText: heading }).click();
    await drawn.waitForFunction((text) => document.querySelector('main h1')?.textContent === text, heading);
    assert.deepEqual(
      await markup(drawn),
      await markup(prerendered),
      `${path}: the app draws the pictures as prerendered`,
    );
  }
  await served.close();
  await drawn.close();

  // What a phone (390 px, 3 device pixels to the CSS pixel) and a desktop (1280 px) fetch, and the
  // space the picture takes while its file has not come yet.
  const [{ path }] = fixturePictures();
  const fetched = {};
  for (const [device, viewport, deviceScaleFactor] of [
    ['phone', { width: 390, height: 844 }, 3],
    ['desktop', { width: 1280, height: 800 }, 1],
  ]) {
    const context = await site.browser.newContext({ viewport, deviceScaleFactor });
    const page = await context.newPage();
    const held = [];
    await page.route('**/pictures/**', (route) => held.push(route));
    // Not until the load event, which waits for the pictures.
    await page.goto(at(path), { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => document.querySelector('main picture img'));
    const box = await page
      .locator('main picture img')
      .first()
      .evaluate((img) => ({
        height: img.getBoundingClientRect().height,
        expected: (img.getBoundingClientRect().width * img.getAttribute('height')) / img.getAttribute('width'),
        complete: img.complete && img.naturalWidth > 0,
      }));
    assert.equal(box.complete, false, `${device}: the picture's file is held back`);
    assert.ok(box.height > 100, `${device}: its space is reserved before it loads (${box.height} px)`);
    assert.ok(Math.abs(box.height - box.expected) < 1, `${device}: in its own proportions`);
    for (const route of held) await route.continue();
    await page.waitForFunction(() => [...document.querySelectorAll('main picture img')].every((img) => img.complete));
    fetched[device] = held.map((route) => new URL(route.request().url()).pathname);
    assert.equal(fetched[device].length, 1, `${device}: one file per picture: ${fetched[device]}`);
    assert.match(fetched[device][0], /^\/pictures\/[a-z0-9-]+-\d+w-[0-9a-f]{16}\.webp$/, `${device}: a WebP`);
    await context.close();
  }
  assert.notEqual(fetched.phone[0], fetched.desktop[0], 'a phone and a desktop fetch different files');
  const width = (file) => Number(file.match(/-(\d+)w-/)[1]);
  assert.ok(
    width(fetched.phone[0]) <= 1440 && width(fetched.desktop[0]) <= 1440,
    'no file wider than twice the column',
  );

  // As a host that applies the build's _headers serves it.
  const host = await staticHost({ dist: FIXTURE_DIST, applyHeaders: true });
  const response = await fetch(`${host.origin}${fetched.desktop[0]}`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'image/webp');
  assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable', 'hashed: cached for ever');
  await host.close();
});

/** The app's files of a build folder, the wasm and its JavaScript glue, by their hashed names. */
function appFiles(dist) {
  return Object.fromEntries(
    readdirSync(dist)
      .filter((name) => /\.(js|wasm)$/.test(name))
      .map((name) => [name, readFileSync(join(dist, name))]),
  );
}

test('a content change leaves the app as it was: two builds from different content have the same wasm and glue, byte for byte, under the same names', () => {
  const [first, second] = [DIST, FIXTURE_DIST].map(appFiles);
  assert.equal(Object.keys(first).length, 2, `the wasm and its glue: ${Object.keys(first)}`);
  assert.deepEqual(Object.keys(second), Object.keys(first), 'the same hashed names');
  for (const [name, bytes] of Object.entries(first)) assert.ok(bytes.equals(second[name]), `${name}: the same bytes`);
  // The two builds' content differs in the shell (a page added, a title and a string changed)
  // and in a page's text (a sentence added to a page that both builds have), so each of those
  // leaves the app as it was. (Every data file starts with the build's name, which differs too.)
  const text = (dist, file) =>
    readFileSync(join(dist, file))
      .subarray(2 * NAME_LEN)
      .toString('utf8');
  const shell = text(FIXTURE_DIST, 'site.bin');
  assert.notEqual(shell, text(DIST, 'site.bin'), 'the shells differ');
  assert.equal(shell.split(SECOND_BUILD_MARK).length - 1, 2, 'a title and a string changed in the shell');
  assert.ok(shell.includes(FIXTURE.en.title), 'the page added to the shell');
  const edited = pageFiles()
    .map((file) => dataFileFor(file, ''))
    .filter((file) => text(FIXTURE_DIST, file).includes(SECOND_BUILD_SENTENCE));
  assert.equal(edited.length, 1, "a sentence added to one page's text");
  assert.ok(!text(DIST, edited[0]).includes(SECOND_BUILD_SENTENCE));
});

test('a page without its Japanese file stops the build, and the first thing the build says names it', () => {
  const dir = contentCopy();
  rmSync(join(dir, 'visiting-hours.ja.md'));
  const staging = mkdtempSync(join(tmpdir(), 'sendai-staging-'));
  try {
    // The build's step that reads the content, as Trunk runs it after building the app.
    const build = spawnSync(
      'cargo',
      ['run', '--quiet', '--locked', '--no-default-features', '--features', 'ssr', '--bin', 'prerender'],
      {
        cwd: ROOT,
        env: { ...process.env, SITE_CONTENT_DIR: dir, TRUNK_STAGING_DIR: staging },
        encoding: 'utf8',
      },
    );
    assert.notEqual(build.status, 0, 'the build fails');
    const lines = build.stderr.split('\n').filter((line) => line.trim());
    assert.match(lines[0], /The site's content has 1 problem; nothing was built/, build.stderr);
    assert.match(lines[1], /visiting-hours\.md: the page "visiting-hours" has no Japanese edition/, build.stderr);
    assert.match(lines[2], /what to do: every page is published in both languages/);
    assert.equal(lines.length, 3, `nothing but the message: ${build.stderr}`);
    assert.deepEqual(readdirSync(staging), [], 'nothing was built');

    const check = spawnSync('cargo', ['content', 'check', dir], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(check.status, 1);
    assert.match(check.stderr, /visiting-hours\.ja\.md is missing/);
  } finally {
    rmSync(dir, { recursive: true });
    rmSync(staging, { recursive: true });
  }
});

test('trunk serve rebuilds and reloads the page when a content file changes', { timeout: 15 * 60 * 1000 }, async () => {
  const dir = contentCopy({ withFixture: false });
  const server = await trunkServe({
    dist: 'target/content-serve-dist',
    watch: [dir],
    env: { SITE_CONTENT_DIR: dir },
    autoreload: true,
  });
  const page = await site.browser.newPage();
  const [path] = navigationPages();
  try {
    await page.goto(server.origin + path);
    await waitForApp(page);
    // A sentence of the page as its editor wrote it, whichever it is today.
    const file = pageFiles(dir).find((candidate) => pathOf(candidate) === path);
    const shown = squash(await page.locator('main').innerText());
    const sentence = textFragments(file).find((fragment) => shown.includes(fragment));
    assert.ok(sentence, `a sentence of ${basename(file)} is on ${path}: ${shown}`);
    const edited = `An edited sentence: ${sentence}`;
    const reloaded = page.waitForEvent('load', { timeout: 10 * 60 * 1000 });
    replaceText(file, sentence, edited);
    await reloaded;
    assert.ok(squash(await page.locator('main').innerText()).includes(edited), server.log());
    // The app starts on the reloaded page: the new shell was fetched, not a cached copy that
    // names the last build.
    await waitForApp(page);
  } finally {
    await page.close();
    await server.close();
    rmSync(dir, { recursive: true });
  }
});
