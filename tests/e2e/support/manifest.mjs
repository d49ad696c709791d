// What a build's content compiled to, as its prerenderer wrote it (`SITE_MANIFEST`, which .ci/test
// sets for each build: target/manifest/<build folder's name>.json): the pages in navigation order,
// each section with its settings, words, posts newest first and list pages, and the interface
// strings. Tests take addresses, orders and words from here, never from rules of their own, so an
// editor's post or reworded string changes what they expect, not whether they pass.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const MANIFESTS = new URL('../../../target/manifest/', import.meta.url).pathname;

/** The manifest of the build in `dist` (a folder of target/, or dist/). */
export function manifestOf(dist) {
  const file = `${MANIFESTS}${basename(dist.replace(/\/$/, ''))}.json`;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: build with SITE_MANIFEST set, as .ci/test does (${err.message})`, { cause: err });
  }
}

/** The path of the page at `slug` (its address after the language prefix) in `lang`. */
export function pathIn(lang, slug) {
  const path = slug === '' ? '/' : `/${slug}/`;
  return lang === 'ja' ? `/ja${path}` : path;
}

/** The sections of a build that publish something: those with posts. */
export function sectionsWithPosts(dist) {
  return manifestOf(dist).sections.filter((section) => section.posts.length > 0);
}

/** Every post of a build, with its section. */
export function postsOf(dist) {
  return sectionsWithPosts(dist).flatMap((section) => section.posts.map((post) => ({ ...post, section })));
}
