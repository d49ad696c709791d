// Bad and unusual URLs a visitor, a crawler or a mistyped link can bring, each with what the
// site must end up showing for it.
//
// `path` is sent as written: it is appended to the server's origin, not resolved, so `//x` and
// `/\x` reach the browser as they would from a link. `shows` is what the visitor sees on the
// static host (files, nearest 404.html): a page's canonical path, NOT_FOUND / NOT_FOUND_JA (the
// Not Found page in English / Japanese), or REJECTED (the server refuses the request before any
// page is served). `trunkServe` is given where `trunk serve` serves something else: it answers
// every unknown path with index.html (the SPA fallback), decodes `%2F` itself and fails on a
// 16 KB path with 500. `bug` names an app defect this URL exposes (see the report of issue 7):
// such a case fails until the defect is fixed. Where an entry also has `trunkServe`, the defect
// shows on the static host only (see `bugOn`).

export const NOT_FOUND = 'not found';
export const NOT_FOUND_JA = 'not found (ja)';
export const REJECTED = 'rejected by the server';

const BUG = {
  index: 'APP BUG 1: a path ending in "/index" is served as that page (200) but the app shows Not Found',
  language: 'APP BUG 2: an undecodable path under /ja/ is served the Japanese 404 but the app shows the English one',
  encodedSlash: 'APP BUG 3: the app decodes %2F into a path separator; the static host does not',
  otherHost: 'APP BUG 4: on a path starting "//", the skip link and "Page top" point to another host',
};

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
  { group: 'unknown', path: '/concept/extra', shows: NOT_FOUND },
  { group: 'unknown', path: '/concept/extra/deeper/still/', shows: NOT_FOUND },
  { group: 'unknown', path: '/secretariat/secretariat/', shows: NOT_FOUND },
  { group: 'unknown', path: '/en/', shows: NOT_FOUND },
  // The 404 files themselves are files: served with 200, and they are the Not Found page.
  { group: 'unknown', path: '/404.html', shows: NOT_FOUND, status: 200 },
  { group: 'unknown', path: '/ja/404.html', shows: NOT_FOUND_JA, status: 200 },

  // Trailing, missing, doubled slashes and index files.
  { group: 'slashes', path: '/concept', shows: '/concept/' },
  { group: 'slashes', path: '/concept//', shows: NOT_FOUND },
  { group: 'slashes', path: '/ja//', shows: NOT_FOUND_JA },
  { group: 'slashes', path: '/./concept/', shows: '/concept/' },
  { group: 'slashes', path: '/concept/../secretariat/', shows: '/secretariat/' },
  { group: 'slashes', path: '/index.html', shows: '/' },
  { group: 'slashes', path: '/concept/index.html', shows: '/concept/' },
  { group: 'slashes', path: '/concept/index.htm', shows: NOT_FOUND },
  // The static host (sirv) tries `<path>.html`, so these are real pages there.
  { group: 'slashes', path: '/index', shows: '/', trunkServe: NOT_FOUND, bug: BUG.index },
  { group: 'slashes', path: '/concept/index', shows: '/concept/', trunkServe: NOT_FOUND, bug: BUG.index },

  // Upper case: paths are case-sensitive.
  { group: 'case', path: '/CONCEPT/', shows: NOT_FOUND },
  { group: 'case', path: '/Concept/', shows: NOT_FOUND },
  { group: 'case', path: '/INDEX.HTML', shows: NOT_FOUND },
  { group: 'case', path: '/JA/', shows: NOT_FOUND },
  { group: 'case', path: '/ja/CONCEPT/', shows: NOT_FOUND_JA },

  // Percent-encoding: valid, invalid, overlong UTF-8, encoded dots and slashes, NUL.
  { group: 'percent', path: '/%63oncept/', shows: '/concept/' },
  { group: 'percent', path: '/ja/%73ecretariat/', shows: '/ja/secretariat/' },
  { group: 'percent', path: '/%43oncept/', shows: NOT_FOUND },
  { group: 'percent', path: '/%zz', shows: NOT_FOUND },
  { group: 'percent', path: '/%', shows: NOT_FOUND },
  { group: 'percent', path: '/%E0%A4%A', shows: NOT_FOUND },
  { group: 'percent', path: '/%C0%AE%C0%AE/', shows: NOT_FOUND },
  { group: 'percent', path: '/%FF%FE/', shows: NOT_FOUND },
  { group: 'percent', path: '/%00', shows: NOT_FOUND },
  { group: 'percent', path: '/concept/%20', shows: NOT_FOUND },
  // The browser itself treats %2e%2e as "..", so these never leave the site's root.
  { group: 'percent', path: '/%2e%2e/', shows: '/' },
  { group: 'percent', path: '/%2e%2e/%2e%2e/etc/passwd', shows: NOT_FOUND },
  { group: 'percent', path: '/%2Fconcept/', shows: NOT_FOUND },
  { group: 'percent', path: '/concept%2F', shows: NOT_FOUND, trunkServe: '/concept/', bug: BUG.encodedSlash },
  { group: 'percent', path: '/ja%2Fconcept/', shows: NOT_FOUND_JA, trunkServe: '/ja/concept/', bug: BUG.encodedSlash },
  { group: 'percent', path: '/ja/%E3%83%9A%E3%83%BC%E3%82%B8/', shows: NOT_FOUND_JA },
  { group: 'percent', path: '/ja/%zz', shows: NOT_FOUND_JA, bug: BUG.language },
  { group: 'percent', path: '/ja/%C0%AE/', shows: NOT_FOUND_JA, bug: BUG.language },

  // Very long paths. Node's HTTP server refuses a request head over 16 KB (431).
  { group: 'long', path: longPath(8 * 1024), shows: NOT_FOUND },
  { group: 'long', path: longPath(8 * 1024, { prefix: '/ja/', segment: 'x/' }), shows: NOT_FOUND_JA },
  { group: 'long', path: longPath(16 * 1024), shows: REJECTED, status: 431, trunkServe: REJECTED },

  // Query strings and fragments change nothing.
  { group: 'query', path: '/concept/?q=1', shows: '/concept/' },
  { group: 'query', path: '/?utm_source=x&utm_medium=y', shows: '/' },
  { group: 'query', path: '/ja/secretariat/?lang=en', shows: '/ja/secretariat/' },
  { group: 'query', path: '/concept/?%zz=%E0%A4', shows: '/concept/' },
  { group: 'query', path: '/nope?page=/concept/', shows: NOT_FOUND },
  { group: 'query', path: '/concept/#no-such-id', shows: '/concept/' },
  { group: 'query', path: '/#%zz', shows: '/' },
  { group: 'query', path: '/ja/?#', shows: '/ja/' },

  // Paths that look like another host.
  { group: 'other host', path: '//example.com/', shows: NOT_FOUND, bug: BUG.otherHost },
  { group: 'other host', path: '/\\example.com', shows: NOT_FOUND, bug: BUG.otherHost },
  { group: 'other host', path: '///example.com', shows: NOT_FOUND, bug: BUG.otherHost },
  { group: 'other host', path: '/%2F%2Fexample.com', shows: NOT_FOUND },
  { group: 'other host', path: '/%5Cexample.com', shows: NOT_FOUND },
  { group: 'other host', path: '/https://example.com/', shows: NOT_FOUND },

  // The Japanese edition.
  { group: 'ja', path: '/ja', shows: '/ja/' },
  { group: 'ja', path: '/ja/index.html', shows: '/ja/' },
  { group: 'ja', path: '/ja/secretariat', shows: '/ja/secretariat/' },
  { group: 'ja', path: '/ja/nope', shows: NOT_FOUND_JA },
  { group: 'ja', path: '/ja/ja/', shows: NOT_FOUND_JA },
  { group: 'ja', path: '/ja/concept/extra', shows: NOT_FOUND_JA },
  { group: 'ja', path: '/ja/concept/index', shows: '/ja/concept/', trunkServe: NOT_FOUND_JA, bug: BUG.index },
  { group: 'ja', path: '/jap/', shows: NOT_FOUND },
];

/** The outcome expected on a host: 'static' (the static host) or 'trunk serve'. */
export function outcomeOn(entry, host) {
  return host === 'trunk serve' ? entry.trunkServe ?? entry.shows : entry.shows;
}

/** The defect an entry exposes on a host, if any. */
export function bugOn(entry, host) {
  return host === 'trunk serve' && entry.trunkServe !== undefined ? undefined : entry.bug;
}

/** A short name for an entry in test output (long paths abbreviated, defects flagged). */
export function describeEntry(entry, host) {
  const { path } = entry;
  const shown = path.length > 60 ? `${path.slice(0, 24)}… (${path.length} bytes)` : path;
  const bug = bugOn(entry, host);
  return `${shown} → ${outcomeOn(entry, host)}${bug ? ` [${bug}]` : ''}`;
}
