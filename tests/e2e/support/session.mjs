// The shared setup of the end-to-end test files: one Chromium, and a static host over the build,
// started before a file's tests and stopped after them.

import { before, after } from 'node:test';
import { launch } from './browser.mjs';

/**
 * Registers hooks that start Chromium before the file's tests and close it after them; returns
 * an object whose `browser` is it.
 */
export function useBrowser() {
  const session = { browser: undefined };
  before(async () => {
    session.browser = await launch();
  });
  after(async () => {
    await session.browser?.close();
  });
  return session;
}

/**
 * Registers hooks that start a static host over the build (`serve`) and Chromium before the
 * file's tests and stop them after, and returns accessors for them.
 */
export function useSiteInBrowser(serve) {
  const session = Object.assign(useBrowser(), {
    host: undefined,
    /** The address of a site path (starting with '/') on the host. */
    at: (path) => new URL(path.slice(1), session.host.url).href,
  });
  before(async () => {
    session.host = await serve();
  });
  after(async () => {
    await session.host?.close();
  });
  return session;
}
