// The search page's code, which only the search page loads. It finds the results region
// (#sc-search, drawn by the app's search template, its data attributes carrying the words of
// its messages), reads the query from the address (?q=), downloads the index's root, the files
// of the query's terms and the documents of the results shown, and draws them: an ordered list,
// each result's title as a heading linking to the page, a post's date and an excerpt with the
// matches marked; then the number found, in the status region. Reading the query, ranking and
// excerpts are the index's own code (search.js and its wasm, crates/search_page). Text goes into
// the page as text, never as HTML. The app may draw the search page again (Back to it): a
// mutation observer draws each new region once.

import init, { Search, max_query_chars as maxQueryChars } from './search.js';

/** The results shown at first, and added by each press of "Show more results". */
const PAGE = 10;
/** About how long an excerpt is, in characters: Japanese says more in fewer. */
const EXCERPT = { ja: 90, en: 180 };
/** Separates a result's fields (`Search.result`). */
const FIELD = '\u001f';

/** Whether the search's wasm is ready: false where it could not load. */
const ready = init().then(
  () => true,
  () => false,
);

function drawNewRegion() {
  const region = document.getElementById('sc-search');
  if (!region || region.dataset.drawn !== undefined) return;
  region.dataset.drawn = '';
  draw(region);
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Downloads the files numbered `numbers` under `folder` at once, and adds each with `add`. */
async function addFiles(numbers, folder, add) {
  // `numbers` is a Uint32Array, whose `map` could only make numbers.
  const files = await Promise.all(Array.from(numbers, (n) => fetchBytes(`${folder}${n}.bin`)));
  numbers.forEach((n, i) => add(n, files[i]));
}

/** The latest drawing: an earlier one still downloading gives way to it. */
let latest = 0;

async function draw(region) {
  const turn = (latest += 1);
  const current = () => turn === latest && region.isConnected;
  const status = region.querySelector('.sc-search__status');
  const list = region.querySelector('.sc-search__results');
  const words = region.dataset;
  const query = new URLSearchParams(location.search).get('q') ?? '';
  list.replaceChildren();
  region.querySelector('.sc-search__more')?.remove();
  status.textContent = '';
  const field = document.getElementById('sc-search-query');
  if (field) field.value = query;
  if (query.trim() === '') return;
  const lang = document.documentElement.lang === 'ja' ? 'ja' : 'en';
  // This file is in the site's search/ folder, beside each edition's index, whose root is asked
  // for while the wasm starts.
  const folder = new URL(`${lang}/`, import.meta.url).pathname;
  const root = fetchBytes(`${folder}index.bin`);
  root.catch(() => {});
  if (!(await ready)) {
    if (current()) status.textContent = words.failed;
    return;
  }
  let search;
  try {
    search = new Search(query, EXCERPT[lang]);
  } catch (error) {
    if (current()) {
      status.textContent =
        error === 'too-long' ? words.tooLong.replace('{max}', String(maxQueryChars())) : words.nothing;
    }
    return;
  }
  try {
    search.set_root(await root);
    await addFiles(search.term_files(), `${folder}terms/`, (n, bytes) => search.add_term_file(n, bytes));
    const count = search.rank();
    if ((await showMore(search, region, list, folder, 0, count, current)) === false) return;
    const message = count === 0 ? words.none : count === 1 ? words.foundOne : words.found;
    status.textContent = message.replace('{count}', String(count)).replace('{query}', query);
  } catch {
    if (current()) status.textContent = words.failed;
  }
}

/**
 * Adds results `from` to `from + PAGE` to the list, with a button for more, unless the drawing is
 * no longer `current` once the documents are here. Gives the first link added, or null where
 * none was, or false where the drawing gave way.
 */
async function showMore(search, region, list, folder, from, count, current = () => true) {
  const to = Math.min(from + PAGE, count);
  await addFiles(search.doc_files(from, to), `${folder}docs/`, (n, bytes) => search.add_doc_file(n, bytes));
  if (!current()) return false;
  let first = null;
  for (let i = from; i < to; i += 1) {
    const [path, title, iso, shown, ...pieces] = search.result(i).split(FIELD);
    const item = element('li', 'sc-search__result');
    const heading = element('h2', 'sc-search__title');
    const link = element('a', 'sc-search__link', title);
    link.href = new URL(`..${path}`, import.meta.url).pathname;
    heading.append(link);
    item.append(heading);
    if (iso) {
      const time = element('time', '', shown);
      time.dateTime = iso;
      item.append(element('p', 'sc-search__date', time));
    }
    const excerpt = element('p', 'sc-search__excerpt');
    pieces.forEach((piece, n) => {
      if (piece) excerpt.append(n % 2 ? element('mark', '', piece) : piece);
    });
    item.append(excerpt);
    list.append(item);
    first ??= link;
  }
  region.querySelector('.sc-search__more')?.remove();
  if (to < count) {
    const more = element('button', 'sc-search__more', region.dataset.more);
    more.type = 'button';
    more.addEventListener('click', async () => {
      try {
        // Focus moves to the first new result, where reading goes on.
        (await showMore(search, region, list, folder, to, count))?.focus();
      } catch {
        region.querySelector('.sc-search__status').textContent = region.dataset.failed;
      }
    });
    region.append(more);
  }
  return first;
}

/** An element of `tag` with `className` and, as text or a child, `content`. */
function element(tag, className, content) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content !== undefined) node.append(content);
  return node;
}

/**
 * On the search page, a search from the header's form is drawn in place: the query goes into the
 * address (a new history entry), the results are drawn again, and focus stays in the field.
 * Anywhere else the form loads the search page.
 */
function searchInPlace(event) {
  const form = event.target;
  const region = document.getElementById('sc-search');
  if (!region || !form.matches('.sc-search-form') || new URL(form.action).pathname !== location.pathname) return;
  event.preventDefault();
  const params = new URLSearchParams(new FormData(form));
  history.pushState(null, '', `${location.pathname}?${params}`);
  draw(region);
}

/** Back and Forward between two searches of the page draw the query in the address. */
function searchFromHistory() {
  const region = document.getElementById('sc-search');
  if (region?.dataset.drawn !== undefined) draw(region);
}

drawNewRegion();
new MutationObserver(drawNewRegion).observe(document.body, { childList: true, subtree: true });
document.addEventListener('submit', searchInPlace);
addEventListener('popstate', searchFromHistory);
