// What a build costs as the archive grows (issue 36), beside Hugo building the same content
// files in the same run: release builds of content/ as it is, of a copy with `pairs` generated
// notice pairs (1,000 for the budgets) and of one with twice as many, each with its own build
// cache (SITE_BUILD_CACHE). content/ and the first copy are built with an empty cache, then again
// with the cache they left after one file changed (a sentence of a page; of one notice), into a
// fresh folder, which must show the change; the doubled copy is built with the first copy's cache,
// as a site that grew would be, and its files are counted against a host's limits. The preview
// (`trunk serve`) is timed over content/ and over the copy with notices. Every build goes into a
// folder of `work`, never into dist/.
//
//   .ci/bench build-cost   (node tests/bench/main.mjs build-cost --out bench-results --hugo HUGO)
//
// BENCH_NOTICES sets the notice pairs (default 1,000, the budgets'), for a quick run that shows
// the measure works; the budgets that depend on the count are then not judged.

import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { loadavg } from 'node:os';
import { bodyFragments, CONTENT, navigationPages, replaceText } from '../e2e/support/content.mjs';
import { filesUnder } from '../e2e/support/files.mjs';
import { HUGO_RUNS, hugoVersion, timeHugo, writeHugoSite } from './hugo.mjs';
import { addNotices, compareNotices, dataFiles, noticeFile, noticeSentence } from './notices.mjs';
import { timedBuild } from './pictures.mjs';
import { measurePreview } from './preview.mjs';

/** The notice pairs issue 36's budgets are set for; the host's limits are checked at twice as many. */
export const BUDGET_PAIRS = 1000;
/** Saves of a sentence per preview; the report gives the median. */
const PREVIEW_EDITS = 3;
/** What a changed sentence gains, so that the build that follows can be checked for it. */
const CHANGED = ' Changed for the benchmark.';

/** The notice pairs to measure with: BENCH_NOTICES, or the budgets' count. */
export function noticePairs(value = process.env.BENCH_NOTICES) {
  if (value === undefined || value === '') return BUDGET_PAIRS;
  const pairs = Number(value);
  if (!Number.isInteger(pairs) || pairs < 1)
    throw new Error(`BENCH_NOTICES must be a whole number from 1, not ${value}`);
  return pairs;
}

/** The files of a build folder: how many, their bytes, and the largest as { path, bytes }. */
function filesOf(dist) {
  const sizes = filesUnder(dist).map((path) => ({ path: `/${path}`, bytes: statSync(join(dist, path)).size }));
  return {
    count: sizes.length,
    bytes: sizes.reduce((sum, file) => sum + file.bytes, 0),
    largest: sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a)),
  };
}

/** The paths of the pages of `dist` whose HTML holds `text`. */
function pagesShowing(dist, text) {
  return filesUnder(dist)
    .filter((path) => path.endsWith('.html') && readFileSync(join(dist, path), 'utf8').includes(text))
    .map((path) => (dirname(path) === '.' ? `/${path}` : `/${dirname(path)}/`));
}

/** Writes `sentence` of `file` with a few words added; returns the sentence as it now reads. */
function changeSentence(file, sentence) {
  const changed = `${sentence}${CHANGED}`;
  replaceText(file, sentence, changed);
  return changed;
}

/**
 * Builds `content` with an empty cache, then again, with the cache it left, after `change`
 * changed a sentence of one of its files (it returns { file, sentence }), into a fresh folder.
 * Returns the two builds' times, the cold build's files, and where the change shows.
 */
function coldThenWarm({ name, content, work, log, change }) {
  const cache = join(work, `cache-${name}`);
  const cold = join(work, `dist-${name}`);
  const warm = join(work, `dist-${name}-warm`);
  rmSync(cache, { recursive: true, force: true });
  log(`${name}: release build with an empty build cache`);
  const coldMs = timedBuild(content, cold, cache);
  // A build that kept its outputs elsewhere would time the next one against another cache.
  if (!existsSync(cache)) throw new Error(`the build kept nothing in ${cache}: is SITE_BUILD_CACHE read?`);
  const { file, sentence } = change();
  log(`${name}: one sentence of ${file} changed; release build with the cache the first left`);
  const warmMs = timedBuild(content, warm, cache);
  return {
    cache,
    dist: cold,
    coldMs,
    warmMs,
    files: filesOf(cold),
    changed: { file, shownOn: pagesShowing(warm, sentence) },
  };
}

/**
 * Measures it all in `work` (a folder of its own, under target/). `hugo` is Hugo's binary, `origin`
 * the site's address (SITE_ORIGIN). Resolves to the figures the report and budgets read.
 */
export async function measureBuildCost({ work, pairs, hugo, origin, log }) {
  const loadBefore = loadavg()[0];
  mkdirSync(work, { recursive: true });
  const contents = {
    live: join(work, 'content-live'),
    notices: join(work, 'content-notices'),
    doubled: join(work, 'content-doubled'),
  };
  // content/ copied too, so that its build may change a file, as the others do.
  addNotices(CONTENT, contents.live, 0);
  addNotices(CONTENT, contents.notices, pairs);
  addNotices(CONTENT, contents.doubled, 2 * pairs);

  const site = join(work, 'hugo-site');
  writeHugoSite(site, origin);
  const hugoOver = (name) => {
    log(`${name}: hugo --quiet, ${HUGO_RUNS} runs`);
    return timeHugo({ hugo, site, content: contents[name], out: join(work, `hugo-${name}`) });
  };

  // The page the preview edits too: the first of the main navigation.
  const page = navigationPages()[0];
  const pageFile = join(contents.live, `${page.slice(1, -1)}.md`);
  const live = {
    pairs: 0,
    hugo: hugoOver('live'),
    ...coldThenWarm({
      name: 'live',
      content: contents.live,
      work,
      log,
      change: () => {
        const [sentence] = bodyFragments(pageFile);
        return { file: `${page.slice(1, -1)}.md`, sentence: changeSentence(pageFile, sentence) };
      },
    }),
  };
  const todayFiles = dataFiles(live.dist);

  // One notice from the middle of the archive: an old one corrected, as an editor would.
  const changedNotice = Math.ceil(pairs / 2);
  const notices = {
    pairs,
    hugo: hugoOver('notices'),
    ...coldThenWarm({
      name: 'notices',
      content: contents.notices,
      work,
      log,
      change: () => {
        const file = noticeFile(contents.notices, changedNotice);
        return {
          file: `notices/${basename(file)}`,
          sentence: changeSentence(file, noticeSentence(changedNotice)),
        };
      },
    }),
  };
  const comparison = compareNotices({ count: pairs, today: live.dist, todayFiles, withNotices: notices.dist });

  const doubled = { pairs: 2 * pairs, hugo: hugoOver('doubled') };
  doubled.dist = join(work, 'dist-doubled');
  log(`doubled: release build of ${2 * pairs} notice pairs with the cache of ${pairs}`);
  doubled.warmFromMs = timedBuild(contents.doubled, doubled.dist, notices.cache);
  doubled.files = filesOf(doubled.dist);

  // The preview keeps a cache of its own between runs: it makes its first build, untimed, quicker.
  const previewCache = join(work, 'cache-preview');
  log(`preview over content/: ${PREVIEW_EDITS} edits of a sentence under trunk serve`);
  const previewLive = await measurePreview({ edits: PREVIEW_EDITS, cache: previewCache, log });
  log(`preview over ${pairs} notice pairs: ${PREVIEW_EDITS} edits`);
  const previewNotices = await measurePreview({
    edits: PREVIEW_EDITS,
    content: contents.notices,
    cache: previewCache,
    log,
  });

  // The figures, without the folders they were read from.
  const figures = (build) =>
    Object.fromEntries(Object.entries(build).filter(([key]) => !['cache', 'dist'].includes(key)));
  return {
    pairs,
    budgetPairs: BUDGET_PAIRS,
    hugo: { version: hugoVersion(hugo), runs: HUGO_RUNS },
    loadAverage: { before: loadBefore, after: loadavg()[0] },
    builds: { live: figures(live), notices: figures(notices), doubled: figures(doubled) },
    notices: comparison,
    preview: { live: { pairs: 0, ...previewLive }, notices: { pairs, ...previewNotices } },
  };
}
