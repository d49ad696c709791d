// What a screen reader receives: every page's accessible tree as the platform accessibility API
// of Linux (AT-SPI, which Orca reads) gives it, in Firefox ESR and in WebKitGTK (WebKit, the
// engine of Safari, whose accessibility tree VoiceOver reads through Apple's API), checked
// against the page itself.
//
// Each page is read twice by the same browser: its DOM through WebDriver (what the page says:
// its landmarks, headings, links, current-page marks, diagram and language marks) and its
// accessible tree through AT-SPI (what a reader is given). Nothing expected is written here, so a
// change of wording on the site never breaks these tests; a page whose tree no longer says what
// its DOM says does. The pages are read once per engine, before the tests, which then compare.
//
// What each engine exposes, as observed on this machine kind (Firefox ESR 153, WebKitGTK 2.50):
// - landmarks: role `landmark` with object attribute `xml-roles` (banner, navigation, main,
//   contentinfo), and a navigation's aria-label as its name; in both engines;
// - headings: role `heading` with object attribute `level`; in both;
// - links: role `link`, named by their text (or aria-label); in both;
// - aria-current: object attribute `current` (e.g. `current:page`) on the link and on the
//   breadcrumb's list item; in both (no AT-SPI state is used for it);
// - the concept diagram (`role="img"` with aria-labelledby and aria-describedby): role `image`,
//   named by the title, with the described text as its description, and nothing inside it.
//   WebKitGTK makes it a leaf by itself; Firefox kept the shapes' labels as children of the image
//   (plain `section`s with text), leaving ARIA's presentational children to the reader (Orca
//   43.1, Debian 12's, would read them), until the site hid them (`aria-hidden`).
//   Firefox's description puts "• " before each item of the described list; WebKitGTK runs the
//   items together without a space. Descriptions are compared letter for letter, spacing aside;
// - language: a text attribute `language` on each run of text. Firefox gives the document's
//   language (Document locale) and splits runs at inline `lang` marks (`<span lang="ja">`).
//   WebKitGTK gives an empty Document locale and one language per accessible object: an element
//   that is an object of its own (a paragraph, a link) gets its `lang`; a `<span lang>` inside
//   running text is merged into its parent's text, in the parent's language.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ACCESSIBLE_ENGINES, startAccessibleEngine } from './support/atspi.mjs';
import { waitForAppIn, markDocument, sameDocument, click } from './support/engines.mjs';
import { staticHost } from './support/server.mjs';
import { pagePaths, headingOf, inJapanese, squash } from './support/site.mjs';
import { FIXTURE_DIST, fixturePictures, pageWithTemplate } from './support/content.mjs';
import { manifestOf, pathIn, sectionsWithPosts } from './support/manifest.mjs';

// The last page of the list of the fixture's first section, in Japanese: its posts and both kinds
// of links between pages (by number, and to the previous).
const [LIST_SECTION] = sectionsWithPosts(FIXTURE_DIST);
const LIST_PAGE = LIST_SECTION.list_pages.at(-1);
const LIST_PATH = pathIn('ja', LIST_PAGE.slug);
const LIST_WORDS = manifestOf(FIXTURE_DIST).lists.ja;

// The fixture's search page in Japanese, and a query with results there.
const SEARCH_PATH = pathIn('ja', 'search');
const SEARCH_QUERY = '公募';

/** How long a condition may take to hold before a test fails: a bound, not a pause. */
const WAIT_MS = 20_000;

/** The landmark roles, as the object attribute `xml-roles` names them. */
const LANDMARKS = new Set(['banner', 'navigation', 'main', 'contentinfo', 'complementary', 'region', 'search', 'form']);

/** The AT-SPI role of an element that carries aria-current on this site. */
const ROLE_OF_TAG = { A: 'link', LI: 'list item' };

/**
 * What the page says, from its DOM: run in the page. Names come from aria-labelledby or
 * aria-label where the page gives them, else from the element's text, as the accessible name
 * computation does for these roles.
 */
function pageFacts() {
  const squashed = (text) => text.replace(/\s+/g, ' ').trim();
  const byIds = (ids) =>
    ids
      .trim()
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  const ariaName = (element) =>
    squashed(
      element.hasAttribute('aria-labelledby')
        ? byIds(element.getAttribute('aria-labelledby'))
        : (element.getAttribute('aria-label') ?? ''),
    );
  const roles = {
    HEADER: 'banner',
    NAV: 'navigation',
    MAIN: 'main',
    FOOTER: 'contentinfo',
    ASIDE: 'complementary',
    SECTION: 'region',
  };
  return {
    title: document.title,
    lang: document.documentElement.lang,
    // A header or footer inside sectioning content or main is no landmark, a section is one
    // (a region) only if it is named (HTML-AAM).
    landmarks: [...document.body.querySelectorAll('header, nav, main, footer, aside, section, [role="search"]')]
      .filter(
        (element) =>
          !(
            ['HEADER', 'FOOTER'].includes(element.tagName) &&
            element.parentElement.closest('article, aside, main, nav, section')
          ),
      )
      .filter((element) => element.tagName !== 'SECTION' || ariaName(element))
      .map((element) => ({ role: element.getAttribute('role') ?? roles[element.tagName], name: ariaName(element) })),
    status: document.querySelector('.sc-search__status')?.textContent ?? null,
    headings: [...document.body.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({
      level: Number(h.tagName[1]),
      name: squashed(h.textContent),
    })),
    links: [...document.body.querySelectorAll('a[href]')].map((a) => ariaName(a) || squashed(a.textContent)),
    current: [...document.body.querySelectorAll('[aria-current]:not([aria-current="false"])')].map((element) => ({
      tag: element.tagName,
      value: element.getAttribute('aria-current'),
      text: squashed(element.textContent),
      nav: element.closest('nav')?.getAttribute('aria-label') ?? null,
    })),
    // Parts in another language than the element around them; `object` if the part is an
    // accessible object of its own (a block or a link), not a run inside its parent's text.
    parts: [...document.body.querySelectorAll('[lang]')]
      .filter((element) => element.lang !== element.parentElement.closest('[lang]').lang)
      .map((element) => ({
        lang: element.lang,
        text: squashed(element.textContent),
        object: element.matches('a[href]') || getComputedStyle(element).display !== 'inline',
      })),
    images: [...document.body.querySelectorAll('[role="img"]')].map((element) => ({
      name: ariaName(element),
      description: squashed(byIds(element.getAttribute('aria-describedby') ?? '')),
    })),
    pictures: [...document.body.querySelectorAll('img')].map((img) => img.alt),
  };
}

/** Every node of an accessible tree, in reading order. */
const nodesOf = (node) => [node, ...node.children.flatMap(nodesOf)];

/** A node's own text, its runs joined. */
const textOf = (node) => squash((node.text ?? []).map(([, text]) => text).join(' '));

/** The letters of a text, without spaces or list bullets: what two engines' spacings share. */
const letters = (text) => text.replace(/[\s•]+/g, '');

for (const [engine, app] of Object.entries(ACCESSIBLE_ENGINES)) {
  describe(`screen reader (AT-SPI): ${engine}`, () => {
    let session;
    let host;
    /** What was read of each page: { where, facts, tree }, `where` naming the page and how it was reached. */
    const pages = [];
    /** The same, of the fixture's pages with pictures, with the alternative texts their files write. */
    const pictured = [];
    let fixture;
    /** What was read of the fixture's list page, and of its search's results. */
    let listPage;
    let searchPage;
    const at = (path) => new URL(path.slice(1), host.url).href;

    /** Waits until the page's `main h1` is the one the build wrote for `path`. */
    const untilHeading = (path, message) =>
      session.driver.wait(
        () =>
          session.driver.executeScript(
            (expected) => document.querySelector('main h1')?.textContent === expected,
            headingOf(path),
          ),
        WAIT_MS,
        message,
      );

    /**
     * Reads the page the browser shows: its DOM facts, then its accessible tree once the tree
     * shows that page (its title and its `h1`) and has settled (two readings in a row are the
     * same: a browser builds and updates its tree after the DOM changes, not with them).
     */
    async function read(where, into = pages) {
      const { driver } = session;
      const facts = await driver.executeScript(pageFacts);
      const url = await driver.getCurrentUrl();
      const deadline = Date.now() + WAIT_MS;
      let previous = null;
      for (;;) {
        const tree = await session.tree(url);
        const h1 = tree && nodesOf(tree).find((node) => node.role === 'heading' && node.attributes.level === '1');
        const shown =
          tree?.name === facts.title && squash(h1?.name ?? '') === facts.headings.find((h) => h.level === 1)?.name;
        const reading = JSON.stringify(tree);
        if (shown && reading === previous) {
          into.push({ where, facts, tree });
          return into.at(-1);
        }
        previous = reading;
        if (Date.now() > deadline) {
          throw new Error(
            `${engine}, ${where}: the accessible tree did not show the page in ${WAIT_MS} ms: ${
              tree
                ? `document "${tree.name}" at ${tree.url}, first h1 "${h1?.name}"`
                : `${app} showed no document at ${url}`
            }`,
          );
        }
      }
    }

    before(async () => {
      host = await staticHost();
      session = await startAccessibleEngine(engine);
      const { driver } = session;
      for (const path of pagePaths()) {
        await driver.get(at(path));
        await waitForAppIn(driver, { where: `${path} in ${engine}`, timeoutMs: WAIT_MS });
        await read(path);
      }
      // Pages the app draws itself, after a click: the tree must follow the new content, the
      // diagram's too.
      const diagramPage = pageWithTemplate('diagram');
      for (const [start, path] of [
        ['/', diagramPage],
        ['/ja/', inJapanese(diagramPage)],
      ]) {
        const selector = `nav a[href="${path}"]`;
        await driver.get(at(start));
        await waitForAppIn(driver, { where: `${start} in ${engine}`, timeoutMs: WAIT_MS });
        await markDocument(driver);
        await click(driver, selector);
        await untilHeading(path, `${engine}: ${path} did not show after a click on ${selector}`);
        assert.ok(await sameDocument(driver), `${engine}: ${path} was loaded, not drawn by the app`);
        await read(`${path} drawn by the app after a click on ${selector}`);
      }
      // The language switch loads the other edition as a new document (see the last test).
      const switched = inJapanese(diagramPage);
      await driver.get(at(diagramPage));
      await waitForAppIn(driver, { where: `${diagramPage} in ${engine}`, timeoutMs: WAIT_MS });
      await click(driver, '.sc-header__language');
      await untilHeading(switched, `${engine}: the language switch did not lead to ${switched}`);
      await waitForAppIn(driver, { where: `${switched} in ${engine}`, timeoutMs: WAIT_MS });
      await read(`${switched} after the language switch`);
      pages.at(-1).switchedLanguage = true;
      // The fixture's pages with pictures, as served and drawn by the app after a click.
      fixture = await staticHost({ dist: FIXTURE_DIST });
      for (const { path, pictures } of fixturePictures()) {
        const home = new URL(path.startsWith('/ja/') ? 'ja/' : '', fixture.url).href;
        await driver.get(new URL(path.slice(1), fixture.url).href);
        await waitForAppIn(driver, { where: `${path} (fixture) in ${engine}`, timeoutMs: WAIT_MS });
        Object.assign(await read(`${path} (fixture)`, pictured), { pictures });
        await driver.get(home);
        await waitForAppIn(driver, { where: `${home} in ${engine}`, timeoutMs: WAIT_MS });
        await markDocument(driver);
        await click(driver, `nav a[href="${path}"]`);
        await driver.wait(
          () => driver.executeScript((alt) => document.querySelector('main img')?.alt === alt, pictures[0].alt),
          WAIT_MS,
          `${engine}: ${path} (fixture) did not show after a click`,
        );
        assert.ok(await sameDocument(driver), `${engine}: ${path} was loaded, not drawn by the app`);
        Object.assign(await read(`${path} (fixture) drawn by the app after a click`, pictured), { pictures });
      }
      // A page of a section's list, as served: the checks of every page hold there, and the list
      // is read as one (below).
      await driver.get(new URL(LIST_PATH.slice(1), fixture.url).href);
      await waitForAppIn(driver, { where: `${LIST_PATH} (fixture) in ${engine}`, timeoutMs: WAIT_MS });
      listPage = await read(`${LIST_PATH} (fixture)`);
      // The search's results, in Japanese: their links and headings are checked as every page's,
      // and the count must reach the tree's status region.
      await driver.get(new URL(`${SEARCH_PATH.slice(1)}?q=${encodeURIComponent(SEARCH_QUERY)}`, fixture.url).href);
      await driver.wait(
        () => driver.executeScript(() => Boolean(document.querySelector('.sc-search__status')?.textContent)),
        WAIT_MS,
        `${engine}: the search said nothing`,
      );
      searchPage = await read(`${SEARCH_PATH}?q=${SEARCH_QUERY} (fixture)`);
    });

    after(async () => {
      await session?.quit();
      await host?.close();
      await fixture?.close();
    });

    test("a page's picture is an image named by the alternative text its edition writes, as served and as the app draws it", () => {
      assert.ok(pictured.length >= 4, `${engine}: the fixture's pictures were read`);
      for (const { where, facts, tree, pictures } of pictured) {
        const alts = pictures.map(({ alt }) => alt);
        assert.deepEqual(facts.pictures, alts, `${engine}, ${where}: the page's alternative texts`);
        const images = nodesOf(tree)
          .filter((node) => node.role === 'image')
          .map((node) => squash(node.name));
        assert.deepEqual(images, alts.map(squash), `${engine}, ${where}: the images of the accessible tree`);
      }
    });

    test("a section's list gives each post as a heading of level 2 with a link named by its title, in order, and its pages' links named by their labels", () => {
      const { tree, facts } = listPage;
      const nodes = nodesOf(tree);
      const titles = LIST_PAGE.posts.map((slug) =>
        squash(LIST_SECTION.posts.find((post) => post.slug === slug).title.ja),
      );
      // The posts' headings are the page's first of level 2; the footer's come after them.
      const headings = nodes
        .filter((node) => node.role === 'heading' && node.attributes.level === '2')
        .map((node) => squash(node.name));
      assert.deepEqual(headings.slice(0, titles.length), titles, `${engine}: the posts' headings, in order`);
      const links = nodes.filter((node) => node.role === 'link').map((node) => squash(node.name));
      for (const title of titles) assert.ok(links.includes(title), `${engine}: a link named "${title}"`);
      const labels = [
        ...LIST_SECTION.list_pages.map((_, index) =>
          LIST_WORDS.list_page_label.replaceAll('{page}', String(index + 1)),
        ),
        LIST_WORDS.previous_page,
      ];
      for (const label of labels) {
        assert.ok(links.includes(squash(label)), `${engine}: a link named "${label}" among ${links.join(', ')}`);
      }
      assert.ok(
        facts.landmarks.some((landmark) => landmark.name === squash(LIST_SECTION.words.ja.pagination_label)),
        `${engine}: the pages' navigation`,
      );
    });

    test("the search's count is in a status region of the tree, as the page shows it", () => {
      const { facts, tree } = searchPage;
      assert.ok(facts.status, `${engine}: the page shows a count`);
      const regions = nodesOf(tree).filter((node) => node.attributes['xml-roles'] === 'status');
      const said = regions.map((node) => squash(node.text.map(([, text]) => text).join('')));
      assert.ok(said.includes(squash(facts.status)), `${engine}: status regions say ${JSON.stringify(said)}`);
    });

    test('the landmarks are a banner, each navigation and region with its label, a main and a contentinfo, as the page has them', () => {
      for (const { where, facts, tree } of pages) {
        const landmarks = nodesOf(tree).filter((node) => LANDMARKS.has(node.attributes['xml-roles']));
        for (const node of landmarks)
          assert.equal(
            node.role,
            'landmark',
            `${engine}, ${where}: ${node.attributes['xml-roles']} is exposed as a landmark`,
          );
        assert.deepEqual(
          landmarks.map((node) => ({ role: node.attributes['xml-roles'], name: squash(node.name) })),
          facts.landmarks,
          `${engine}, ${where}: landmarks`,
        );
        for (const role of ['banner', 'navigation', 'main', 'contentinfo']) {
          assert.ok(
            facts.landmarks.some((landmark) => landmark.role === role),
            `${engine}, ${where}: the page has a ${role}`,
          );
        }
      }
    });

    test('the headings, with their levels and in order, are the h1 to h6 of the page', () => {
      for (const { where, facts, tree } of pages) {
        const headings = nodesOf(tree).filter((node) => node.role === 'heading');
        assert.deepEqual(
          headings.map((node) => ({ level: Number(node.attributes.level), name: squash(node.name) })),
          facts.headings,
          `${engine}, ${where}: headings`,
        );
        assert.equal(facts.headings.filter((h) => h.level === 1).length, 1, `${engine}, ${where}: one h1`);
      }
    });

    test('every link is named by its text or label on the page, and no name is empty', () => {
      for (const { where, facts, tree } of pages) {
        const links = nodesOf(tree)
          .filter((node) => node.role === 'link')
          .map((node) => squash(node.name));
        assert.deepEqual(links, facts.links, `${engine}, ${where}: link names`);
        assert.ok(links.length > 0 && links.every(Boolean), `${engine}, ${where}: every link has a name`);
      }
    });

    test('the concept diagram is one image, named by its title and described by the text under it', () => {
      let diagrams = 0;
      for (const { where, facts, tree } of pages) {
        const images = nodesOf(tree).filter((node) => node.role === 'image');
        assert.equal(images.length, facts.images.length, `${engine}, ${where}: images`);
        facts.images.forEach((expected, index) => {
          const image = images[index];
          assert.equal(squash(image.name), expected.name, `${engine}, ${where}: the image's name`);
          assert.ok(expected.description, `${engine}, ${where}: the image is described`);
          assert.equal(
            letters(image.description),
            letters(expected.description),
            `${engine}, ${where}: the image's description`,
          );
          const inside = nodesOf(image)
            .slice(1)
            .map((node) => `${node.role} "${textOf(node) || node.name}"`);
          assert.deepEqual(inside, [], `${engine}, ${where}: nothing is exposed inside the image`);
          diagrams += 1;
        });
      }
      assert.ok(diagrams >= 2, `${engine}: the diagram was checked on its pages (${diagrams})`);
    });

    test('the current page is marked (aria-current) in the navigation and the breadcrumbs', () => {
      let linksMarked = 0;
      for (const { where, facts, tree } of pages) {
        const marked = nodesOf(tree).filter((node) => node.attributes.current && node.attributes.current !== 'false');
        assert.deepEqual(
          marked.map((node) => ({ role: node.role, value: node.attributes.current })),
          facts.current.map((element) => ({ role: ROLE_OF_TAG[element.tag] ?? element.tag, value: element.value })),
          `${engine}, ${where}: what is marked current`,
        );
        facts.current.forEach((element, index) => {
          const node = marked[index];
          assert.ok(
            squash(node.name || textOf(node)).includes(element.text),
            `${engine}, ${where}: "${element.text}" (in ${element.nav}) is the one marked current, not "${node.name}"`,
          );
        });
        if (facts.current.some((element) => element.tag === 'A' && element.nav)) linksMarked += 1;
      }
      assert.ok(linksMarked > 0, `${engine}: a navigation link was marked current on some page`);
    });

    /**
     * Checks that the tree of `page` gives the language of the document and of each part in
     * another language; returns how many such parts it checked.
     */
    function checkLanguage({ where, facts, tree }) {
      let partsChecked = 0;
      const runs = nodesOf(tree).flatMap((node) => node.text ?? []);
      // WebKitGTK gives no Document locale (observed: an empty string); its text runs carry the language.
      if (engine === 'firefox') assert.equal(tree.locale, facts.lang, `${engine}, ${where}: the document's locale`);
      const h1 = nodesOf(tree).find((node) => node.role === 'heading' && node.attributes.level === '1');
      assert.deepEqual(
        [...new Set(h1.text.map(([language]) => language))],
        [facts.lang],
        `${engine}, ${where}: the h1's language`,
      );
      // Any text in another language than the document's is one of the page's marked parts.
      for (const [language, text] of runs) {
        if (language === facts.lang) continue;
        assert.ok(
          facts.parts.some((part) => part.lang === language && letters(part.text).includes(letters(text))),
          `${engine}, ${where}: "${squash(text)}" is given as ${language || 'no language'}, the page as ${facts.lang}`,
        );
      }
      for (const part of facts.parts) {
        if (engine === 'webkit') {
          // One language per object (see the top of this file): a part is checked where it is
          // an object of its own, the deepest node with its text.
          if (!part.object) continue;
          const own = nodesOf(tree).findLast((node) => node.text && letters(textOf(node)) === letters(part.text));
          assert.ok(own, `${engine}, ${where}: "${part.text}" is an object of its own`);
          assert.deepEqual(
            [...new Set(own.text.map(([language]) => language))],
            [part.lang],
            `${engine}, ${where}: "${part.text}" is given as ${part.lang}`,
          );
        }
        const inLanguage = letters(
          runs
            .filter(([language]) => language === part.lang)
            .map(([, text]) => text)
            .join(''),
        );
        assert.ok(
          inLanguage.includes(letters(part.text)),
          `${engine}, ${where}: "${part.text}" is given as ${part.lang}`,
        );
        partsChecked += 1;
      }
      return partsChecked;
    }

    test('the language of the document and of each part in another language', () => {
      let partsChecked = 0;
      for (const page of pages.filter((read) => !read.switchedLanguage)) partsChecked += checkLanguage(page);
      assert.ok(partsChecked > 0, `${engine}: a part in another language was checked`);
    });

    // Observed in Firefox ESR 153: when a page changes the `lang` of an element after it was
    // loaded, the tree keeps the old language: for the document, and for the text under that
    // element, even text added after the change; only an element created with its own `lang`
    // gets it. So the language switch loads the other edition as a new document, which every
    // engine reads in its own language.
    test('after the visitor switches language, the tree gives the new language', () => {
      const switched = pages.filter((read) => read.switchedLanguage);
      assert.ok(switched.length > 0, `${engine}: a page was reached by switching language`);
      for (const page of switched) checkLanguage(page);
    });
  });
}
