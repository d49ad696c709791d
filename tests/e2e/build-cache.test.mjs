// The build cache (issue 36): a release build reuses what an earlier one made (rendered pages,
// compressed copies, the optimised wasm) only where every input is the same. One input of each
// kind an editor changes (a post, a page, an interface string, a picture) is changed in turn on
// a copy of the fixture's content, each time rebuilt with the cache of the builds before: exactly
// the files that depend on that input change (a text's edition's search index among them), and
// the last build is, byte for byte, what a build with an empty cache makes of the same content.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_CONTENT, bodyFragments, fixturePictures, pathOf, replaceText } from './support/content.mjs';
import { filesUnder } from './support/files.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Builds `content` for release into `dist`, keeping outputs in `cache`; says what it reused. */
function build(content, dist, cache) {
  const run = spawnSync('trunk', ['build', '--release', '--dist', dist], {
    cwd: ROOT,
    env: { ...process.env, SITE_CONTENT_DIR: content, SITE_BUILD_CACHE: cache },
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, `the build of ${content} fails:\n${run.stdout}\n${run.stderr}`);
  return run.stderr.match(/^prerender: .*$/m)?.[0];
}

/** Every file of a build folder by its path, with a hash of its bytes. */
function digests(dist) {
  return new Map(
    filesUnder(dist).map((path) => [
      path,
      createHash('sha256')
        .update(readFileSync(join(dist, path)))
        .digest('hex'),
    ]),
  );
}

/** The paths whose file differs between two builds, or is in one only, in order. */
function changed(before, after) {
  return [...new Set([...before.keys(), ...after.keys()])]
    .filter((path) => before.get(path) !== after.get(path))
    .sort();
}

/** A page's HTML and data file, and their brotli copies: what a change to the page's own text rewrites. */
function pageOutputs(path) {
  const folder = path.slice(1);
  return ['index.html', 'page.bin'].flatMap((name) => [`${folder}${name}`, `${folder}${name}.br`]);
}

/** The same JPEG with a comment added after its start marker: other bytes, the same picture. */
function withComment(jpeg, comment) {
  const text = Buffer.from(comment);
  const segment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, text.length + 2]), text]);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

test(
  'each kind of input changes exactly the outputs that depend on it, and a warm cache builds what an empty one does',
  { timeout: 20 * 60 * 1000 },
  () => {
    const work = mkdtempSync(join(tmpdir(), 'sendai-build-cache-'));
    const content = join(work, 'content');
    const cache = join(work, 'cache');
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
    let step = 0;
    const rebuild = () => {
      step += 1;
      const dist = join(work, `dist-${step}`);
      const said = build(content, dist, cache);
      return { dist, files: digests(dist), said };
    };
    try {
      let last = rebuild();
      const post = readdirSync(join(content, 'notices'))
        .filter((name) => /^\d{4}-\d{2}-\d{2}-.+(?<!\.ja)\.md$/.test(name))
        .sort()[0];
      const postFile = join(content, 'notices', post);
      const postPath = `/notices/${post.slice('YYYY-MM-DD-'.length, -'.md'.length)}/`;
      const pageFile = join(content, 'visiting-hours.md');
      const picture = 'visiting-hours-house.jpg';
      const pictureStem = picture.replace(/\.jpg$/, '');
      const kinds = [
        {
          kind: "a sentence of a post's English text",
          change: () => {
            const [sentence] = bodyFragments(postFile);
            replaceText(postFile, sentence, `Changed: ${sentence}`);
          },
          expected: () => pageOutputs(postPath),
          searchEdition: 'en',
        },
        {
          kind: "a sentence of a page's English text",
          change: () => {
            const [sentence] = bodyFragments(pageFile);
            replaceText(pageFile, sentence, `Changed: ${sentence}`);
          },
          expected: () => pageOutputs(pathOf(pageFile)),
          searchEdition: 'en',
        },
        {
          // Every page is drawn in the shell, and every data file names the shell it belongs to.
          kind: 'an English interface string',
          change: () => {
            const strings = join(content, 'strings.toml');
            const source = readFileSync(strings, 'utf8');
            const edited = source.replace(/(^\[skip_link\][^[]*?^en = ")/m, '$1Changed: ');
            assert.notEqual(edited, source, 'strings.toml has the skip link in English');
            writeFileSync(strings, edited);
          },
          // The search index reads `main` alone: a word of the header leaves it as it was. The
          // editing interface's page is not the site's.
          expected: (files) =>
            files.filter((path) => /\.(html|bin)(\.br)?$/.test(path) && !/^(search\/(en|ja)|admin)\//.test(path)),
        },
        {
          // Processed files are named by the picture's bytes: the new ones replace the old ones,
          // and the pages that show the picture name the new ones.
          kind: 'a picture',
          change: () => {
            const file = join(content, 'files', picture);
            writeFileSync(file, withComment(readFileSync(file), 'changed'));
          },
          expected: (files) => [
            ...files.filter((path) => path.startsWith(`pictures/${pictureStem}-`)),
            ...fixturePictures()
              .filter(({ pictures }) => pictures.some(({ src }) => src === `/files/${picture}`))
              .flatMap(({ path }) => pageOutputs(path)),
          ],
        },
      ];
      for (const { kind, change, expected, searchEdition } of kinds) {
        change();
        const next = rebuild();
        const files = [...new Set([...last.files.keys(), ...next.files.keys()])];
        const differ = changed(last.files, next.files);
        // A changed text also changes its edition's search index: the document file that holds
        // the page, and the files of the terms it gained or lost; nothing of the other edition's.
        const index = differ.filter((path) => /^search\/(en|ja)\/.+\.bin$/.test(path));
        const other = differ.filter((path) => !index.includes(path) && !index.includes(path.replace(/\.br$/, '')));
        assert.deepEqual(other, [...new Set(expected(files))].sort(), `${kind}: the files that changed (${next.said})`);
        if (searchEdition) {
          assert.ok(
            index.some((path) => path.startsWith(`search/${searchEdition}/docs/`)),
            `${kind}: the search index holds the new text (${index.join(', ')})`,
          );
          assert.deepEqual(
            index.filter((path) => !path.startsWith(`search/${searchEdition}/`)),
            [],
            `${kind}: the other edition's search index stays as it was`,
          );
        } else {
          assert.deepEqual(index, [], `${kind}: the search index stays as it was`);
        }
        last = next;
      }
      build(content, join(work, 'dist-cold'), join(work, 'empty-cache'));
      const cold = digests(join(work, 'dist-cold'));
      assert.deepEqual(changed(last.files, cold), [], 'the warm build is the cold build, byte for byte');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
);
