// What a screen reader receives: a browser started in a desktop session of its own, with the
// platform accessibility bus (AT-SPI) that Linux screen readers such as Orca read pages through,
// and the page's accessible tree read from that bus by `atspi_tree.py`. What was verified about
// this stack on this machine kind is in ../shared/TOOLCHAIN.md ("What a screen reader receives").
//
// The session is one process group, ended as a whole: `xvfb-run` (an X display) runs
// `dbus-run-session` (a session bus, kept in the group, unlike the one `dbus-launch` forks away),
// which runs the engine's WebDriver server, which starts the browser. Firefox is not headless
// here: a headless Firefox builds no accessible tree.

import { spawn, execFile } from 'node:child_process';
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { FIREFOX, GECKODRIVER, WEBKIT_DRIVER, MINIBROWSER } from './engines.mjs';
import { freePort, untilAnswering } from './server.mjs';

/** Debian's Python, which has pyatspi (python3-pyatspi); another python3 on PATH may not. */
const PYTHON = '/usr/bin/python3';
const DUMPER = new URL('./atspi_tree.py', import.meta.url).pathname;

/** The engines this file can start, with the name each browser has on the accessibility bus. */
export const ACCESSIBLE_ENGINES = { firefox: 'Firefox', webkit: 'MiniBrowser' };

/**
 * Run by `dbus-run-session` inside `xvfb-run`: ends the whole session (its process group) if
 * the test process is gone, however it ended (a runner killed on a timeout runs no exit hook);
 * asks the session bus for the AT-SPI bus, which starts it (the session bus activates
 * `at-spi-bus-launcher`) and answers once it is there; tells the test the session's variables
 * on stdout; then becomes the WebDriver server (`$@`). GNOME_ACCESSIBILITY=1 makes Firefox build
 * its tree without asking the desktop's settings.
 */
const SESSION_SCRIPT = String.raw`
(while kill -0 "$TEST_PID" 2>/dev/null; do sleep 1; done; kill -KILL 0) &
export GNOME_ACCESSIBILITY=1
dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.a11y.Bus.GetAddress >&2 || exit 1
printf 'session %s=%s\n' DISPLAY "$DISPLAY" XAUTHORITY "$XAUTHORITY" DBUS_SESSION_BUS_ADDRESS "$DBUS_SESSION_BUS_ADDRESS"
exec "$@"
`;

/** How long the session may take to start: a bound, not a pause. */
const START_MS = 30_000;

/**
 * Starts `engine` ('firefox' or 'webkit') in a desktop session with the accessibility bus.
 * Resolves to { driver, env, tree(url), quit() }: `driver` is the Selenium WebDriver; `env`, the
 * session's DISPLAY, XAUTHORITY and DBUS_SESSION_BUS_ADDRESS, for other AT-SPI clients; `tree(url)`
 * resolves to the accessible tree of the document shown at `url` (see `atspi_tree.py`), or to
 * null while the browser shows no such document; `quit()` ends the browser and the whole
 * session, which also ends if the test process exits first.
 */
export async function startAccessibleEngine(engine) {
  const app = ACCESSIBLE_ENGINES[engine];
  if (!app)
    throw new Error(`no accessible engine named ${engine}; they are ${Object.keys(ACCESSIBLE_ENGINES).join(', ')}`);
  const port = await freePort();
  const server = engine === 'firefox' ? GECKODRIVER : WEBKIT_DRIVER;
  const session = spawn(
    'xvfb-run',
    [
      '-a',
      '-s',
      '-screen 0 1280x1024x24',
      'dbus-run-session',
      '--',
      'bash',
      '-c',
      SESSION_SCRIPT,
      'session',
      server,
      `--port=${port}`,
    ],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TEST_PID: String(process.pid) },
    },
  );
  const stop = () => {
    process.off('exit', stop);
    try {
      process.kill(-session.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.on('exit', stop);
  // The last of what the session said, for the message if it fails; read on, so that a full
  // pipe never blocks the driver.
  let said = '';
  const keep = (chunk) => {
    said = (said + chunk).slice(-4000);
  };
  session.stderr.setEncoding('utf8').on('data', keep);
  session.stdout.setEncoding('utf8').on('data', keep);
  try {
    const env = await sessionVariables(session, () => said);
    await untilAnswering(`http://127.0.0.1:${port}/status`, session, `${engine}'s WebDriver server`);
    const builder = new Builder().usingServer(`http://127.0.0.1:${port}`);
    const driver = await (
      engine === 'firefox'
        ? builder.forBrowser('firefox').setFirefoxOptions(new firefox.Options().setBinary(FIREFOX))
        : builder.withCapabilities({
            browserName: 'MiniBrowser',
            'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
          })
    ).build();
    return {
      driver,
      env,
      tree: (url) => readTree(app, url, env),
      quit: async () => {
        try {
          await driver.quit();
        } finally {
          stop();
        }
      },
    };
  } catch (error) {
    stop();
    throw new Error(
      `${engine} did not start in its accessibility session: ${error.message}\nthe session said: ${said}`,
      {
        cause: error,
      },
    );
  }
}

/** Resolves to the variables the session script prints (DISPLAY, XAUTHORITY, DBUS_SESSION_BUS_ADDRESS). */
function sessionVariables(session, said) {
  return new Promise((resolve, reject) => {
    const found = {};
    session.stdout.on('data', () => {
      for (const [, name, value] of said().matchAll(/^session (\w+)=(.*)$/gm)) found[name] = value;
      if ('DBUS_SESSION_BUS_ADDRESS' in found) resolve(found);
    });
    session.on('exit', (code) => reject(new Error(`the session exited with ${code}`)));
    setTimeout(() => reject(new Error(`the session did not start in ${START_MS} ms`)), START_MS).unref();
  });
}

/** Runs `atspi_tree.py` for `app` in the session `env`; resolves to the tree, or null if the document is not there yet. */
function readTree(app, url, env) {
  return new Promise((resolve, reject) => {
    execFile(
      PYTHON,
      [DUMPER, app, url],
      { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error?.code === 2) resolve(null);
        else if (error) reject(new Error(`atspi_tree.py ${app} ${url} failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout));
      },
    );
  });
}
