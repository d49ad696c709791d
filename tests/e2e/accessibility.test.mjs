// WCAG 2.2 AA in a real browser: axe on every route in both schemes and at phone and desktop
// widths, contrast of text and focus indicators, keyboard order, headings, text alternatives,
// reflow from 320 to 1920 px, and the print, forced-colours and reduced-motion styles.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { waitForApp } from './support/browser.mjs';
import { useSiteInBrowser } from './support/session.mjs';
import { staticHost } from './support/server.mjs';
import { pagePaths, routesWithNotFound } from './support/site.mjs';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const site = useSiteInBrowser(() => staticHost());
const { at } = site;

async function openPage({ width = 1280, colorScheme = 'light', reducedMotion, forcedColors } = {}) {
  const context = await site.browser.newContext({ viewport: { width, height: 800 }, colorScheme, reducedMotion, forcedColors });
  return { context, page: await context.newPage() };
}

// WCAG relative luminance and contrast ratio, computed in the page from computed styles.
const CONTRAST_HELPERS = `
  window.__rgb = (css) => css.match(/[\\d.]+/g).slice(0, 4).map(Number);
  window.__luminance = ([r, g, b]) => {
    const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  window.__contrast = (a, b) => {
    const [l1, l2] = [__luminance(__rgb(a)), __luminance(__rgb(b))].sort((x, y) => y - x);
    return (l1 + 0.05) / (l2 + 0.05);
  };
  window.__background = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const bg = getComputedStyle(node).backgroundColor;
      if (__rgb(bg)[3] !== 0) return bg;
    }
    return getComputedStyle(document.body).backgroundColor;
  };
`;

test('axe finds no violation on any route, light and dark, at 320 and 1280 px', async () => {
  for (const width of [320, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page } = await openPage({ width, colorScheme });
      for (const path of routesWithNotFound()) {
        await page.goto(at(path));
        await waitForApp(page);
        const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        assert.deepEqual(summary, [], `${path} ${colorScheme} ${width}px`);
      }
      await context.close();
    }
  }
});

test('body text has at least 7:1 contrast in both schemes', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await openPage({ colorScheme });
    await page.addInitScript(CONTRAST_HELPERS);
    for (const path of pagePaths()) {
      await page.goto(at(path));
      await waitForApp(page);
      const ratios = await page.$$eval('main p, main li, footer address', (els) =>
        els.map((el) => __contrast(getComputedStyle(el).color, __background(el))));
      assert.ok(Math.min(...ratios) >= 7, `${path} ${colorScheme}: ${Math.min(...ratios).toFixed(2)}:1`);
    }
    await context.close();
  }
});

test('the keyboard reaches every control in reading order, each with a visible 3:1 focus indicator', async () => {
  for (const colorScheme of ['light', 'dark']) {
    // Reduced motion makes focus scroll the element into view at once rather than smoothly.
    const { context, page } = await openPage({ width: 320, colorScheme, reducedMotion: 'reduce' });
    await page.addInitScript(CONTRAST_HELPERS);
    for (const path of routesWithNotFound()) {
      await page.goto(at(path));
      await waitForApp(page);
      const expected = await page.$$eval('a[href], [tabindex="0"], button', (els) => els.map((el) => el.outerHTML));
      const reached = [];
      for (let i = 0; i < expected.length; i += 1) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          const around = __background(el.parentElement);
          const indicators = [style.backgroundColor, style.outlineColor, ...(style.boxShadow.match(/rgba?\([^)]+\)/g) ?? [])]
            .filter((c) => __rgb(c)[3] !== 0 && (c !== style.outlineColor || style.outlineStyle !== 'none'));
          const rect = el.getBoundingClientRect();
          return {
            html: el.outerHTML,
            contrast: Math.max(0, ...indicators.map((c) => __contrast(c, around))),
            inView: rect.bottom > 0 && rect.top < innerHeight && rect.width > 0,
          };
        });
        reached.push(focus.html);
        assert.ok(focus.contrast >= 3, `${path} ${colorScheme}: focus on ${focus.html.slice(0, 60)} has ${focus.contrast.toFixed(2)}:1`);
        assert.ok(focus.inView, `${path}: focused ${focus.html.slice(0, 60)} is on screen`);
      }
      assert.deepEqual(reached, expected, `${path}: tab order follows the page`);
    }
    await context.close();
  }
});

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
      assert.ok(dates.every((d) => /^\d{4}(-\d{2})?$/.test(d)), `${path}: machine-readable dates`);
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
  const after = await page.locator('main a').first().evaluate((a) => getComputedStyle(a, '::after').content);
  assert.match(after, /\(.*\)/, 'a link in main prints its target');
  await context.close();
});

test('forced colours keep the diagram and the focus indicator visible; reduced motion stops smooth scrolling', async () => {
  const forced = await openPage({ forcedColors: 'active' });
  await forced.page.goto(at('/concept/'));
  await waitForApp(forced.page);
  const colours = await forced.page.evaluate(() => {
    const distinct = (selector, property) => [...new Set([...document.querySelectorAll(selector)].map((e) => getComputedStyle(e)[property]))];
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

  for (const [reducedMotion, behaviour] of [['reduce', 'auto'], ['no-preference', 'smooth']]) {
    const { context, page } = await openPage({ reducedMotion });
    await page.goto(at('/'));
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), behaviour, reducedMotion);
    await context.close();
  }
});
