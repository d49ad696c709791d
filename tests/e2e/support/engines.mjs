// The three browser engines visitors use, Chromium, Firefox and WebKit, behind one driver API
// (selenium-webdriver over each engine's own WebDriver server), so that a cross-engine test is
// written once. What was verified about these drivers on this machine kind is in
// ../shared/TOOLCHAIN.md ("Firefox and WebKit").
//
// Every driver is given by its path: Selenium's own driver manager would try the internet.

import { spawn } from 'node:child_process';
import { Builder, By } from 'selenium-webdriver';
import chrome from 'selenium-webdriver/chrome.js';
import firefox from 'selenium-webdriver/firefox.js';
import { CHROMIUM, CHROMIUM_FLAGS } from './browser.mjs';
import { freePort, untilAnswering } from './server.mjs';

const ALL_ENGINES = ['chromium', 'firefox', 'webkit'];

/**
 * The engines the cross-engine tests run in: all three, or those that E2E_ENGINES names (comma
 * separated), to try a change in one engine quickly. `.ci/test` always runs all three.
 */
export const ENGINES = process.env.E2E_ENGINES ? process.env.E2E_ENGINES.split(',') : ALL_ENGINES;
for (const engine of ENGINES) {
  if (!ALL_ENGINES.includes(engine))
    throw new Error(`E2E_ENGINES names ${engine}: it may name ${ALL_ENGINES.join(', ')}`);
}

// The browsers and their WebDriver servers, by path (an environment variable names another);
// ./atspi.mjs starts the same ones.
const CHROMEDRIVER = process.env.CHROMEDRIVER || '/usr/bin/chromedriver';
export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const GECKODRIVER = process.env.GECKODRIVER || `${process.env.HOME}/.cargo/bin/geckodriver`;
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.WEBKIT_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/**
 * Starts `engine` ('chromium', 'firefox' or 'webkit') with a fresh profile. Options:
 * `javascript` (default true) and `colorScheme` ('light' or 'dark', the visitor's system setting).
 * Resolves to the Selenium WebDriver; `quit()` on it ends the browser and its driver.
 */
export async function startEngine(engine, { javascript = true, colorScheme = 'light' } = {}) {
  const start = { chromium: startChromium, firefox: startFirefox, webkit: startWebKit }[engine];
  if (!start) throw new Error(`no engine named ${engine}; the engines are ${ENGINES.join(', ')}`);
  return start({ javascript, dark: colorScheme === 'dark' });
}

function startChromium({ javascript, dark }) {
  const options = new chrome.Options()
    .setChromeBinaryPath(CHROMIUM)
    .addArguments('--headless=new', ...CHROMIUM_FLAGS, ...(dark ? ['--force-dark-mode'] : []));
  if (!javascript) options.setUserPreferences({ 'profile.managed_default_content_settings.javascript': 2 });
  return new Builder()
    .forBrowser('chrome')
    .setChromeOptions(options)
    .setChromeService(new chrome.ServiceBuilder(CHROMEDRIVER))
    .build();
}

function startFirefox({ javascript, dark }) {
  const options = new firefox.Options()
    .addArguments('-headless')
    .setBinary(FIREFOX)
    // 0 is dark, 1 light: what `prefers-color-scheme` answers, whatever the system says.
    .setPreference('layout.css.prefers-color-scheme.content-override', dark ? 0 : 1)
    .setPreference('javascript.enabled', javascript);
  return new Builder()
    .forBrowser('firefox')
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER))
    .build();
}

/**
 * WebKitGTK's driver starts MiniBrowser, which needs an X display: the driver runs inside its
 * own `xvfb-run`, so that the display is there whoever runs the tests. Quitting the session
 * also stops the driver and its display.
 */
async function startWebKit({ javascript, dark }) {
  const port = await freePort();
  const server = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x8000x24', WEBKIT_DRIVER, `--port=${port}`], {
    detached: true,
    stdio: 'ignore',
  });
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  try {
    await untilAnswering(`http://127.0.0.1:${port}/status`, server, 'WebKitWebDriver');
    const driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': {
          binary: MINIBROWSER,
          args: [
            '--automation',
            ...(dark ? ['--dark-mode'] : []),
            ...(javascript ? [] : ['--enable-javascript=false']),
          ],
        },
      })
      .build();
    const quit = driver.quit.bind(driver);
    driver.quit = async () => {
      try {
        await quit();
      } finally {
        stop();
      }
    };
    return driver;
  } catch (error) {
    stop();
    throw error;
  }
}

/** How long the app may take to start before a caller gives up: a bound, not a pause. */
const APP_START_MS = 20_000;

/**
 * Resolves once the wasm app has taken over the page the driver shows, as `waitForApp` does for
 * Playwright; fails after `timeoutMs` with a message naming `where`.
 */
export function waitForAppIn(driver, { where = 'the page', timeoutMs = APP_START_MS } = {}) {
  return driver.wait(
    () => driver.executeScript(() => document.documentElement.dataset.app === 'running'),
    timeoutMs,
    `the app did not start on ${where}`,
  );
}

/**
 * Loads `url` in a frame `width` CSS px wide (and `height` tall) and resolves once the app runs in it: a phone's
 * width in every engine, whatever the narrowest window the engine opens (Firefox's is 500 px,
 * WebKitGTK's about 450). The frame sits alone in a plain document of the same site
 * (robots.txt), so that the driver can look into it while it waits. The driver stays in the
 * top document.
 */
export async function loadInFrame(driver, url, width, height = 800) {
  await driver.switchTo().defaultContent();
  await driver.get(new URL('/robots.txt', url).href);
  await driver.executeScript(
    (src, frameWidth, frameHeight) => {
      const frame = document.createElement('iframe');
      frame.style.cssText = `border: 0; display: block; width: ${frameWidth}px; height: ${frameHeight}px`;
      frame.src = src;
      document.body.style.margin = '0';
      document.body.replaceChildren(frame);
    },
    url,
    width,
    height,
  );
  await driver.wait(
    () =>
      driver.executeScript(
        () => document.querySelector('iframe').contentDocument?.documentElement?.dataset.app === 'running',
      ),
    APP_START_MS,
    `the app did not start on ${url} in a ${width} px frame`,
  );
  await driver.wait(
    () => driver.executeScript(`return (${searchDrawn})(document.querySelector('iframe').contentDocument)`),
    APP_START_MS,
    `the search on ${url} said nothing in a ${width} px frame`,
  );
}

/**
 * Whether `page` (a document) shows what it is for: on the search page with a query, the
 * results, drawn once the status region says something; any other page at once.
 */
export function searchDrawn(page = document) {
  const asked = new URLSearchParams(page.location.search).get('q');
  return !asked || !page.getElementById('sc-search') || page.querySelector('.sc-search__status').textContent !== '';
}

/** Marks the document, so that a later check can tell whether a click loaded a new one. */
export const markDocument = (driver) =>
  driver.executeScript(() => {
    window.__sameDocument = true;
  });
export const sameDocument = (driver) => driver.executeScript(() => window.__sameDocument === true);

/** Clicks the element at `selector` as a visitor does: a trusted click, through the driver. */
export const click = async (driver, selector) => (await driver.findElement(By.css(selector))).click();
