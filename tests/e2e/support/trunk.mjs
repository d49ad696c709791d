// `trunk serve`, the development loop, started on a free port for a test.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './server.mjs';

const ROOT = new URL('../../../', import.meta.url).pathname;

/** A cold debug build of the wasm and the prerenderer takes about two minutes on two cores. */
const TRUNK_SERVE_STARTUP_MS = 5 * 60 * 1000;

/**
 * Starts `trunk serve` into `dist` (relative to the project), watching the `watch` paths, and
 * resolves once it answers. `env` is added to the environment (e.g. SITE_CONTENT_DIR);
 * `autoreload` leaves Trunk's page reload on. Resolves to { origin, dist, log, close }.
 */
export async function trunkServe({ dist, watch, env = {}, autoreload = false }) {
  const port = await freePort();
  const args = [
    'serve',
    '--release=false',
    '--port',
    String(port),
    '--address',
    '127.0.0.1',
    '--dist',
    dist,
    ...watch.flatMap((path) => ['--watch', path]),
    ...(autoreload ? [] : ['--no-autoreload']),
  ];
  // Its own process group, so that stopping it also stops the cargo it may be running.
  const child = spawn('trunk', args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let log = '';
  const keep = (chunk) => {
    log = (log + chunk).slice(-20000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let running = true;
  const exited = new Promise((resolve) => {
    const stop = (reason) => {
      running = false;
      if (reason instanceof Error) keep(String(reason));
      resolve();
    };
    child.once('exit', stop);
    child.once('error', stop);
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + TRUNK_SERVE_STARTUP_MS;
  for (;;) {
    if (!running) throw new Error(`trunk serve exited:\n${log}`);
    if (Date.now() > deadline) {
      process.kill(-child.pid, 'SIGTERM');
      throw new Error(`trunk serve did not answer within ${TRUNK_SERVE_STARTUP_MS / 1000} s:\n${log}`);
    }
    const answered = await fetch(origin).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    origin,
    dist: join(ROOT, dist),
    log: () => log,
    close: async () => {
      if (running) process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}
