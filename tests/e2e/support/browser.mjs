// Headless Debian Chromium driven by playwright-core, with the flags these machines need.

import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Flags Chromium needs as root on these machines, kept off the network it cannot reach. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch(options = {}) {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, ...options });
}

/**
 * Collects what a page reports: console errors, uncaught page errors, and every request URL.
 * Attach before the first navigation.
 */
export function watch(page) {
  const seen = { consoleErrors: [], pageErrors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A Not Found page is served with status 404, which Chromium reports for the document
    // itself; that is the page working, not an error in it.
    const { url } = message.location();
    const isDocument404 = message.text().includes('404') && url === page.url();
    if (!isDocument404) seen.consoleErrors.push(`${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => seen.pageErrors.push(String(error)));
  page.on('request', (request) => seen.requests.push(request.url()));
  return seen;
}

/** Resolves once the wasm app has taken over the prerendered page. */
export async function waitForApp(page) {
  await page.waitForFunction(() => document.documentElement.dataset.app === 'running');
}

/**
 * Records every Content-Security-Policy violation the page reports, as "directive blocked-URI"
 * strings in `window.__violations`. Call before the first navigation.
 */
export async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

/** Adds an inline script to the page, as an injection would; resolves to whether it ran. */
export function injectInlineScript(page) {
  return page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    return window.__injected === true;
  });
}
