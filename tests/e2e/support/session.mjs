// The shared setup of the end-to-end test files: a static host over the build and one browser,
// started before a file's tests and stopped after them.

import { before, after } from 'node:test';
import { launch } from './browser.mjs';

/**
 * Registers hooks that start a static host over the build and a browser before the file's tests
 * and stop them after, and returns accessors for them.
 */
export function useSiteInBrowser(serve) {
  const session = {
    host: undefined,
    browser: undefined,
    /** The address of a site path (starting with '/') on the host. */
    at: (path) => new URL(path.slice(1), session.host.url).href,
  };
  before(async () => {
    session.host = await serve();
    session.browser = await launch();
  });
  after(async () => {
    await session.browser?.close();
    await session.host?.close();
  });
  return session;
}
