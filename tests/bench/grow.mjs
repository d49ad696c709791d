// Makes a scratch copy of content/ with pages added as an editor adds them, for the benchmark's
// measure of what growing the site costs the app: `node tests/bench/grow.mjs FROM TO COUNT`.
// Each page has a few paragraphs of ordinary prose in both languages and is listed in the footer.
// The pages are never published: only their cost is measured.

import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ENGLISH = [
  'This paragraph stands for the ordinary prose an editor writes on a new page of the website.',
  'It runs to a few sentences, as a page about a programme, a meeting or a publication would.',
  'Its words change from page to page, so that no two pages compress as if they were one.',
];
const JAPANESE = [
  'この段落は、編集者がウェブサイトの新しいページに書く普通の文章の代わりです。',
  '事業や会合、刊行物についてのページと同じように、いくつかの文からなります。',
  'ページごとに言葉が変わるので、二つのページが一つのように圧縮されることはありません。',
];

/** The Markdown of generated page `n` in one language. */
function page(n, lang) {
  const ja = lang === 'ja';
  const title = ja ? `生成したページ ${n}` : `Generated page ${n}`;
  const paragraphs = Array.from({ length: 4 }, (_, p) =>
    (ja ? JAPANESE : ENGLISH)
      .map((sentence) => (ja ? `${sentence}（${n}-${p}）` : `${sentence} (${n}.${p})`))
      .join(ja ? '' : ' '),
  );
  return [
    '+++',
    `title = "${title}"`,
    `description = "${ja ? `ベンチマークのためのページ ${n}。` : `Page ${n}, made for the benchmark.`}"`,
    `weight = ${1000 + n}`,
    'listed_in = "footer"',
    '+++',
    '',
    paragraphs.join('\n\n'),
    '',
  ].join('\n');
}

export function grow(from, to, count) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  for (let n = 1; n <= count; n += 1) {
    writeFileSync(join(to, `generated-${n}.md`), page(n, 'en'));
    writeFileSync(join(to, `generated-${n}.ja.md`), page(n, 'ja'));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [from, to, count] = process.argv.slice(2);
  grow(from, to, Number(count));
}
