// Writes a PNG of every route at 320 and 1280 CSS px, light and dark, into `screenshots/`,
// for a person to look at. Run by `.ci/screenshots` after a release build.

import { mkdirSync } from 'node:fs';
import { launch } from '../e2e/support/browser.mjs';
import { staticHost } from '../e2e/support/server.mjs';
import { routesWithNotFound } from '../e2e/support/site.mjs';

const out = new URL('../../screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const host = await staticHost();
const browser = await launch();
let count = 0;
try {
  for (const width of [320, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
      const page = await context.newPage();
      for (const path of routesWithNotFound()) {
        await page.goto(new URL(path.slice(1), host.url).href);
        await page.waitForFunction(() => document.documentElement.dataset.app === 'running');
        const name = path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home';
        await page.screenshot({ path: `${out}${name}-${width}-${colorScheme}.png`, fullPage: true });
        count += 1;
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await host.close();
}
console.log(`wrote ${count} screenshots to ${out}`);
