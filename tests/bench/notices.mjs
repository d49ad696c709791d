// What notices cost: the live content, and a copy with generated notices added as an editor adds
// them (a pair of files each, in content/notices/), each built in release; the build's time, the
// biggest data file of each, which of today's data files grew, and whether the app (wasm and
// glue) is byte for byte the same.
// The notices are made up for the measure and never published.

import { cpSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { filesUnder } from '../e2e/support/files.mjs';
import { sameApp } from './assets.mjs';
import { timedBuild } from './pictures.mjs';

/** The Markdown of generated notice `n`, dated a day before notice `n - 1`. */
function notice(n, lang, date) {
  const ja = lang === 'ja';
  return [
    '+++',
    `title = "${ja ? `生成したお知らせ ${n}` : `Generated notice ${n}`}"`,
    `description = "${ja ? `ベンチマークのためのお知らせ ${n}。` : `Notice ${n}, made for the benchmark.`}"`,
    `date = ${date}`,
    '+++',
    '',
    ja
      ? `このお知らせ（${n}）は、編集者が書くお知らせの代わりです。いくつかの文からなります。`
      : `This notice (${n}) stands for one an editor writes. It runs to a couple of sentences.`,
    '',
  ].join('\n');
}

/** A copy of `from` in `to` with `count` generated notices. */
export function addNotices(from, to, count) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  mkdirSync(join(to, 'notices'), { recursive: true });
  for (let n = 1; n <= count; n += 1) {
    const date = new Date(Date.UTC(2026, 11, 1) - n * 86_400_000).toISOString().slice(0, 10);
    for (const lang of ['en', 'ja']) {
      const name = `${date}-generated-${n}${lang === 'ja' ? '.ja' : ''}.md`;
      writeFileSync(join(to, 'notices', name), notice(n, lang, date));
    }
  }
}

/** Every data file of a build (the shell's site.bin and each page's page.bin) by its path, with its size. */
function dataFiles(dist) {
  return new Map(
    filesUnder(dist)
      .filter((path) => ['page.bin', 'site.bin'].includes(basename(path)))
      .map((path) => [`/${path}`, statSync(join(dist, path)).size]),
  );
}

/** The biggest of `files`, as { path, bytes }. */
function biggest(files) {
  const [path, bytes] = [...files].sort((a, b) => b[1] - a[1])[0];
  return { path, bytes };
}

/** Builds the live content and a copy with `count` notices, and compares the two. */
export function measureNotices({ content, work, count }) {
  const withNotices = join(work, 'content');
  addNotices(content, withNotices, count);
  const today = { dist: join(work, 'dist-today') };
  const grown = { dist: join(work, 'dist-notices') };
  today.buildMs = timedBuild(content, today.dist);
  grown.buildMs = timedBuild(withNotices, grown.dist);
  for (const build of [today, grown]) build.files = dataFiles(build.dist);
  // The files of today's pages that the notices made bigger: the home pages show the newest
  // three, the shell lists the list; no other should.
  const grew = [...today.files]
    .filter(([path, bytes]) => grown.files.get(path) > bytes)
    .map(([path, bytes]) => ({ path, bytes: grown.files.get(path) - bytes }));
  return {
    notices: count,
    buildMs: { today: today.buildMs, withNotices: grown.buildMs },
    biggest: { today: biggest(today.files), withNotices: biggest(grown.files) },
    dataFiles: { today: today.files.size, withNotices: grown.files.size },
    grew,
    sameApp: sameApp(today.dist, grown.dist),
  };
}
