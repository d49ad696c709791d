// The cost of a picture: a page with a 2400 × 1600 photo (a real one, cut from a photo Debian
// ships, which `.ci/bench` fetches) added to a scratch copy of content/, built with an empty
// build cache and then with the cache that build left (the processed pictures among it), what a
// phone and a desktop download for it against the photo as it was saved, and Lighthouse's picture
// audits with its LCP against the same page as static HTML. The page is never published: only its
// cost is measured.

import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { staticHost } from '../e2e/support/server.mjs';
import { writeBaseline } from './baseline.mjs';
import { auditSites } from './lighthouse.mjs';

const WIDTH = 2400;
const HEIGHT = 1600;
const PHOTO = 'bench-photo.jpg';
export const PICTURE_PAGE = '/bench-picture/';

/** The devices whose downloads are compared: a phone (iPhone-sized) and a desktop. */
const DEVICES = [
  { name: 'phone (390 px, 3 device px to the CSS px)', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  { name: 'desktop (1280 px)', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
];

/** The page's two files: the photo at the top, then text, then the photo again, below the fold. */
function pageFiles() {
  const paragraph = (ja) =>
    ja
      ? 'この段落は、写真のあるページに編集者が書く普通の文章の代わりです。ベンチマークのためだけのページです。'
      : 'This paragraph stands for the prose an editor writes around a photo. The page exists only for the benchmark.';
  const page = (ja) =>
    [
      '+++',
      `title = "${ja ? 'ベンチマークの写真のページ' : 'Benchmark picture page'}"`,
      `description = "${ja ? '写真の重さを測るためのページ。' : 'A page that measures what a photo costs.'}"`,
      'weight = 2000',
      'listed_in = "footer"',
      '+++',
      '',
      `![${ja ? 'オレンジ色の花を背に、茎の先に残る二つのタンポポの綿毛' : 'Two dandelion seeds left on the stem, against blurred orange flowers'}](/files/${PHOTO})`,
      '',
      ...Array.from({ length: 12 }, () => [paragraph(ja), '']).flat(),
      `![${ja ? '同じ写真をもう一度、ページの下の方に' : 'The same photo again, further down the page'}](/files/${PHOTO})`,
      '',
    ].join('\n');
  return { 'bench-picture.md': page(false), 'bench-picture.ja.md': page(true) };
}

/** Cuts `source` to 2400 × 1600 from its centre, in Chromium's canvas, as a JPEG at quality 92. */
async function cutPhoto(browser, source, out) {
  const page = await browser.newPage();
  const dataUrl = `data:image/jpeg;base64,${readFileSync(source).toString('base64')}`;
  const cut = await page.evaluate(
    async ({ url, width, height }) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      if (img.naturalWidth < width || img.naturalHeight < height) return null;
      const canvas = Object.assign(document.createElement('canvas'), { width, height });
      const x = (img.naturalWidth - width) / 2;
      const y = (img.naturalHeight - height) / 2;
      canvas.getContext('2d').drawImage(img, x, y, width, height, 0, 0, width, height);
      return canvas.toDataURL('image/jpeg', 0.92);
    },
    { url: dataUrl, width: WIDTH, height: HEIGHT },
  );
  await page.close();
  if (!cut) throw new Error(`${source} is smaller than ${WIDTH} × ${HEIGHT}`);
  writeFileSync(out, Buffer.from(cut.split(',')[1], 'base64'));
}

/**
 * A release build of `content` into `dist` with the build cache in `cache` (SITE_BUILD_CACHE:
 * compressed copies, the optimised wasm, processed pictures), timed in ms; Trunk's output goes
 * to stderr.
 */
export function timedBuild(content, dist, cache) {
  const start = performance.now();
  const build = spawnSync('trunk', ['build', '--release', '--dist', dist], {
    env: { ...process.env, SITE_CONTENT_DIR: content, SITE_BUILD_CACHE: resolve(cache) },
    stdio: ['ignore', 2, 2],
  });
  if (build.status !== 0) throw new Error(`the build of ${content} failed`);
  return performance.now() - start;
}

/** The bytes of the pictures a device downloads for the page: at load, and after scrolling to its end. */
async function downloads(browser, url, device) {
  const context = await browser.newContext({ viewport: device.viewport, deviceScaleFactor: device.deviceScaleFactor });
  const page = await context.newPage();
  const files = new Map();
  const reading = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/pictures/')) reading.push(response.body().then((body) => files.set(path, body.length)));
  });
  const total = async () => {
    await Promise.all(reading);
    return [...files.values()].reduce((a, b) => a + b, 0);
  };
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => [...document.images].every((img) => img.complete || img.loading === 'lazy'));
  const atLoad = await total();
  const firstFiles = [...files.keys()];
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  const scrolled = await total();
  await context.close();
  return { device: device.name, atLoadBytes: atLoad, scrolledBytes: scrolled, files: firstFiles };
}

/**
 * Builds and measures the picture page. `photo` is the source photo, `work` a scratch folder,
 * emptied first, which holds the builds' own cache. Resolves to
 * { sourceBytes, buildMs: { uncached, cached }, downloads, lighthouse }.
 */
export async function measurePictures({ browser, photo, work, runs, log }) {
  const content = join(work, 'content');
  const dist = join(work, 'dist');
  // The build cache, processed pictures among it: empty for the first build, then as it left it.
  const cache = join(work, 'build-cache');
  rmSync(work, { recursive: true, force: true });
  cpSync('content', content, { recursive: true });
  mkdirSync(join(content, 'files'), { recursive: true });
  const source = join(content, 'files', PHOTO);
  await cutPhoto(browser, photo, source);
  for (const [name, text] of Object.entries(pageFiles())) writeFileSync(join(content, name), text);

  log('building the picture page with an empty build cache');
  const uncached = timedBuild(content, dist, cache);
  log('building it again, with the processed pictures (and every other output) in the cache');
  const cached = timedBuild(content, dist, cache);

  const baselineDir = join(work, 'baseline');
  writeBaseline(dist, baselineDir);
  const ours = await staticHost({ dist });
  const floor = await staticHost({ dist: baselineDir });
  try {
    const url = new URL(PICTURE_PAGE.slice(1), ours.url).href;
    const measured = [];
    for (const device of DEVICES) measured.push(await downloads(browser, url, device));
    const lighthouse = await auditSites({
      sites: [
        { name: 'ours', url: ours.url },
        { name: 'baseline', url: floor.url },
      ],
      paths: [PICTURE_PAGE],
      runs,
      log,
    });
    return {
      sourceBytes: statSync(source).size,
      size: `${WIDTH} × ${HEIGHT}`,
      buildMs: { uncached, cached },
      downloads: measured,
      lighthouse: lighthouse.pages[0],
    };
  } finally {
    await ours.close();
    await floor.close();
  }
}
