// Notices for the measure of what a build costs (build-cost.mjs): a copy of content/ with
// generated notices added as an editor adds them (a pair of files each, in content/notices/, a few
// paragraphs each), and what they change in a build: which of today's data files grew, the
// biggest data file, and whether the app (wasm and glue) is byte for byte the same.
// The notices are made up for the measure and never published.

import { cpSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { filesUnder } from '../e2e/support/files.mjs';
import { sameApp } from './assets.mjs';

/** The Markdown of generated notice `n` in `lang`, dated `date`. */
function notice(n, lang, date) {
  const ja = lang === 'ja';
  return [
    '+++',
    `title = "${ja ? `生成したお知らせ ${n}` : `Generated notice ${n}`}"`,
    `description = "${ja ? `ベンチマークのためのお知らせ ${n}。` : `Notice ${n}, made for the benchmark.`}"`,
    `date = ${date}`,
    '+++',
    '',
    ...(ja
      ? [
          `このお知らせ（${n}）は、編集者が書くお知らせの代わりです。いくつかの段落からなります。`,
          'お知らせには、催しの案内や募集、報告などが書かれます。読む人が必要なことをすぐに見つけられるよう、要点を先に書きます。',
          '詳しいことは、事務局までお問い合わせください。電話とファクスの番号は、各ページの下にあります。',
        ]
      : [
          `${noticeSentence(n)} It runs to a few paragraphs.`,
          'A notice announces an event, a call or a report. It puts what a reader needs first, so that they find it at once.',
          'For more, readers ask the secretariat, whose telephone and fax numbers are at the foot of every page.',
        ]
    ).flatMap((paragraph) => [paragraph, '']),
  ].join('\n');
}

/** The date of generated notice `n`: a day before notice `n - 1`, the first on 2026-11-30. */
function dateOf(n) {
  return new Date(Date.UTC(2026, 11, 1) - n * 86_400_000).toISOString().slice(0, 10);
}

/** The file of generated notice `n` in `lang` under a content folder. */
export function noticeFile(content, n, lang = 'en') {
  return join(content, 'notices', `${dateOf(n)}-generated-${n}${lang === 'ja' ? '.ja' : ''}.md`);
}

/** The first sentence of generated notice `n` in English, which a test may change. */
export function noticeSentence(n) {
  return `This notice (${n}) stands for one an editor writes.`;
}

/** A copy of `from` in `to` with `count` generated notices. */
export function addNotices(from, to, count) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  mkdirSync(join(to, 'notices'), { recursive: true });
  for (let n = 1; n <= count; n += 1) {
    for (const lang of ['en', 'ja']) writeFileSync(noticeFile(to, n, lang), notice(n, lang, dateOf(n)));
  }
}

/** Every data file of a build (the shell's site.bin and each page's page.bin) by its path, with its size. */
export function dataFiles(dist) {
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

/**
 * What `count` notices changed: `today` and `withNotices` are the builds without and with them,
 * `todayFiles` today's data files as dataFiles() read them right after its build.
 */
export function compareNotices({ count, today, todayFiles, withNotices }) {
  const grown = dataFiles(withNotices);
  // The files of today's pages that the notices made bigger: the home pages show the newest
  // three, the shell lists the list; no other should.
  const grew = [...todayFiles]
    .filter(([path, bytes]) => grown.get(path) > bytes)
    .map(([path, bytes]) => ({ path, bytes: grown.get(path) - bytes }));
  return {
    notices: count,
    biggest: { today: biggest(todayFiles), withNotices: biggest(grown) },
    dataFiles: { today: todayFiles.size, withNotices: grown.size },
    grew,
    sameApp: sameApp(today, withNotices),
  };
}
