// Writes a PNG of every route at 320 and 1280 CSS px, light and dark, in Chromium, Firefox and
// WebKit, into `screenshots/<engine>/`, for a person to look at. Run by `.ci/screenshots` after a
// release build (of `dist/`, or of the folder SITE_DIST names); with an argument, only the routes
// whose path contains it.
//
// Chromium goes through Playwright, which captures a whole page. Firefox and WebKit go through
// their WebDriver, which captures the window: the window is made as tall as the page first. Their
// windows cannot be as narrow as 320 px, so a 320 px page is drawn in a frame of that width at
// the window's left edge, and the picture has a blank strip on its right.

import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { launch, waitForApp } from '../e2e/support/browser.mjs';
import { startEngine, loadInFrame, waitForAppIn } from '../e2e/support/engines.mjs';
import { staticHost } from '../e2e/support/server.mjs';
import { routesWithNotFound } from '../e2e/support/site.mjs';

const WIDTHS = [320, 1280];
const ROUTES = routesWithNotFound().filter((path) => path.includes(process.argv[2] ?? ''));
const SCHEMES = ['light', 'dark'];

const out = new URL('../../screenshots/', import.meta.url).pathname;
const fileName = (engine, path, width, scheme) =>
  `${out}${engine}/${path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home'}-${width}-${scheme}.png`;

async function chromium(host) {
  const browser = await launch();
  try {
    for (const width of WIDTHS) {
      for (const colorScheme of SCHEMES) {
        const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
        const page = await context.newPage();
        for (const path of ROUTES) {
          await page.goto(new URL(path.slice(1), host.url).href);
          await waitForApp(page);
          await page.screenshot({ path: fileName('chromium', path, width, colorScheme), fullPage: true });
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
}

/** Firefox or WebKit: the page in the window at 1280 px, in a frame at 320 px. */
async function throughWebDriver(engine, host) {
  for (const colorScheme of SCHEMES) {
    const driver = await startEngine(engine, { colorScheme });
    try {
      for (const width of WIDTHS) {
        for (const path of ROUTES) {
          const url = new URL(path.slice(1), host.url).href;
          const height = width === 320 ? await inFrame(driver, url, width) : await inWindow(driver, url, width);
          await driver.manage().window().setRect({ width, height });
          await writeFile(
            fileName(engine, path, width, colorScheme),
            Buffer.from(await driver.takeScreenshot(), 'base64'),
          );
        }
      }
    } finally {
      await driver.quit();
    }
  }
}

/** Loads `url` in the window `width` px wide; resolves to the page's height. */
async function inWindow(driver, url, width) {
  await driver.manage().window().setRect({ width, height: 800 });
  await driver.get(url);
  await waitForAppIn(driver, { where: url });
  return driver.executeScript(() => document.documentElement.scrollHeight + (outerHeight - innerHeight));
}

/** Loads `url` in a frame `width` px wide, as tall as its page; resolves to the window height that shows it all. */
async function inFrame(driver, url, width) {
  await loadInFrame(driver, url, width);
  return driver.executeScript(() => {
    const frame = document.querySelector('iframe');
    frame.style.height = `${frame.contentDocument.documentElement.scrollHeight}px`;
    return frame.offsetHeight + (outerHeight - innerHeight);
  });
}

const host = await staticHost();
try {
  for (const engine of ['chromium', 'firefox', 'webkit']) mkdirSync(`${out}${engine}`, { recursive: true });
  await chromium(host);
  await throughWebDriver('firefox', host);
  await throughWebDriver('webkit', host);
} finally {
  await host.close();
}
console.log(`wrote ${ROUTES.length * WIDTHS.length * SCHEMES.length * 3} screenshots to ${out}<engine>/`);
