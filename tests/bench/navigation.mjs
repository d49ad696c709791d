// Client-side navigation in headless Chromium: how soon a click on a link shows the new page,
// and whether the app gives back its memory and DOM nodes after many navigations.

import { watch, waitForApp } from '../e2e/support/browser.mjs';
import { median, percentile } from './stats.mjs';

/** How long a click may take to show its page before the benchmark gives up. */
const CLICK_TIMEOUT_MS = 5000;

/**
 * Times `count` clicks on links of the main navigation, from the click to the first animation
 * frame after the new page's heading is in the DOM, cycling through both languages.
 */
export async function measureNavigation(browser, { url, paths, count }) {
  const app = await openApp(browser, url, paths);
  const samples = [];
  for (const kind of clicks(app.navLinks, app.languages)) {
    const ms = await click(app, kind);
    if (kind === 'nav') samples.push(ms);
    if (samples.length === count) break;
  }
  await app.close();
  return { count, medianMs: median(samples), p95Ms: percentile(samples, 95), samplesMs: samples };
}

/**
 * Memory after at least `count` navigations across every page compared with the start: after
 * the first load and one warm-up round through every page. The count is rounded up to whole
 * rounds so that both snapshots are taken on the same page.
 */
export async function measureMemory(browser, { url, paths, count }) {
  const app = await openApp(browser, url, paths);
  const cdp = await app.page.context().newCDPSession(app.page);
  const round = app.languages * (app.navLinks + 1);
  await navigate(app, round);
  const start = await memorySnapshot(app.page, cdp);
  const navigations = Math.ceil(count / round) * round;
  await navigate(app, navigations);
  const end = await memorySnapshot(app.page, cdp);
  await app.close();
  return { navigations, start, end };
}

/** Opens `url` in a fresh context once the app runs, with what clicking through the site needs. */
async function openApp(browser, url, paths) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(url);
  await waitForApp(page);
  const navLinks = await page.locator('nav.sc-nav a').count();
  const languages = paths.length / navLinks;
  if (!Number.isInteger(languages)) throw new Error(`${paths.length} pages but ${navLinks} navigation links`);
  return {
    page,
    navLinks,
    languages,
    headings: await prerenderedHeadings(page, paths),
    /** Closes the page, then fails if the app threw while it was open. */
    close: async () => {
      await context.close();
      if (seen.pageErrors.length) throw new Error(`the app failed while navigating: ${seen.pageErrors.join('; ')}`);
    },
  };
}

/** Each page's `main h1` as its prerendered file has it: what the app must show there. */
function prerenderedHeadings(page, paths) {
  return page.evaluate(async (paths) => {
    const headings = await Promise.all(paths.map(async (path) => {
      const html = await (await fetch(path)).text();
      return new DOMParser().parseFromString(html, 'text/html').querySelector('main h1').textContent;
    }));
    return Object.fromEntries(paths.map((path, i) => [path, headings[i]]));
  }, paths);
}

/**
 * The clicks that walk the whole site, endlessly: in each language, the next link of the main
 * navigation until back on the page it started from, then the language switch.
 */
function* clicks(navLinks, languages) {
  for (;;) {
    for (let language = 0; language < languages; language += 1) {
      for (let link = 0; link < navLinks; link += 1) yield 'nav';
      yield 'language';
    }
  }
}

async function navigate(app, count) {
  const next = clicks(app.navLinks, app.languages);
  for (let done = 0; done < count; done += 1) await click(app, next.next().value);
}

/** Clicks the next navigation link or the language switch; resolves to the milliseconds it took. */
function click(app, kind) {
  return app.page.evaluate(clickInPage, { kind, headings: app.headings, timeoutMs: CLICK_TIMEOUT_MS });
}

/**
 * Runs in the page. Everything is timed there, with the page's own clock, so that nothing of
 * the test driver's round trips is counted: from dispatching the click to the first animation
 * frame after the new heading is in the DOM (the frame that paints it).
 */
function clickInPage({ kind, headings, timeoutMs }) {
  const navLinks = [...document.querySelectorAll('nav.sc-nav a')];
  const current = navLinks.findIndex((link) => link.getAttribute('aria-current') === 'page');
  const link = kind === 'language'
    ? document.querySelector('.sc-header__language')
    : navLinks[(current + 1) % navLinks.length];
  const heading = headings[new URL(link.href).pathname];
  return new Promise((resolve, reject) => {
    let clickedAt;
    const observer = new MutationObserver(() => {
      if (document.querySelector('main h1')?.textContent !== heading) return;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => resolve(performance.now() - clickedAt));
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`"${heading}" did not show within ${timeoutMs} ms of clicking ${link.href}`));
    }, timeoutMs);
    observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
    clickedAt = performance.now();
    link.click();
  });
}

/** The app's memory after a forced garbage collection, and the DOM it holds. */
async function memorySnapshot(page, cdp) {
  const inPage = await page.evaluate(async () => ({
    elements: document.getElementsByTagName('*').length,
    // Trunk's loader keeps the wasm-bindgen glue at `window.wasmBindings`; its init function,
    // called again, returns the running instance's exports, the wasm memory among them.
    wasmMemoryBytes: (await window.wasmBindings.default()).memory.buffer.byteLength,
  }));
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  return { jsHeapBytes: usedSize, ...inPage, domNodes: nodes, jsEventListeners };
}
