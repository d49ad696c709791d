// The editing interface at /admin/ (Sveltia CMS), driven through its screens in Chromium as an
// editor would, offline: its local-repository mode works on a copy of the fixture build's content
// in the browser's own file system (the folder picker answered with it). Then that copy must pass
// the content check and build, with the new notice, the changed sentence and the picture with its
// alternative texts on their pages, and every file the editor did not touch unchanged.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { launch, recordViolations } from './support/browser.mjs';
import { FIXTURE_CONTENT, FIXTURE_DIST } from './support/content.mjs';
import { filesUnder } from './support/files.mjs';
import { staticHost } from './support/server.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What the editor writes: made up for the test, as all fixture content is. */
const NOTICE = {
  date: '2026-11-20',
  slug: 'admin-test-open-day',
  en: {
    title: 'Admin test: an open day',
    description: 'A notice the editing test writes.',
    body: 'Written in the editing interface, in English.',
  },
  ja: {
    title: '編集テスト：公開日',
    description: '編集画面のテストが書くお知らせです。',
    body: '編集画面で日本語で書いたお知らせです。',
  },
};
const PAGE = 'visiting-hours';
/**
 * A page with a template: the concept diagram, whose labels and description are in its front
 * matter, which its form does not show. The editor adds a paragraph before its text.
 */
const TEMPLATE_PAGE = { name: 'concept', paragraph: 'A paragraph added in the editing interface.' };
/** A fixture notice the editor deletes: the newest, in view at the top of the list (the CMS draws the list's lower part only as it is scrolled to). */
const TAKEN_DOWN = { file: '2026-11-14-fixture-meeting-25', title: 'Fixture notice 25' };
const SENTENCE = { before: 'This page is not part of the site.', after: 'This page is not part of the real site.' };
const PICTURE = {
  name: 'admin-test-house.jpg',
  en: 'The house drawing again, uploaded in the editing interface',
  ja: '編集画面でアップロードした家の絵',
};

let host;
let browser;
let page;
let work;
/** Requests that left the browser for another origin (the route answers them with an error). */
const elsewhere = [];
let requests = 0;
const axeFindings = {};

/** The repository's files as the interface saw them, read back from the browser's file system. */
const readRepository = () =>
  page.evaluate(async () => {
    const files = {};
    const walk = async (dir, prefix) => {
      for await (const [name, handle] of dir.entries()) {
        const path = `${prefix}${name}`;
        if (handle.kind === 'directory') await walk(handle, `${path}/`);
        else {
          const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
          let binary = '';
          for (const byte of bytes) binary += String.fromCharCode(byte);
          files[path] = btoa(binary);
        }
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('repo'), '');
    return files;
  });

/**
 * Resolves once the file at `path` in the interface's copy has text matching `pattern`, or, with
 * `pattern` null, once it is gone. Polled in the page, a frame at a time.
 */
const untilFile = (path, pattern) =>
  page.evaluate(
    async ({ path, source }) => {
      const text = async () => {
        try {
          let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
          const parts = path.split('/');
          for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
          return await (await (await dir.getFileHandle(parts.at(-1))).getFile()).text();
        } catch {
          return null;
        }
      };
      const done = (found) => (source === null ? found === null : found !== null && new RegExp(source).test(found));
      while (!done(await text())) await new Promise(requestAnimationFrame);
    },
    { path, source: pattern?.source ?? null },
  );
const untilSaved = (path, pattern) => untilFile(path, pattern);
const untilGone = (path) => untilFile(path, null);

/** Axe's violations on the screen shown, by rule, kept for the report at the end. */
async function runAxe(screen) {
  await page.evaluate(AXE_SOURCE);
  const { violations } = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }),
  );
  axeFindings[screen] = violations.map((v) => `${v.id} (${v.nodes.length})`);
}

const field = (name, lang) => page.getByRole('textbox', { name, exact: true }).and(page.locator(`[lang="${lang}"]`));
const body = (index) => page.getByRole('textbox', { name: '本文（Markdown）' }).nth(index);

before(async () => {
  assert.ok(
    existsSync(join(FIXTURE_DIST, 'admin/index.html')),
    'build the fixture site with SITE_REPOSITORY first (.ci/test does)',
  );
  work = mkdtempSync(join(tmpdir(), 'sendai-admin-'));
  host = await staticHost({ dist: FIXTURE_DIST, applyHeaders: true });
  browser = await launch();
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  // Offline: only the site itself answers. What the admin's policy refuses never gets here.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === new URL(host.url).origin) {
      requests += 1;
      return route.continue();
    }
    elsewhere.push(url);
    return route.abort();
  });
  page = await context.newPage();
  await recordViolations(page);
  await page.addInitScript(() => {
    window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
  });
  await page.goto(`${host.url}admin/`);
  const files = Object.fromEntries(
    filesUnder(FIXTURE_CONTENT).map((file) => [
      `content/${file}`,
      readFileSync(join(FIXTURE_CONTENT, file)).toString('base64'),
    ]),
  );
  await page.evaluate(async (files) => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry('repo', { recursive: true }).catch(() => {});
    const repo = await root.getDirectoryHandle('repo', { create: true });
    await repo.getDirectoryHandle('.git', { create: true });
    for (const [path, base64] of Object.entries(files)) {
      const parts = path.split('/');
      let dir = repo;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1), { create: true })).createWritable();
      await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      await writable.close();
    }
  }, files);
});

after(async () => {
  await browser?.close();
  await host?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the interface is in Japanese, offers every section of the content, and asks nothing of another origin', async (t) => {
  await page.getByRole('button', { name: 'ローカルリポジトリで作業' }).click();
  const collections = page.getByRole('navigation').first();
  for (const name of ['ページ', 'お知らせ', '試験用の催し', 'サイトの設定']) {
    await collections.getByText(name, { exact: true }).waitFor();
  }
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  await runAxe('collection list');
  assert.deepEqual(elsewhere, [], 'every request is to the site');
  assert.ok(requests > 0);
  // The CMS still asks for its own latest version and GitHub's status: the policy refuses these
  // before they leave the browser. Its fonts come from the site, not its CDN.
  const refused = await page.evaluate(() => window.__violations);
  t.diagnostic(`${requests} requests, all to the site; refused by the policy: ${[...new Set(refused)].join(', ')}`);
  assert.deepEqual(
    refused.filter((violation) => violation.startsWith('font-src')),
    [],
    'no font asked of another origin',
  );
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family);
  });
  for (const family of ['Source Sans 3', 'Material Symbols Outlined']) {
    assert.ok(
      fonts.some((loaded) => loaded.includes(family)),
      `${family} loaded from the site`,
    );
  }
});

test('a picture without alternative text is refused in the form, before saving', async () => {
  await page.goto(`${host.url}admin/#/collections/pages/entries/${PAGE}`);
  const english = body(0);
  await english.waitFor();
  const text = await english.inputValue();
  await english.fill(`${text}\n\n![](/files/visiting-hours-house.jpg)\n`);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByText('画像には、[ ] の中に代替テキスト').first().waitFor();
  await english.fill(text);
});

test('an editor uploads a picture, changes a sentence of a page and shows the picture with its alternative text in each edition', async () => {
  await page.goto(`${host.url}admin/#/assets`);
  const jpeg = readFileSync(join(FIXTURE_CONTENT, 'files/visiting-hours-house.jpg'));
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles({ name: PICTURE.name, mimeType: 'image/jpeg', buffer: jpeg });
  await page.getByRole('button', { name: 'アップロード', exact: true }).last().click();
  await untilSaved(`content/files/${PICTURE.name}`, /[\s\S]/);

  await page.goto(`${host.url}admin/#/collections/pages/entries/${PAGE}`);
  const [english, japanese] = [body(0), body(1)];
  await english.waitFor();
  const en = await english.inputValue();
  assert.ok(en.includes(SENTENCE.before));
  await english.fill(`${en.replace(SENTENCE.before, SENTENCE.after)}\n\n![${PICTURE.en}](/files/${PICTURE.name})\n`);
  await japanese.fill(`${await japanese.inputValue()}\n\n![${PICTURE.ja}](/files/${PICTURE.name})\n`);
  await runAxe('page editor');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await untilSaved(`content/${PAGE}.ja.md`, new RegExp(PICTURE.ja));
  await untilSaved(`content/${PAGE}.md`, new RegExp(SENTENCE.after));
});

test('an editor adds a paragraph to a page with a template, whose data the form does not show', async () => {
  // Loaded afresh: the editor the last test saved from stays open across a change of hash alone.
  await page.goto(`${host.url}admin/?lang=ja#/collections/pages/entries/${TEMPLATE_PAGE.name}`);
  const english = body(0);
  await english.waitFor();
  await english.fill(`${TEMPLATE_PAGE.paragraph}\n\n${await english.inputValue()}`);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await untilSaved(`content/${TEMPLATE_PAGE.name}.md`, new RegExp(TEMPLATE_PAGE.paragraph));
});

test('an editor writes a notice in both languages, and an edition left empty is refused before saving', async () => {
  await page.goto(`${host.url}admin/#/collections/notices/new`);
  await field('タイトル', 'en').fill(NOTICE.en.title);
  await field('概要', 'en').fill(NOTICE.en.description);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByText('この項目は必須です。').first().waitFor();
  await field('タイトル', 'ja').fill(NOTICE.ja.title);
  await field('概要', 'ja').fill(NOTICE.ja.description);
  await page.getByRole('group', { name: /日付/ }).locator('input[type="date"]').first().fill(NOTICE.date);
  await body(0).fill(NOTICE.en.body);
  await body(1).fill(NOTICE.ja.body);
  await page.getByRole('textbox', { name: 'スラッグ' }).fill(NOTICE.slug);
  await runAxe('notice editor');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const name = `content/notices/${NOTICE.date}-${NOTICE.slug}`;
  await untilSaved(`${name}.md`, new RegExp(NOTICE.en.body));
  await untilSaved(`${name}.ja.md`, new RegExp(NOTICE.ja.body));
});

test("an editor takes a notice down: both editions' files go", async () => {
  // Loaded afresh: the editor the last test saved from stays open across a change of hash alone.
  await page.goto(`${host.url}admin/?lang=ja#/collections/notices`);
  await page.getByRole('checkbox', { name: new RegExp(TAKEN_DOWN.title) }).click();
  await page.getByRole('button', { name: '選択されたエントリーを削除' }).click();
  await page.getByRole('button', { name: '削除', exact: true }).last().click();
  await untilGone(`content/notices/${TAKEN_DOWN.file}.md`);
  await untilGone(`content/notices/${TAKEN_DOWN.file}.ja.md`);
});

test("what the interface saved passes the content check and builds, the editor's changes are on their pages, and every other file is as it was", async (t) => {
  const saved = await readRepository();
  const checkout = join(work, 'checkout');
  for (const [path, base64] of Object.entries(saved)) {
    if (!path.startsWith('content/')) continue;
    mkdirSync(dirname(join(checkout, path)), { recursive: true });
    writeFileSync(join(checkout, path), Buffer.from(base64, 'base64'));
  }
  const content = join(checkout, 'content');
  const notice = `notices/${NOTICE.date}-${NOTICE.slug}`;
  const changed = [
    `${PAGE}.md`,
    `${PAGE}.ja.md`,
    `files/${PICTURE.name}`,
    `${notice}.md`,
    `${notice}.ja.md`,
    `${TEMPLATE_PAGE.name}.md`,
    `${TEMPLATE_PAGE.name}.ja.md`,
  ];
  const removed = [`notices/${TAKEN_DOWN.file}.md`, `notices/${TAKEN_DOWN.file}.ja.md`];
  const before = filesUnder(FIXTURE_CONTENT);
  const after = filesUnder(content);
  assert.deepEqual(
    after.filter((file) => !before.includes(file)).sort(),
    changed.filter((file) => !before.includes(file)).sort(),
    'files added',
  );
  assert.deepEqual(before.filter((file) => !after.includes(file)).sort(), removed.sort(), 'files removed');
  for (const file of before.filter((file) => !changed.includes(file) && !removed.includes(file))) {
    assert.ok(
      readFileSync(join(content, file)).equals(readFileSync(join(FIXTURE_CONTENT, file))),
      `${file} is as it was`,
    );
  }
  // The page it saved keeps its settings as written, and its text but for the editor's change.
  const frontMatter = (text) => text.split('+++')[1];
  for (const file of [`${PAGE}.md`, `${PAGE}.ja.md`]) {
    const [was, is] = [readFileSync(join(FIXTURE_CONTENT, file), 'utf8'), readFileSync(join(content, file), 'utf8')];
    assert.equal(frontMatter(is), frontMatter(was), `${file}: front matter`);
    const lang = file.endsWith('.ja.md') ? 'ja' : 'en';
    const expected = `${was.replace(SENTENCE.before, SENTENCE.after).trimEnd()}\n\n![${PICTURE[lang]}](/files/${PICTURE.name})\n`;
    assert.equal(is, expected, `${file}: only the editor's change`);
  }
  t.diagnostic(`the notice as saved:\n${readFileSync(join(content, `${notice}.md`), 'utf8')}`);

  execFileSync('cargo', ['content', 'check', content], { cwd: ROOT, stdio: 'pipe' });

  // Built as .ci/test builds the fixture site, but for this content, and without a manifest.
  const build = (dist, repository) => {
    const env = {
      SITE_ORIGIN: 'http://127.0.0.1:8080',
      ...process.env,
      SITE_CONTENT_DIR: content,
      SITE_REPOSITORY: repository,
    };
    delete env.SITE_MANIFEST;
    execFileSync('trunk', ['build', '--release', '--dist', dist], { cwd: ROOT, stdio: 'pipe', env });
  };
  const withAdmin = join(work, 'dist');
  build(withAdmin, 'example/sendai-cluster');
  const html = (path) => readFileSync(join(withAdmin, path, 'index.html'), 'utf8');
  // A post's address is the words after the date of its file name.
  assert.ok(html(`notices/${NOTICE.slug}`).includes(NOTICE.en.title), 'the notice in English');
  assert.ok(html(`ja/notices/${NOTICE.slug}`).includes(NOTICE.ja.title), 'the notice in Japanese');
  assert.ok(html('notices').includes(NOTICE.en.title), "the notices' list");
  assert.ok(html(PAGE).includes(SENTENCE.after), 'the changed sentence');
  assert.match(html(PAGE), new RegExp(`<img[^>]* alt="${PICTURE.en}"`), 'the picture, with its English text');
  assert.match(html(`ja/${PAGE}`), new RegExp(`<img[^>]* alt="${PICTURE.ja}"`), 'the picture, with its Japanese text');
  // The page with a template is as the fixture build drew it, but for the new paragraph: the
  // diagram's words, which the save rewrote in TOML's plain layout, are all still there.
  const fixture = (path) => readFileSync(join(FIXTURE_DIST, path, 'index.html'), 'utf8');
  const withTemplate = html(TEMPLATE_PAGE.name);
  const paragraph = `<p class="sc-body">${TEMPLATE_PAGE.paragraph}</p>`;
  assert.ok(withTemplate.includes(paragraph), 'the new paragraph');
  assert.equal(withTemplate.replace(paragraph, ''), fixture(TEMPLATE_PAGE.name));
  assert.equal(html(`ja/${TEMPLATE_PAGE.name}`), fixture(`ja/${TEMPLATE_PAGE.name}`));

  // The site's own files are the same without the interface.
  const withoutAdmin = join(work, 'dist-without-admin');
  build(withoutAdmin, '');
  const site = (dist) => filesUnder(dist).filter((file) => !file.startsWith('admin/') && !file.startsWith('_headers'));
  assert.deepEqual(site(withAdmin), site(withoutAdmin));
  assert.ok(!existsSync(join(withoutAdmin, 'admin')));
  for (const file of site(withAdmin)) {
    assert.ok(
      readFileSync(join(withAdmin, file)).equals(readFileSync(join(withoutAdmin, file))),
      `${file} is the same without the interface`,
    );
  }
});

test("axe-core's findings on the interface's own screens are reported (a third party's interface: listed, not failed)", (t) => {
  assert.deepEqual(Object.keys(axeFindings), ['collection list', 'page editor', 'notice editor']);
  for (const [screen, findings] of Object.entries(axeFindings)) {
    t.diagnostic(`${screen}: ${findings.length ? findings.join(', ') : 'none'}`);
    // The one the site's own script fixes: the CMS's viewport forbade zooming.
    assert.ok(!findings.some((finding) => finding.startsWith('meta-viewport')), `${screen}: the page can be zoomed`);
  }
});

test('on request (?lang=en) the interface and its forms are in English, and stay so', async () => {
  for (const address of ['admin/?lang=en', 'admin/']) {
    // Signed in already: the interface remembers the folder.
    await page.goto(`${host.url}${address}`);
    await page.getByRole('navigation').first().getByText('Pages', { exact: true }).waitFor();
    assert.match(await page.evaluate(() => document.documentElement.lang), /^en\b/, address);
  }
  await page.goto(`${host.url}admin/#/collections/notices/new`);
  await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
  await field('Title', 'en').waitFor();
  await field('Summary', 'ja').waitFor();
  await page.goto(`${host.url}admin/?lang=ja`);
  await page.getByRole('navigation').first().getByText('ページ', { exact: true }).waitFor();
});

test('the interface, having been through every screen above, set no cookie and registered no service worker (the privacy page says so)', async () => {
  assert.deepEqual(await page.context().cookies(), []);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
});
