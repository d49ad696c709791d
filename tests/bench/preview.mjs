// The preview loop an editor sees: `trunk serve` over a copy of a content folder (content/, or
// the benchmark's copy with generated notices), a browser on a page, then a sentence of the
// page's file changed and saved, timed from the save to the reloaded page showing the new
// sentence. Each edit is timed once; the report gives the median.
//
//   node tests/bench/preview.mjs [EDITS [CONTENT]]   (prints the figures as JSON; default 3 edits of content/)

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch } from '../e2e/support/browser.mjs';
import { CONTENT, navigationPages, replaceText, textFragments } from '../e2e/support/content.mjs';
import { squash } from '../e2e/support/site.mjs';
import { trunkServe } from '../e2e/support/trunk.mjs';

/**
 * Times `edits` saves of a sentence over a copy of `content`, each to the reloaded page showing
 * it. `cache` is the build cache the preview keeps (SITE_BUILD_CACHE; the default one if not
 * given). Resolves to { page, edits: [ms, ...], medianMs }.
 */
export async function measurePreview({ edits = 3, content = CONTENT, cache, log = () => {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sendai-preview-'));
  cpSync(content, dir, { recursive: true });
  log(`starting trunk serve over a copy of ${content} (a first build may take minutes)`);
  const server = await trunkServe({
    dist: 'target/bench-preview-dist',
    watch: [dir],
    env: { SITE_CONTENT_DIR: dir, ...(cache && { SITE_BUILD_CACHE: resolve(cache) }) },
    autoreload: true,
  });
  const browser = await launch();
  // The first page of the main navigation, and its file in the copy.
  const path = navigationPages()[0];
  const file = join(dir, `${path.slice(1, -1)}.md`);
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${path}`);
    const shown = squash(await page.locator('main').innerText());
    let sentence = textFragments(file).find((fragment) => shown.includes(fragment));
    if (!sentence) throw new Error(`no sentence of ${file} is on ${path}`);
    const times = [];
    for (let edit = 1; edit <= edits; edit += 1) {
      const edited = `Edit ${edit}: ${sentence}`;
      const reloaded = page.waitForFunction(
        (text) => document.querySelector('main')?.innerText.replace(/\s+/g, ' ').includes(text),
        edited,
        { timeout: 10 * 60 * 1000, polling: 50 },
      );
      const saved = performance.now();
      replaceText(file, sentence, edited);
      await reloaded;
      times.push(Math.round(performance.now() - saved));
      log(`edit ${edit}: ${times.at(-1)} ms from the save to the page showing it`);
      sentence = edited;
    }
    const sorted = [...times].sort((a, b) => a - b);
    return { page: path, edits: times, medianMs: sorted[Math.floor(sorted.length / 2)] };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const edits = Number(process.argv[2] ?? 3);
  const content = process.argv[3] ?? CONTENT;
  console.log(JSON.stringify(await measurePreview({ edits, content, log: (m) => console.error(`preview: ${m}`) })));
}
