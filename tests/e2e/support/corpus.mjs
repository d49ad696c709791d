// Bad and unusual URLs a visitor, a crawler or a mistyped link can bring, each with what the
// site must end up showing for it.
//
// `path` is sent as written: it is appended to the server's origin, not resolved, so `//x` and
// `/\x` reach the browser as they would from a link. `shows` is what the visitor sees on the
// static host (files, nearest 404.html): a page's canonical path, NOT_FOUND / NOT_FOUND_JA (the
// Not Found page in English / Japanese), or REJECTED (the server refuses the request before any
// page is served). `trunkServe` is given where `trunk serve` serves something else: it answers
// every unknown path with index.html (the SPA fallback), decodes `%2F` itself, and answers 500
// with no page when the path cannot be a file name (NUL, a name over 255 bytes).

import { inJapanese, NOT_FOUND, NOT_FOUND_JA } from './site.mjs';
import { navigationPages } from './content.mjs';

export { NOT_FOUND, NOT_FOUND_JA };
export const REJECTED = 'rejected by the server';

// The URLs around real pages are built around two of them, whichever the main navigation lists:
// `page` ('/<name>/') and `other` ('/<otherName>/'), `page` one whose name starts with a letter,
// so that its capitalised spelling is another address.
const page = navigationPages().find((path) => /^\/[a-z]/.test(path));
const other = navigationPages().find((path) => path !== page);
const [name, otherName] = [page, other].map((path) => path.slice(1, -1));
const capitalised = name[0].toUpperCase() + name.slice(1);

/** `text` with its first character percent-encoded, as an over-careful link spells it. */
const encodedFirst = (text) => `%${text.charCodeAt(0).toString(16).toUpperCase()}${text.slice(1)}`;

/** A path of `bytes` characters: one long segment, or many short ones under `prefix`. */
function longPath(bytes, { prefix = '/', segment = '' } = {}) {
  if (!segment) return prefix + 'a'.repeat(bytes - prefix.length);
  return (prefix + segment.repeat(bytes)).slice(0, bytes);
}

export const CORPUS = [
  // Unknown paths, and deeper unknown paths under real pages.
  { group: 'unknown', path: '/nope', shows: NOT_FOUND },
  { group: 'unknown', path: '/nope/', shows: NOT_FOUND },
  { group: 'unknown', path: '/favicon.ico', shows: NOT_FOUND },
  { group: 'unknown', path: `${page}extra`, shows: NOT_FOUND },
  { group: 'unknown', path: `${page}extra/deeper/still/`, shows: NOT_FOUND },
  { group: 'unknown', path: `${other}${otherName}/`, shows: NOT_FOUND },
  { group: 'unknown', path: '/en/', shows: NOT_FOUND },
  // The 404 files themselves are files: served with 200, and they are the Not Found page.
  { group: 'unknown', path: '/404.html', shows: NOT_FOUND, status: 200 },
  { group: 'unknown', path: '/ja/404.html', shows: NOT_FOUND_JA, status: 200 },

  // Trailing, missing, doubled slashes and index files.
  { group: 'slashes', path: `/${name}`, shows: page },
  { group: 'slashes', path: `${page}/`, shows: NOT_FOUND },
  { group: 'slashes', path: '/ja//', shows: NOT_FOUND_JA },
  { group: 'slashes', path: `/.${page}`, shows: page },
  { group: 'slashes', path: `${page}..${other}`, shows: other },
  { group: 'slashes', path: '/index.html', shows: '/' },
  { group: 'slashes', path: `${page}index.html`, shows: page },
  { group: 'slashes', path: `${page}index.htm`, shows: NOT_FOUND },
  // The static host (sirv) tries `<path>.html`, so these are real pages there.
  // A final `index` names the folder's page, as hosts that try `<path>.html` serve it.
  { group: 'slashes', path: '/index', shows: '/' },
  { group: 'slashes', path: `${page}index`, shows: page },

  // Upper case: paths are case-sensitive.
  { group: 'case', path: `/${name.toUpperCase()}/`, shows: NOT_FOUND },
  { group: 'case', path: `/${capitalised}/`, shows: NOT_FOUND },
  { group: 'case', path: '/INDEX.HTML', shows: NOT_FOUND },
  { group: 'case', path: '/JA/', shows: NOT_FOUND },
  { group: 'case', path: inJapanese(`/${name.toUpperCase()}/`), shows: NOT_FOUND_JA },

  // Percent-encoding: valid, invalid, overlong UTF-8, encoded dots and slashes, NUL.
  { group: 'percent', path: `/${encodedFirst(name)}/`, shows: page },
  { group: 'percent', path: inJapanese(`/${encodedFirst(otherName)}/`), shows: inJapanese(other) },
  { group: 'percent', path: `/${encodedFirst(capitalised)}/`, shows: NOT_FOUND },
  { group: 'percent', path: '/%zz', shows: NOT_FOUND },
  { group: 'percent', path: '/%', shows: NOT_FOUND },
  { group: 'percent', path: '/%E0%A4%A', shows: NOT_FOUND },
  { group: 'percent', path: '/%C0%AE%C0%AE/', shows: NOT_FOUND },
  { group: 'percent', path: '/%FF%FE/', shows: NOT_FOUND },
  { group: 'percent', path: '/%00', shows: NOT_FOUND, trunkServe: REJECTED },
  { group: 'percent', path: `${page}%20`, shows: NOT_FOUND },
  // The browser itself treats %2e%2e as "..", so these never leave the site's root.
  { group: 'percent', path: '/%2e%2e/', shows: '/' },
  { group: 'percent', path: '/%2e%2e/%2e%2e/etc/passwd', shows: NOT_FOUND },
  { group: 'percent', path: `/%2F${name}/`, shows: NOT_FOUND },
  // An encoded slash stays inside its segment, as static hosts read it; trunk serve decodes it
  // and serves a page, which the app replaces with Not Found.
  { group: 'percent', path: `/${name}%2F`, shows: NOT_FOUND },
  { group: 'percent', path: `/ja%2F${name}/`, shows: NOT_FOUND },
  { group: 'percent', path: '/ja/%E3%83%9A%E3%83%BC%E3%82%B8/', shows: NOT_FOUND_JA },
  { group: 'percent', path: '/ja/%zz', shows: NOT_FOUND_JA },
  { group: 'percent', path: '/ja/%C0%AE/', shows: NOT_FOUND_JA },

  // Very long paths. Node's HTTP server refuses a request head over 16 KB (431).
  { group: 'long', path: longPath(8 * 1024), shows: NOT_FOUND, trunkServe: REJECTED },
  {
    group: 'long',
    path: longPath(8 * 1024, { prefix: '/ja/', segment: 'x/' }),
    shows: NOT_FOUND_JA,
    trunkServe: REJECTED,
  },
  { group: 'long', path: longPath(16 * 1024), shows: REJECTED, status: 431, trunkServe: REJECTED },

  // Query strings and fragments change nothing.
  { group: 'query', path: `${page}?q=1`, shows: page },
  { group: 'query', path: '/?utm_source=x&utm_medium=y', shows: '/' },
  { group: 'query', path: `${inJapanese(other)}?lang=en`, shows: inJapanese(other) },
  { group: 'query', path: `${page}?%zz=%E0%A4`, shows: page },
  { group: 'query', path: `/nope?page=${page}`, shows: NOT_FOUND },
  { group: 'query', path: `${page}#no-such-id`, shows: page },
  { group: 'query', path: '/#%zz', shows: '/' },
  { group: 'query', path: '/ja/?#', shows: '/ja/' },

  // Paths that look like another host. On these, a link built from the current path (such as
  // `${path}#top`) would point to that host: the check of every link on the page catches it.
  { group: 'other host', path: '//example.com/', shows: NOT_FOUND },
  { group: 'other host', path: '/\\example.com', shows: NOT_FOUND },
  { group: 'other host', path: '///example.com', shows: NOT_FOUND },
  { group: 'other host', path: '/%2F%2Fexample.com', shows: NOT_FOUND },
  { group: 'other host', path: '/%5Cexample.com', shows: NOT_FOUND },
  { group: 'other host', path: '/https://example.com/', shows: NOT_FOUND },

  // The Japanese edition.
  { group: 'ja', path: '/ja', shows: '/ja/' },
  { group: 'ja', path: '/ja/index.html', shows: '/ja/' },
  { group: 'ja', path: inJapanese(`/${otherName}`), shows: inJapanese(other) },
  { group: 'ja', path: '/ja/nope', shows: NOT_FOUND_JA },
  { group: 'ja', path: '/ja/ja/', shows: NOT_FOUND_JA },
  { group: 'ja', path: inJapanese(`${page}extra`), shows: NOT_FOUND_JA },
  { group: 'ja', path: inJapanese(`${page}index`), shows: inJapanese(page) },
  { group: 'ja', path: '/jap/', shows: NOT_FOUND },
];

/** The outcome expected on a host: 'static' (the static host) or 'trunk serve'. */
export function outcomeOn(entry, host) {
  return host === 'trunk serve' ? (entry.trunkServe ?? entry.shows) : entry.shows;
}

/** A short name for an entry in test output (long paths abbreviated). */
export function describeEntry(entry, host) {
  const { path } = entry;
  const shown = path.length > 60 ? `${path.slice(0, 24)}… (${path.length} bytes)` : path;
  return `${shown} → ${outcomeOn(entry, host)}`;
}
