// WCAG 2.2 AA in Chromium, where it needs Playwright's emulation: headings, text alternatives,
// reflow from 320 to 1920 px, and the print, forced-colours and reduced-motion styles. axe,
// contrast, keyboard order and focus are tested in every engine, in engines.test.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForApp } from './support/browser.mjs';
import { useSiteInBrowser } from './support/session.mjs';
import { staticHost } from './support/server.mjs';
import { pagePaths, routesWithNotFound } from './support/site.mjs';
import { pageWithTemplate } from './support/content.mjs';

const site = useSiteInBrowser(() => staticHost());
const { at } = site;

async function openPage({ width = 1280, colorScheme = 'light', reducedMotion, forcedColors } = {}) {
  const context = await site.browser.newContext({
    viewport: { width, height: 800 },
    colorScheme,
    reducedMotion,
    forcedColors,
  });
  return { context, page: await context.newPage() };
}

test('each page has one h1 and headings that never skip a level', async () => {
  const { context, page } = await openPage();
  for (const path of routesWithNotFound()) {
    await page.goto(at(path));
    await waitForApp(page);
    const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));
    assert.equal(levels.filter((l) => l === 1).length, 1, path);
    assert.equal(levels[0], 1, `${path}: h1 comes first`);
    levels.slice(1).forEach((level, i) => assert.ok(level <= levels[i] + 1, `${path}: h${levels[i]} → h${level}`));
  }
  await context.close();
});

test('the diagram and the timeline have real text alternatives', async () => {
  const { context, page } = await openPage();
  for (const path of pagePaths()) {
    await page.goto(at(path));
    await waitForApp(page);
    const diagram = page.locator('.sc-diagram');
    if (await diagram.count()) {
      assert.equal(await diagram.getAttribute('role'), 'img');
      const name = await page.evaluate(() => {
        const image = document.querySelector('.sc-diagram');
        return document.getElementById(image.getAttribute('aria-labelledby'))?.textContent;
      });
      assert.ok(name?.length > 5, `${path}: the diagram has a name`);
      const description = await page.evaluate(() => {
        const image = document.querySelector('.sc-diagram');
        return document.getElementById(image.getAttribute('aria-describedby'));
      });
      assert.ok(description, `${path}: the diagram is described`);
      const items = await page.$$eval(`#${await diagram.getAttribute('aria-describedby')} li`, (lis) => lis.length);
      assert.ok(items >= 4, `${path}: ${items} described parts`);
    }
    const timeline = page.locator('.sc-timeline');
    if (await timeline.count()) {
      assert.equal(await timeline.locator('ol').count(), 1, `${path}: the timeline is an ordered list`);
      const dates = await timeline.locator('time').evaluateAll((ts) => ts.map((t) => t.dateTime));
      assert.deepEqual(dates, [...dates].sort(), `${path}: oldest first`);
      assert.ok(
        dates.every((d) => /^\d{4}(-\d{2})?$/.test(d)),
        `${path}: machine-readable dates`,
      );
      assert.ok(await timeline.getAttribute('aria-labelledby'));
    }
  }
  await context.close();
});

test('no horizontal scroll from 320 to 1920 px', async () => {
  for (const width of [320, 375, 768, 1024, 1280, 1920]) {
    const { context, page } = await openPage({ width });
    for (const path of routesWithNotFound()) {
      await page.goto(at(path));
      await waitForApp(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `${path} at ${width}px overflows by ${overflow}px`);
    }
    await context.close();
  }
});

test('print shows the content and the address, no navigation, and where links lead', async () => {
  const { context, page } = await openPage();
  await page.goto(at('/'));
  await waitForApp(page);
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.sc-nav', '.sc-breadcrumbs', '.sc-skip-link', '.sc-header__language', '.sc-footer__top']) {
    assert.equal(await page.locator(selector).evaluate((el) => getComputedStyle(el).display), 'none', selector);
  }
  assert.ok(await page.locator('main h1').isVisible());
  assert.ok(await page.locator('footer address').isVisible());
  await page.goto(at('/no-such-page/'));
  await waitForApp(page);
  const after = await page
    .locator('main a')
    .first()
    .evaluate((a) => getComputedStyle(a, '::after').content);
  assert.match(after, /\(.*\)/, 'a link in main prints its target');
  await context.close();
});

test('forced colours keep the diagram and the focus indicator visible; reduced motion stops smooth scrolling', async () => {
  const forced = await openPage({ forcedColors: 'active' });
  await forced.page.goto(at(pageWithTemplate('diagram')));
  await waitForApp(forced.page);
  const colours = await forced.page.evaluate(() => {
    const distinct = (selector, property) => [
      ...new Set([...document.querySelectorAll(selector)].map((e) => getComputedStyle(e)[property])),
    ];
    return {
      text: getComputedStyle(document.body).color,
      background: getComputedStyle(document.body).backgroundColor,
      labels: distinct('.sc-diagram__label', 'color'),
      borders: distinct('.sc-diagram__shape', 'borderTopColor'),
      fills: distinct('.sc-diagram__shape', 'backgroundColor'),
      arrows: distinct('.sc-diagram__arrow', 'stroke'),
    };
  });
  assert.deepEqual(colours.labels, [colours.text], 'labels take the system text colour');
  assert.deepEqual(colours.borders, [colours.text], 'shapes are outlined in the system text colour');
  assert.deepEqual(colours.fills, [colours.background], 'shapes are filled with the system background');
  assert.deepEqual(colours.arrows, [colours.text], 'arrows take the system text colour');
  await forced.page.keyboard.press('Tab');
  const outline = await forced.page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid');
  await forced.context.close();

  for (const [reducedMotion, behaviour] of [
    ['reduce', 'auto'],
    ['no-preference', 'smooth'],
  ]) {
    const { context, page } = await openPage({ reducedMotion });
    await page.goto(at('/'));
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior),
      behaviour,
      reducedMotion,
    );
    await context.close();
  }
});
