// Lighthouse on every page of each site, with its default settings (mobile form factor,
// simulated throttling), several runs each, summarised by the median of each figure.

import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM, CHROMIUM_FLAGS } from '../e2e/support/browser.mjs';
import { median } from './stats.mjs';

const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];

/** The figures taken from each report, by the audit that gives them. */
const AUDITS = {
  transferBytes: 'total-byte-weight',
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
};

/** The audits of a page's pictures, each recorded as 1 where it passes (or finds no picture to
 * judge) and 0 where it fails. */
export const PICTURE_AUDITS = ['uses-responsive-images', 'modern-image-formats', 'unsized-images', 'offscreen-images'];

/**
 * Audits every path of every site ({ name, url }) `runs` times. The sites take turns page by
 * page, so that a change in the machine's load falls on both alike.
 * Resolves to { settings, pages: [{ path, [site name]: { median, runs } }] }.
 */
export async function auditSites({ sites, paths, runs, log }) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    const pages = paths.map((path) => ({ path, ...Object.fromEntries(sites.map((site) => [site.name, []])) }));
    let settings;
    for (let run = 1; run <= runs; run += 1) {
      for (const page of pages) {
        for (const site of sites) {
          const result = await audit(new URL(page.path.slice(1), site.url).href, chrome.port);
          settings ??= result.settings;
          page[site.name].push(result.figures);
          log(`lighthouse ${run}/${runs} ${site.name.padEnd(8)} ${page.path}: ${describe(result.figures)}`);
        }
      }
    }
    return { settings, pages: pages.map((page) => summarise(page, sites)) };
  } finally {
    await chrome.kill();
  }
}

/** One Lighthouse run: { settings, figures: { transferBytes, fcp, lcp, tbt, tbtApp, cls, score, accessibility, and each of PICTURE_AUDITS } }. */
async function audit(url, port) {
  const { lhr } = await lighthouse(url, { port, logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const figures = {};
  for (const [name, id] of Object.entries(AUDITS)) {
    figures[name] = lhr.audits[id]?.numericValue;
    if (typeof figures[name] !== 'number') throw new Error(`Lighthouse on ${url}: no value for ${id}`);
  }
  figures.tbtApp = appBlockingTime(lhr);
  for (const id of PICTURE_AUDITS) {
    const { score, scoreDisplayMode } = lhr.audits[id] ?? {};
    if (!scoreDisplayMode) throw new Error(`Lighthouse on ${url}: no audit ${id}`);
    figures[id] = score === 1 || scoreDisplayMode === 'notApplicable' ? 1 : 0;
  }
  const { score } = lhr.categories.performance;
  if (typeof score !== 'number') throw new Error(`Lighthouse on ${url}: no performance score`);
  figures.score = Math.round(score * 100);
  const accessibility = lhr.categories.accessibility.score;
  if (typeof accessibility !== 'number') throw new Error(`Lighthouse on ${url}: no accessibility score`);
  figures.accessibility = Math.round(accessibility * 100);
  const { formFactor, throttlingMethod, throttling } = lhr.configSettings;
  const settings = { lighthouseVersion: lhr.lighthouseVersion, formFactor, throttlingMethod, throttling };
  return { settings, figures };
}

/** The app's files, as Lighthouse names the script a long task is attributed to. */
const APP_SCRIPT = /\/sendai_cluster-[0-9a-f]+(_bg\.wasm|\.js)$/;

/**
 * The part of TBT in the app's own tasks: the time over 50 ms of each long task between the first
 * contentful paint and time to interactive (the window TBT counts) that Lighthouse attributes to
 * the app's script. The rest is the page's own work (style, layout) or work Lighthouse cannot
 * attribute (the wasm's compilation among it).
 */
function appBlockingTime(lhr) {
  const from = lhr.audits['first-contentful-paint'].numericValue;
  const until = lhr.audits.interactive.numericValue;
  const tasks = lhr.audits['long-tasks'].details?.items ?? [];
  return tasks
    .filter((task) => APP_SCRIPT.test(task.url) && task.startTime >= from && task.startTime < until)
    .reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0);
}

function summarise(page, sites) {
  const summary = { path: page.path };
  for (const { name } of sites) {
    const runs = page[name];
    const medians = Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(runs.map((run) => run[key]))]));
    summary[name] = { median: medians, runs };
  }
  return summary;
}

function describe({ transferBytes, fcp, lcp, tbt, cls, score, accessibility }) {
  return (
    `${transferBytes} B, FCP ${Math.round(fcp)} ms, LCP ${Math.round(lcp)} ms, ` +
    `TBT ${Math.round(tbt)} ms, CLS ${cls.toFixed(3)}, score ${score}, accessibility ${accessibility}`
  );
}
