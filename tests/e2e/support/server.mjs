// Loopback static servers over a built `dist/`, as the hosts the site is deployed to behave.
//
// - `staticHost`: files only, with `404.html` for misses and the build's precompressed `.br`
//   copies (sirv), optionally under a sub-path and with the `_headers` rules applied.
// - `plainHttpServer`: Python's `http.server`, the plainest host there is: no rewrites, no 404 page.

import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import sirv from 'sirv';

/** The built site under test: `dist/`, or another build folder named by SITE_DIST. */
export const DIST = process.env.SITE_DIST
  ? new URL(`${process.env.SITE_DIST.replace(/\/?$/, '/')}`, `file://${process.cwd()}/`).pathname
  : new URL('../../../dist/', import.meta.url).pathname;

/** The same site built for `/sub/`: target/dist-sub, or another build folder named by SITE_SUB_DIST. */
export const SUB_DIST = process.env.SITE_SUB_DIST
  ? new URL(`${process.env.SITE_SUB_DIST.replace(/\/?$/, '/')}`, `file://${process.cwd()}/`).pathname
  : new URL('../../../target/dist-sub/', import.meta.url).pathname;

/**
 * Parses a Netlify / Cloudflare Pages `_headers` file into [{ pattern, headers, detached }]:
 * `detached` names the headers a `! Name` line removes from what earlier rules set.
 */
export function parseHeadersFile(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {}, detached: [] });
    } else if (line.trim().startsWith('!')) {
      rules.at(-1).detached.push(line.trim().slice(1).trim());
    } else {
      const at = line.indexOf(':');
      rules.at(-1).headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

function matches(pattern, path) {
  if (pattern.endsWith('/*')) return path.startsWith(pattern.slice(0, -1));
  return pattern === path;
}

/** The headers the rules of `_headers` give `path`, in their order, as Cloudflare Pages applies them. */
export function headersFor(rules, path) {
  const headers = {};
  for (const rule of rules.filter((rule) => matches(rule.pattern, path))) {
    for (const name of rule.detached) delete headers[name];
    Object.assign(headers, rule.headers);
  }
  return headers;
}

/**
 * The `Cache-Control` values the rules of `_headers` give `path`: a file's own rule, or its
 * folder's (`/files/*`, `/notices/*`). More than one is a conflict the host settles its own way.
 */
export function cacheRulesFor(rules, path) {
  return rules
    .filter((rule) => matches(rule.pattern, path) && 'Cache-Control' in rule.headers)
    .map((rule) => rule.headers['Cache-Control']);
}

/** Where a host started with `collectCspReports` asks browsers to send CSP violation reports. */
const CSP_REPORTS_PATH = '/__csp-reports';

/**
 * Serves `dist` on 127.0.0.1 at a free port. Options: `base` ('' or '/sub'), `applyHeaders`;
 * `missing`, a pattern of paths answered 404 as if their files were not deployed; `dropped`, a
 * pattern of paths whose connection is closed unanswered, which a browser reports as it does
 * being offline (a network error, in every engine); `beforeLoader`, the source of a script that
 * every page runs before the app's loader (served as `/__before-loader.js`, which the page's
 * policy allows as the site's own), to put the browser in a state the tests cannot otherwise
 * make in every engine; and
 * `collectCspReports`, which adds a `report-uri` to the `_headers` policy and keeps every
 * report a browser sends in `cspReports`, as strings "directive blocked-uri", so that
 * violations are seen the same way in every engine.
 * Resolves to { url, origin, close, cspReports } where `url` is the site's root (with base,
 * trailing slash).
 */
export async function staticHost({
  dist = DIST,
  base = '',
  applyHeaders = false,
  missing,
  dropped,
  beforeLoader,
  collectCspReports = false,
} = {}) {
  const rules = applyHeaders ? parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8')) : [];
  const files = sirv(dist, { dev: false, etag: true, brotli: true, gzip: false, dotfiles: false });
  const cspReports = [];
  const server = createServer((req, res) => {
    const rawPath = req.url.split('?')[0];
    const path = decodeURIComponentSafe(rawPath);
    if (collectCspReports && path === CSP_REPORTS_PATH) return receiveCspReport(req, res, cspReports);
    if (applyHeaders) {
      for (const [name, value] of Object.entries(headersFor(rules, path))) res.setHeader(name, value);
      const policy = res.getHeader('Content-Security-Policy');
      if (collectCspReports && policy)
        res.setHeader('Content-Security-Policy', `${policy}; report-uri ${CSP_REPORTS_PATH}`);
    }
    if (missing?.test(path)) {
      res.statusCode = 404;
      return res.end('Not Found');
    }
    if (dropped?.test(path)) return req.socket.destroy();
    if (beforeLoader !== undefined) {
      if (path === `${base}/__before-loader.js`) {
        res.setHeader('Content-Type', 'text/javascript');
        return res.end(beforeLoader);
      }
      const page = path.endsWith('/') ? join(dist, path.slice(base.length), 'index.html') : null;
      if (page && existsSync(page)) {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        const html = readFileSync(page, 'utf8');
        return res.end(
          html.replace(
            '<script type="importmap">',
            `<script src="${base}/__before-loader.js"></script><script type="importmap">`,
          ),
        );
      }
    }
    const fail = () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(nearestNotFoundPage(dist, rawPath.slice(base.length)));
    };
    if (base) {
      if (req.url !== base && !req.url.startsWith(`${base}/`)) return fail();
      req.url = req.url.slice(base.length) || '/';
    }
    files(req, res, fail);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${base}/`,
    cspReports,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}

/** Keeps one `report-uri` report (CSP Level 2's JSON body) as "directive blocked-uri". */
function receiveCspReport(req, res, reports) {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    try {
      const report = JSON.parse(body)['csp-report'];
      reports.push(`${report['effective-directive'] ?? report['violated-directive']} ${report['blocked-uri']}`);
    } catch {
      reports.push(`unreadable report: ${body.slice(0, 200)}`);
    }
    res.statusCode = 204;
    res.end();
  });
}

/** The `404.html` nearest to `path` (as requested, not decoded) up the tree, as Cloudflare Pages serves it. */
function nearestNotFoundPage(dist, path) {
  const dirs = path
    .split('/')
    .slice(1, -1)
    .filter((dir) => dir && dir !== '.' && dir !== '..');
  for (let depth = dirs.length; depth >= 0; depth -= 1) {
    const file = join(dist, ...dirs.slice(0, depth), '404.html');
    if (existsSync(file)) return readFileSync(file);
  }
  throw new Error('dist has no 404.html');
}

function decodeURIComponentSafe(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** `python3 -m http.server` over `dist` on a free port; resolves once it answers. */
export async function plainHttpServer({ dir = DIST } = {}) {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  await untilAnswering(origin, child, 'python3 -m http.server');
  return {
    origin,
    url: `${origin}/`,
    close: async () => {
      child.kill();
    },
  };
}

/** Resolves once `origin` answers an HTTP request; rejects if `child`, its server, exits first. */
export async function untilAnswering(origin, child, name) {
  for (;;) {
    try {
      await fetch(origin);
      return;
    } catch {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on. */
export async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export function distExists(dist = DIST) {
  return existsSync(join(dist, 'index.html')) && existsSync(join(dist, '404.html'));
}
