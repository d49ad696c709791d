// The benchmark (`.ci/bench`): a release build of the site against a baseline of the same pages
// as plain static HTML, with Lighthouse on every page, then client-side navigation speed in
// Chromium, Firefox and WebKit, cold navigation on a mobile network and memory in Chromium, and
// the app's size: against a build with generated pages added (`--grown`, `--generated`), which must
// leave the app's files byte for byte as they were, with a breakdown of its largest functions
// (`--twiggy`, twiggy's JSON); and a page with a 2400 × 1600 photo (`--photo`, the source to cut
// it from): its build time with an empty build cache and a warm one, what a phone and a desktop
// download, and Lighthouse's picture audits; and what a build costs (build-cost.mjs): release
// builds of content/ and of copies with 1,000 and 2,000 generated notice pairs, with an empty
// build cache and a warm one, beside Hugo building the same files (`--hugo`, its binary), the files
// a host would count, and the preview loop, from a saved sentence to the page showing it under
// `trunk serve`, over content/ and the 1,000 pairs. Writes `<out>/bench.json` and `<out>/bench.md`
// and prints the Markdown. Budgets are reported, not enforced: the exit code is non-zero only when
// the benchmark could not run.
//
//   node tests/bench/main.mjs --dist target/bench-dist --baseline target/bench-baseline --out bench-results \
//     --grown target/bench-dist-grown --generated 20 --twiggy target/bench-twiggy.json --photo PHOTO.jpg --hugo HUGO
//
// `build-cost` first measures what a build costs alone, and writes `<out>/build-cost.json` and
// `<out>/build-cost.md`:
//
//   node tests/bench/main.mjs build-cost --out bench-results --hugo HUGO
//
// `search` measures what searching costs alone (search.mjs: what a visit's queries download
// and how soon the count shows, with 1,000 notice pairs), into `<out>/search.json` and `.md`:
//
//   node tests/bench/main.mjs search --out bench-results --pagefind PAGEFIND
//
// BENCH_RUNS sets the number of Lighthouse runs per page (default 3). BENCH_NOTICES sets the notice
// pairs of the build-cost and search parts (default 1,000; twice as many for the host's limits): fewer make
// a quick run, whose budgets that depend on the count are not judged. SITE_ORIGIN is the address
// the release builds are for (`.ci/bench` sets it).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { launch } from '../e2e/support/browser.mjs';
import { staticHost, distExists } from '../e2e/support/server.mjs';
import { pagePaths } from '../e2e/support/site.mjs';
import { writeBaseline } from './baseline.mjs';
import { appAssets, sameApp } from './assets.mjs';
import { BUDGET_PAIRS, measureBuildCost, noticePairs } from './build-cost.mjs';
import { measureSearch } from './search.mjs';
import { auditSites } from './lighthouse.mjs';
import { measureNavigation, measureColdNavigation, measureMemory } from './navigation.mjs';
import { measurePictures } from './pictures.mjs';
import { budgets, buildCostBudgets, buildCostMarkdown, markdown, searchBudgets, searchMarkdown } from './report.mjs';

const NAVIGATION_CLICKS = 100;
const MEMORY_NAVIGATIONS = 1000;

const log = (message) => console.error(`bench: ${message}`);

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dist: { type: 'string' },
      baseline: { type: 'string' },
      out: { type: 'string' },
      grown: { type: 'string' },
      generated: { type: 'string' },
      twiggy: { type: 'string' },
      photo: { type: 'string' },
      hugo: { type: 'string' },
      pagefind: { type: 'string' },
    },
  });
  const [part = 'all', ...more] = positionals;
  if (!['all', 'build-cost', 'search'].includes(part) || more.length > 0)
    throw new Error(`the one argument is the part to run, build-cost or search, not ${positionals.join(' ')}`);
  const required = {
    'build-cost': ['out', 'hugo'],
    search: ['out', 'pagefind'],
    all: ['dist', 'baseline', 'out', 'grown', 'generated', 'twiggy', 'photo', 'hugo', 'pagefind'],
  }[part];
  for (const name of required) {
    if (!values[name]) throw new Error(`--${name} is required`);
  }
  if (part === 'all' && !distExists(values.dist)) throw new Error(`${values.dist} holds no built site`);
  if (!process.env.SITE_ORIGIN) throw new Error('SITE_ORIGIN must name the address the release builds are for');
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`BENCH_RUNS must be a whole number from 1, not ${process.env.BENCH_RUNS}`);
  // Read now, so that a wrong value stops the run before its first build.
  const pairs = noticePairs();
  return { ...values, part, runs, pairs };
}

/** What a build costs: content/ and copies with notices, each built, beside Hugo; the preview. */
function measureCost({ hugo, pairs }) {
  log(`what a build costs: content/, ${pairs} and ${2 * pairs} notice pairs built, beside Hugo; the preview`);
  return measureBuildCost({ work: 'target/bench-build-cost', pairs, hugo, origin: process.env.SITE_ORIGIN, log });
}

function write(out, name, results, report) {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(out, `${name}.md`), report);
  console.log(report);
  log(`wrote ${join(out, `${name}.json`)} and ${join(out, `${name}.md`)}`);
}

/** What searching costs, in a browser of its own. */
async function measureSearchCost({ pairs, pagefind }) {
  log(`what searching costs: content/ with ${pairs} notice pairs, a visit in each edition`);
  const browser = await launch();
  try {
    const search = await measureSearch({ browser, work: 'target/bench-search', pairs, pagefind, log });
    return { ...search, budgetPairs: BUDGET_PAIRS, browser: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
  }
}

/** `search` alone. */
async function searchOnly(settings) {
  const { browser, ...search } = await measureSearchCost(settings);
  const environment = { date: new Date().toISOString(), browser, node: process.versions.node, cpus: cpus().length };
  const results = { environment, search, budgets: searchBudgets(search) };
  write(settings.out, 'search', results, searchMarkdown(results));
}

/** `build-cost` alone. */
async function buildCostOnly(settings) {
  const buildCost = await measureCost(settings);
  const environment = { date: new Date().toISOString(), node: process.versions.node, cpus: cpus().length };
  const results = { environment, buildCost, budgets: buildCostBudgets(buildCost) };
  write(settings.out, 'build-cost', results, buildCostMarkdown(results));
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
      const pictures = await measurePictures({ browser, photo, work: 'target/bench-pictures', runs, log });
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
  if (settings.part === 'build-cost') return buildCostOnly(settings);
  if (settings.part === 'search') return searchOnly(settings);
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
  const loadAfter = loadavg()[0];
  const buildCost = await measureCost(settings);
  const search = await measureSearchCost(settings);
  const environment = {
    date: new Date().toISOString(),
    runs: settings.runs,
    browser,
    node: process.versions.node,
    cpus: cpus().length,
    loadAverage: { before: loadBefore, after: loadAfter },
  };
  const results = { environment, assets, growth, largest, ...measured, buildCost, search };
  results.budgets = [...budgets(results), ...searchBudgets(search)];
  write(settings.out, 'bench', results, markdown(results));
}

try {
  await main();
} catch (error) {
  log(`could not run: ${error.stack ?? error}`);
  process.exitCode = 1;
}
