// Client-side navigation: how soon a click on a link shows the new page, in each browser engine,
// with the page's data already fetched; how soon with its data still to fetch on a slow mobile
// network, against a full load of the page there (Chromium); and whether the app gives back its
// memory and DOM nodes after many navigations (Chromium, whose DevTools protocol gives the heap
// figures).

import { watch, waitForApp } from '../e2e/support/browser.mjs';
import { startEngine, waitForAppIn } from '../e2e/support/engines.mjs';
import { median, percentile } from './stats.mjs';

/** How long a click may take to show its page before the benchmark gives up. */
const CLICK_TIMEOUT_MS = 5000;

/**
 * Timed clicks between two loads of the page. WebKit throws on the 101st `history.pushState` in
 * 10 seconds, which no visitor's clicking reaches but the benchmark's does; a load starts the
 * count again. 50 navigation links stay under 100.
 */
const CLICKS_PER_LOAD = 50;

/**
 * Times `count` clicks on links of the main navigation of the edition the page opens in (the
 * language switch loads the other edition as a new document, not a navigation the app makes): in
 * Chromium through Playwright's `browser`, or, given `engine`, in that engine through its
 * WebDriver. For each click: until the new page's heading is in the DOM (the app's work), and
 * until the first animation frame after it (the frame that paints it, the budget's figure).
 * Beside them, the baseline: how long the engine takes to give any script its next frame, timed
 * the same way with no click, since an engine whose frames come slowly (WebKitGTK drawing in
 * software under Xvfb) adds that wait to every navigation, whatever the app does.
 */
export async function measureNavigation(browser, { url, paths, count, engine }) {
  const app = engine ? await openAppIn(engine, url, paths) : await openApp(browser, url, paths);
  // Every page's data fetched first, as after a visit's idle moments: each load starts with a
  // round through the site, untimed.
  const round = app.navLinks;
  await navigate(app, round);
  const painted = [];
  const updated = [];
  const emptyFrame = [];
  try {
    for (;;) {
      const timing = await click(app);
      painted.push(timing.paintedMs);
      updated.push(timing.updatedMs);
      emptyFrame.push(await app.evaluate(nextFrameInPage));
      if (painted.length === count) break;
      if (painted.length % CLICKS_PER_LOAD === 0) {
        await app.reload();
        await navigate(app, round);
      }
    }
  } finally {
    await app.close();
  }
  const summary = (samples) => ({ medianMs: median(samples), p95Ms: percentile(samples, 95), samplesMs: samples });
  return {
    count,
    version: app.version,
    ...summary(painted),
    updated: summary(updated),
    emptyFrame: summary(emptyFrame),
  };
}

/**
 * Memory after at least `count` navigations across every page compared with the start: after
 * the first load and one warm-up round through every page. The count is rounded up to whole
 * rounds so that both snapshots are taken on the same page.
 */
export async function measureMemory(browser, { url, paths, count }) {
  const app = await openApp(browser, url, paths);
  const cdp = await app.page.context().newCDPSession(app.page);
  const round = app.navLinks;
  await navigate(app, round);
  const start = await memorySnapshot(app.page, cdp);
  const navigations = Math.ceil(count / round) * round;
  await navigate(app, navigations);
  const end = await memorySnapshot(app.page, cdp);
  await app.close();
  return { navigations, start, end };
}

/**
 * Lighthouse's mobile network (its simulated throttling's figures), applied by Chromium itself:
 * 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
 */
export const MOBILE_NETWORK = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

/**
 * For each page of the main navigation in each language: a click from the edition's home page
 * with the page's data not yet fetched (the app's idle fetching held off by Save-Data, and a
 * scripted click, which gives no hover), until the frame that paints the new heading; and a full
 * load of the same page, until its largest contentful paint. Both on `MOBILE_NETWORK` with the
 * HTTP cache off, in Chromium. Medians of `runs` each.
 */
export async function measureColdNavigation(browser, { url, paths, runs }) {
  const homes = paths.filter((path) => /^\/([a-z]{2}\/)?$/.test(path));
  const pages = [];
  for (const home of homes) {
    const app = await openApp(browser, new URL(home.slice(1), url).href, paths, { throttled: true });
    const targets = await app.page.evaluate(() =>
      [...document.querySelectorAll('nav.sc-nav a:not([aria-current])')].map((a) => a.getAttribute('href')),
    );
    await app.close();
    for (const target of targets) {
      const clicked = [];
      const loaded = [];
      for (let run = 0; run < runs; run += 1) {
        const from = await openApp(browser, new URL(home.slice(1), url).href, paths, { throttled: true });
        const timing = await from.page.evaluate(clickInPage, {
          target,
          headings: from.headings,
          timeoutMs: COLD_TIMEOUT_MS,
        });
        clicked.push(timing.paintedMs);
        await from.close();
        loaded.push(await fullLoadLcp(browser, new URL(target.slice(1), url).href));
      }
      pages.push({
        path: target,
        clickMs: median(clicked),
        fullLoadMs: median(loaded),
        ratio: median(clicked) / median(loaded),
      });
    }
  }
  return { runs, network: MOBILE_NETWORK, pages };
}

/** How long a cold click may take on the slow network before the benchmark gives up. */
const COLD_TIMEOUT_MS = 10_000;

/** Loads `href` in a fresh throttled page; resolves to its largest contentful paint, in ms. */
async function fullLoadLcp(browser, href) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await throttle(page);
  await page.goto(href);
  const lcp = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime)).observe({
          type: 'largest-contentful-paint',
          buffered: true,
        });
      }),
  );
  await context.close();
  return lcp;
}

/** Puts `page` on `MOBILE_NETWORK` with its HTTP cache off. */
async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...MOBILE_NETWORK });
}

/** Opens `url` in a fresh context once the app runs, with what clicking through the site needs. */
async function openApp(browser, url, paths, { throttled = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = watch(page);
  if (throttled) {
    // Save-Data holds off the app's fetching at idle moments: every page's data stays cold.
    await context.addInitScript(() => Object.defineProperty(navigator.connection, 'saveData', { get: () => true }));
    await throttle(page);
  }
  await page.goto(url);
  await waitForApp(page);
  return {
    page,
    ...(await siteShape((fn, arg) => page.evaluate(fn, arg), paths)),
    reload: async () => {
      await page.reload();
      await waitForApp(page);
    },
    /** Closes the page, then fails if the app threw while it was open. */
    close: async () => {
      await context.close();
      if (seen.pageErrors.length) throw new Error(`the app failed while navigating: ${seen.pageErrors.join('; ')}`);
    },
  };
}

/** Opens `url` in `engine` through its WebDriver once the app runs, as `openApp` does. */
async function openAppIn(engine, url, paths) {
  const driver = await startEngine(engine);
  const appRunning = () => waitForAppIn(driver, { where: url, timeoutMs: CLICK_TIMEOUT_MS });
  await driver.get(url);
  await appRunning();
  // Runs `fn(arg)` in the page and waits for its promise, as Playwright's `evaluate` does.
  const evaluate = async (fn, arg) => {
    const outcome = await driver.executeAsyncScript(
      `const done = arguments[1];
       Promise.resolve((${fn})(arguments[0])).then((value) => done({ value }), (error) => done({ error: String(error) }));`,
      arg,
    );
    if ('error' in outcome) throw new Error(outcome.error);
    return outcome.value;
  };
  const version = (await driver.getCapabilities()).get('browserVersion');
  const reload = async () => {
    await driver.navigate().refresh();
    await appRunning();
  };
  return { evaluate, version, reload, ...(await siteShape(evaluate, paths)), close: () => driver.quit() };
}

/**
 * What clicking through the site needs: how many links the main navigation has, and each
 * page's `main h1` as its prerendered file has it (what the app must show).
 */
async function siteShape(evaluate, paths) {
  const navLinks = await evaluate(() => document.querySelectorAll('nav.sc-nav a').length);
  const headings = await evaluate(async (paths) => {
    const headings = await Promise.all(
      paths.map(async (path) => {
        const html = await (await fetch(path)).text();
        return new DOMParser().parseFromString(html, 'text/html').querySelector('main h1').textContent;
      }),
    );
    return Object.fromEntries(paths.map((path, i) => [path, headings[i]]));
  }, paths);
  return { evaluate, navLinks, headings };
}

async function navigate(app, count) {
  for (let done = 0; done < count; done += 1) await click(app);
}

/** Clicks the next link of the main navigation; resolves to `{ updatedMs, paintedMs }`. */
function click(app) {
  return app.evaluate(clickInPage, { headings: app.headings, timeoutMs: CLICK_TIMEOUT_MS });
}

/**
 * Runs in the page: clicks the main navigation's link to `target`, or its next link.
 * Everything is timed there, with the page's own clock, so that nothing of
 * the test driver's round trips is counted: from dispatching the click until the new heading is
 * in the DOM, and until the first animation frame after that (the frame that paints it).
 */
function clickInPage({ target, headings, timeoutMs }) {
  const navLinks = [...document.querySelectorAll('nav.sc-nav a')];
  const current = navLinks.findIndex((link) => link.getAttribute('aria-current') === 'page');
  const link = target
    ? document.querySelector(`nav.sc-nav a[href="${target}"]`)
    : navLinks[(current + 1) % navLinks.length];
  const heading = headings[new URL(link.href).pathname];
  return new Promise((resolve, reject) => {
    let clickedAt;
    const observer = new MutationObserver(() => {
      if (document.querySelector('main h1')?.textContent !== heading) return;
      observer.disconnect();
      clearTimeout(timer);
      const updatedMs = performance.now() - clickedAt;
      requestAnimationFrame(() => resolve({ updatedMs, paintedMs: performance.now() - clickedAt }));
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

/** Runs in the page: the milliseconds until the engine's next animation frame, from now. */
function nextFrameInPage() {
  const start = performance.now();
  return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now() - start)));
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
