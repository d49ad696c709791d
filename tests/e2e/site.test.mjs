// The release build in headless Chromium: no error on any route, the source text on the pages, the
// app taking over the prerendered page, and the skip link and Page top.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { watch, waitForApp } from './support/browser.mjs';
import { useSiteInBrowser } from './support/session.mjs';
import { staticHost, DIST } from './support/server.mjs';
import { headingOf, pageLinkingTo, pagePaths, routesWithNotFound, squash, titleOf } from './support/site.mjs';
import { seedSentences, normalise } from './support/seed.mjs';
import { navigationPages } from './support/content.mjs';

const site = useSiteInBrowser(() => staticHost());
const { at } = site;

// Each route, and each page the app draws after a click, is checked in every engine
// (engines.test.mjs); what only Chromium's DevTools show is whether anything went wrong on the way.
test('the app starts on every route and draws every page after a click with no console or page error', async () => {
  const page = await site.browser.newPage();
  const seen = watch(page);
  for (const path of routesWithNotFound()) {
    await page.goto(at(path));
    await waitForApp(page);
  }
  for (const path of pagePaths()) {
    // From a page of its edition that links to it: its navigation, or its section's list for a post.
    await page.goto(at(pageLinkingTo(path)));
    await waitForApp(page);
    await page.locator(`a[href="${path}"]`).locator('visible=true').first().click();
    await page.waitForFunction(
      (expected) => document.querySelector('main h1')?.textContent === expected,
      headingOf(path),
    );
  }
  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(seen.consoleErrors, []);
  await page.close();
});

test('every sentence of the source text is on an English page', async () => {
  const page = await site.browser.newPage();
  let text = '';
  for (const path of pagePaths().filter((p) => !p.startsWith('/ja/'))) {
    await page.goto(at(path));
    await waitForApp(page);
    text += ` ${await page.locator('body').innerText()}`;
  }
  text = normalise(text);
  const missing = seedSentences().filter((sentence) => !text.includes(sentence));
  assert.deepEqual(missing, [], `sentences of the source text on no English page:\n${missing.join('\n')}`);
  await page.close();
});

/** What a visitor, a screen reader, a browser's share sheet and a crawler read on the page. */
function reading(page) {
  return page
    .evaluate(() => {
      // The live region is empty on a prerendered page and says the title after a navigation.
      const status = document.querySelector('body > [role=status]');
      if (status) status.hidden = true;
      const attr = (selector, name) => [...document.querySelectorAll(selector)].map((el) => el.getAttribute(name));
      const reading = {
        text: document.body.innerText,
        title: document.title,
        lang: document.documentElement.lang,
        description: attr('head meta[name=description]', 'content'),
        robots: attr('head meta[name=robots]', 'content'),
        canonical: attr('head link[rel=canonical]', 'href'),
        alternates: attr('head link[rel=alternate]', 'href'),
        openGraph: attr('head meta[property^="og:"]', 'content'),
        landmarks: ['header', 'nav', 'main', 'footer'].map((tag) => document.querySelectorAll(tag).length),
      };
      if (status) status.hidden = false;
      return reading;
    })
    .then((read) => ({ ...read, text: squash(read.text) }));
}

test('the page a visitor reads is the same before and after the app takes over, head included', async () => {
  const noScript = await site.browser.newContext({ javaScriptEnabled: false });
  const live = await site.browser.newContext();
  const before = await noScript.newPage();
  const after = await live.newPage();
  for (const path of routesWithNotFound()) {
    await before.goto(at(path));
    await after.goto(at(path));
    await waitForApp(after);
    assert.deepEqual(await reading(after), await reading(before), path);
  }
  await noScript.close();
  await live.close();
});

test('focus and scrolling survive the app starting, since it redraws nothing', async () => {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 600 }, reducedMotion: 'reduce' });
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(at('/'));
  // A keyboard user has reached the footer's telephone link before the app starts.
  const tel = page.locator('footer a[href^="tel:"]');
  await tel.focus();
  await tel.evaluate((el) => {
    el.dataset.focusedBefore = '';
  });
  const scrollY = await page.evaluate(() => window.scrollY);
  assert.ok(scrollY > 0, 'the page scrolled to the focused link');
  release();
  await waitForApp(page);
  assert.equal(
    await page.evaluate(() => 'focusedBefore' in (document.activeElement?.dataset ?? {})),
    true,
    'focus stays on the same link',
  );
  assert.equal(await page.evaluate(() => window.scrollY), scrollY, 'the page stays where it was');
  await page.close();
});

test('the app adopts the prerendered elements instead of drawing them again', async () => {
  const page = await site.browser.newPage();
  // Marks the prerendered elements once parsing ends, before any module script runs.
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      for (const el of document.querySelectorAll('main h1, main p, footer address')) el.dataset.prerendered = '';
    });
  });
  for (const path of routesWithNotFound()) {
    await page.goto(at(path));
    await waitForApp(page);
    const marked = await page.$$eval('main h1, main p, footer address', (els) =>
      els.every((el) => 'prerendered' in el.dataset),
    );
    assert.ok(marked, `${path}: every heading, paragraph and address is the prerendered element`);
  }
  await page.close();
});

test('where the host serves another page for an address, the app shows the right one', async () => {
  const page = await site.browser.newPage();
  const seen = watch(page);
  const home = readFileSync(join(DIST, 'index.html'), 'utf8');
  const [path] = navigationPages();
  // As a development server or a fallback rule would: the home page's file at another address.
  await page.route(`**${path}`, (route) => route.fulfill({ body: home, contentType: 'text/html' }));
  await page.goto(at(path));
  await waitForApp(page);
  assert.equal(await page.locator('h1').textContent(), headingOf(path));
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await page.locator('meta[name=description]').count(), 1, 'one description in the head');
  assert.equal(await page.locator('[role=status]').count(), 1, 'one live region');
  assert.equal(await page.title(), titleOf(path));
  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(seen.consoleErrors, []);
  await page.close();
});

test('the takeover shifts no layout (CLS 0) at phone and desktop widths', async () => {
  for (const width of [320, 1280]) {
    const context = await site.browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    for (const path of routesWithNotFound()) {
      await page.goto(at(path));
      await waitForApp(page);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      assert.equal(await page.evaluate(() => window.__shift), 0, `${path} at ${width}px`);
    }
    await context.close();
  }
});

test('on every route the skip link moves focus into main, and Page top returns to the top', async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 600 } });
  for (const route of routesWithNotFound()) {
    await page.goto(at(route));
    await waitForApp(page);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'sc-skip-link', route);
    assert.ok(await page.locator('.sc-skip-link').isVisible(), `${route}: the focused skip link is visible`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main-content');
  }

  await page.locator('.sc-footer__top').click();
  await page.waitForFunction(() => window.scrollY === 0 && location.hash === '#top');
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement.className);
  assert.equal(next, 'sc-header__name', 'Tab after Page top continues from the top');
  await page.close();
});
