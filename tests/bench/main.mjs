// The benchmark (`.ci/bench`): a release build of the site against a baseline of the same pages
// as plain static HTML, with Lighthouse on every page, then client-side navigation speed in
// Chromium, Firefox and WebKit, cold navigation on a mobile network and memory in Chromium, and
// the app's size: against a build with generated pages added (`--grown`, `--generated`), which must
// leave the app's files byte for byte as they were, with a breakdown of its largest functions
// (`--twiggy`, twiggy's JSON); and the preview loop, from a saved sentence to the page showing it
// under `trunk serve`; and a page with a 2400 × 1600 photo (`--photo`, the source to cut it from):
// its build time with and without processed pictures in the cache, what a phone and a desktop
// download, and Lighthouse's picture audits. Writes `<out>/bench.json` and
// `<out>/bench.md` and prints the Markdown. Budgets are reported, not enforced: the exit code is
// non-zero only when the benchmark could not run.
//
//   node tests/bench/main.mjs --dist target/bench-dist --baseline target/bench-baseline --out bench-results \
//     --grown target/bench-dist-grown --generated 20 --twiggy target/bench-twiggy.json --photo PHOTO.jpg
//
// BENCH_RUNS sets the number of Lighthouse runs per page (default 3).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { launch } from '../e2e/support/browser.mjs';
import { staticHost, distExists } from '../e2e/support/server.mjs';
import { pagePaths } from '../e2e/support/site.mjs';
import { writeBaseline } from './baseline.mjs';
import { appAssets, sameApp } from './assets.mjs';
import { auditSites } from './lighthouse.mjs';
import { measureNavigation, measureColdNavigation, measureMemory } from './navigation.mjs';
import { measureNotices } from './notices.mjs';
import { measurePictures } from './pictures.mjs';
import { measurePreview } from './preview.mjs';
import { budgets, markdown } from './report.mjs';

const NAVIGATION_CLICKS = 100;
const MEMORY_NAVIGATIONS = 1000;
const PREVIEW_EDITS = 3;
// Notices generated for the measure of what they cost: ten pages of the list.
const NOTICES = 200;

const log = (message) => console.error(`bench: ${message}`);

function options() {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string' },
      baseline: { type: 'string' },
      out: { type: 'string' },
      grown: { type: 'string' },
      generated: { type: 'string' },
      twiggy: { type: 'string' },
      photo: { type: 'string' },
    },
  });
  for (const name of ['dist', 'baseline', 'out', 'grown', 'generated', 'twiggy', 'photo']) {
    if (!values[name]) throw new Error(`--${name} is required`);
  }
  if (!distExists(values.dist)) throw new Error(`${values.dist} holds no built site`);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`BENCH_RUNS must be a whole number from 1, not ${process.env.BENCH_RUNS}`);
  return { ...values, runs };
}

/** Serves the build and its baseline side by side, runs every measurement, and closes both. */
async function measure({ dist, baseline, runs, photo }) {
  const paths = pagePaths(dist);
  log(`baseline: ${writeBaseline(dist, baseline)} pages without the app in ${baseline}`);
  const ours = await staticHost({ dist });
  const floor = await staticHost({ dist: baseline });
  try {
    const lighthouse = await auditSites({
      sites: [
        { name: 'ours', url: ours.url },
        { name: 'baseline', url: floor.url },
      ],
      paths,
      runs,
      log,
    });
    const browser = await launch();
    try {
      const navigation = [];
      log(`timing ${NAVIGATION_CLICKS} client-side navigations in Chromium`);
      const chromium = await measureNavigation(browser, { url: ours.url, paths, count: NAVIGATION_CLICKS });
      navigation.push({ ...chromium, engine: `Chromium ${browser.version()}` });
      for (const [engine, name] of [
        ['firefox', 'Firefox'],
        ['webkit', 'WebKitGTK'],
      ]) {
        log(`timing ${NAVIGATION_CLICKS} client-side navigations in ${name}`);
        const measured = await measureNavigation(null, { url: ours.url, paths, count: NAVIGATION_CLICKS, engine });
        navigation.push({ ...measured, engine: `${name} ${measured.version}` });
      }
      log('timing cold navigations and full loads on a mobile network in Chromium');
      const coldNavigation = await measureColdNavigation(browser, { url: ours.url, paths, runs });
      log(`memory over ${MEMORY_NAVIGATIONS} client-side navigations`);
      const memory = await measureMemory(browser, { url: ours.url, paths, count: MEMORY_NAVIGATIONS });
      log('the picture page: two builds, downloads by a phone and a desktop, Lighthouse');
      const pictures = await measurePictures({
        browser,
        photo,
        work: 'target/bench-pictures',
        cache: 'target/pictures',
        runs,
        log,
      });
      return { browser: `Chromium ${browser.version()}`, lighthouse, navigation, coldNavigation, memory, pictures };
    } finally {
      await browser.close();
    }
  } finally {
    await ours.close();
    await floor.close();
  }
}

async function main() {
  const settings = options();
  const assets = appAssets(settings.dist);
  const growth = {
    pages: Number(settings.generated),
    wasmBrotliBytes: appAssets(settings.grown).find((asset) => asset.role === 'wasm').brotliBytes,
    sameApp: sameApp(settings.dist, settings.grown),
  };
  // The wasm's own code and data, without the custom sections (names, wasm-bindgen's metadata)
  // that the build strips.
  const largest = JSON.parse(readFileSync(settings.twiggy, 'utf8'))
    .filter((item) => !/^custom section|subsection$/.test(item.name))
    .slice(0, 25);
  // Simulated throttling scales the CPU time it observes, so other work on the machine shows
  // in the figures: the load average tells a reader how quiet the run was.
  const loadBefore = loadavg()[0];
  const { browser, ...measured } = await measure(settings);
  log(`notices: the live content and a copy with ${NOTICES} notices, each built`);
  const notices = measureNotices({ content: 'content', work: 'target/bench-notices', count: NOTICES });
  log(`timing the preview loop: ${PREVIEW_EDITS} edits of a sentence under trunk serve`);
  const preview = await measurePreview({ edits: PREVIEW_EDITS, log });
  const environment = {
    date: new Date().toISOString(),
    runs: settings.runs,
    browser,
    node: process.versions.node,
    cpus: cpus().length,
    loadAverage: { before: loadBefore, after: loadavg()[0] },
  };
  const results = { environment, assets, growth, largest, ...measured, preview, notices };
  results.budgets = budgets(results);
  const report = markdown(results);
  mkdirSync(settings.out, { recursive: true });
  writeFileSync(join(settings.out, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(settings.out, 'bench.md'), report);
  console.log(report);
  log(`wrote ${join(settings.out, 'bench.json')} and ${join(settings.out, 'bench.md')}`);
}

try {
  await main();
} catch (error) {
  log(`could not run: ${error.stack ?? error}`);
  process.exitCode = 1;
}
