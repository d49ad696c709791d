// The real servers of `deploy/` on loopback over a built site: Debian's nginx (with the
// brotli_static module) and Caddy, each run in the foreground from a temporary folder that holds
// its configuration, pid file and logs, with the repository's configuration edited only where
// its comments tell an administrator to.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { freePort, untilAnswering } from './server.mjs';

const DEPLOY = new URL('../../../deploy/', import.meta.url).pathname;
/** Where the configurations expect the site; an administrator changes it, so does the test. */
const DOCUMENTED_ROOT = '/srv/sendai-cluster/dist';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/**
 * A folder holding the built site `dist` at `base` ('' or '/sub'), as an administrator lays it
 * out: the site itself, or a folder with the site in its `sub` folder.
 */
function siteRoot(dir, dist, base) {
  if (!base) return dist.replace(/\/$/, '');
  symlinkSync(dist, join(dir, base.slice(1)));
  return dir;
}

/** Starts `command` and resolves once it answers at `origin`; `close` stops it and waits. */
async function run(name, command, args, { env, origin, dir }) {
  const child = spawn(command, args, {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const failed = new Promise((_, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`${name} exited with ${code}: ${stderr}`)));
  });
  failed.catch(() => {});
  await Promise.race([untilAnswering(origin, child, name), failed]);
  return {
    origin,
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * nginx with `deploy/nginx/sendai-cluster.conf` over `dist`, built for `base`. The file is used as
 * an administrator would: the site's folder, the port, and for a sub-path the edits its header
 * comment lists.
 */
export async function nginxHost({ dist, base = '' }) {
  const dir = mkdtempSync(join(tmpdir(), 'sendai-nginx-'));
  const root = siteRoot(dir, dist, base);
  const port = await freePort();
  const site = readFileSync(join(DEPLOY, 'nginx/sendai-cluster.conf'), 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('listen [::]:80;', '')
    .replace(`root ${DOCUMENTED_ROOT};`, `root ${root};`)
    .replaceAll(`include ${DOCUMENTED_ROOT}/`, `include ${root}${base}/`)
    .replaceAll('error_page 404 /', `error_page 404 ${base}/`)
    .replace('location / {', `location ${base}/ {`)
    .replace('location /ja/ {', `location ${base}/ja/ {`)
    .replace('location /admin/ {', `location ${base}/admin/ {`);
  writeFileSync(join(dir, 'site.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `${kind}_temp_path ${dir}/${kind};`)
    .join('\n  ');
  // Run as root, nginx would start its workers as nobody, who may not read the build where the
  // tests run; they run as the test's user instead.
  const user = process.getuid() === 0 ? 'user root;' : '';
  writeFileSync(
    join(dir, 'nginx.conf'),
    `load_module ${BROTLI_MODULE};
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
${user}
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${temp}
  include ${dir}/site.conf;
}
`,
  );
  return run('nginx', 'nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], {
    origin: `http://127.0.0.1:${port}`,
    dir,
  });
}

/**
 * Caddy with `deploy/caddy/Caddyfile` as it is, set through its environment variables, after
 * global options that keep a test's Caddy to itself: no admin endpoint, no certificates.
 */
export async function caddyHost({ dist, base = '' }) {
  const dir = mkdtempSync(join(tmpdir(), 'sendai-caddy-'));
  const root = siteRoot(dir, dist, base);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  writeFileSync(
    join(dir, 'Caddyfile'),
    `{\n\tadmin off\n\tauto_https off\n}\nimport ${join(DEPLOY, 'caddy/Caddyfile')}\n`,
  );
  return run('caddy', 'caddy', ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], {
    env: {
      SITE_ADDRESS: origin,
      SITE_ROOT: root,
      SITE_PATH: base,
      HOME: dir,
      XDG_DATA_HOME: join(dir, 'data'),
      XDG_CONFIG_HOME: join(dir, 'config'),
    },
    origin,
    dir,
  });
}

/** A GET of `url` with `headers`, its body as sent (not decompressed): { status, headers, body }. */
export function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}
