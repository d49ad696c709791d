// Checks of the page's layout that WCAG states in measurable terms, run in the live page.
//
// Each function is self-contained (no imports, no outside variables), so that it can be
// serialised and run in the page by Playwright's `page.evaluate(fn)` and Selenium's
// `driver.executeScript(fn)` alike; those that measure colour take `colourMeasures()` as their
// first argument, and run through `withColour(check)`. Each returns what is wrong, as sentences
// that name the text and give the numbers; an empty list when nothing is.

/**
 * WCAG's colour arithmetic, in the page: `rgba(css)` of a computed colour, the `contrast` ratio
 * of two opaque colours, and `behind(element)`, the opaque colour an element's content is drawn
 * on (its own background and its ancestors', semi-transparent ones laid over what is below).
 */
export function colourMeasures() {
  const rgba = (css) => {
    const [r, g, b, a = 1] = css.match(/[\d.]+/g).map(Number);
    return [r, g, b, a];
  };
  const over = ([r, g, b, a], [br, bg, bb]) => [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a), 1];
  const luminance = ([r, g, b]) => {
    const linear = (c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const toRgba = (colour) => (typeof colour === 'string' ? rgba(colour) : colour);
  const behind = (element) => {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const layer = rgba(getComputedStyle(node).backgroundColor);
      if (layer[3] === 0) continue;
      layers.push(layer);
      if (layer[3] === 1) break;
    }
    return layers.reduceRight((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const contrast = (a, b) => {
    const background = toRgba(b);
    const [high, low] = [luminance(over(toRgba(a), background)), luminance(background)].sort((x, y) => y - x);
    return (high + 0.05) / (low + 0.05);
  };
  return { rgba, contrast, behind };
}

/** The script that runs `check` in the page with `colourMeasures()` as its first argument. */
export function withColour(check) {
  return `return (${check})((${colourMeasures})(), ...arguments);`;
}

/**
 * WCAG 2.2 2.5.8 Target Size (Minimum): every link and control that is shown is at least
 * 24 × 24 CSS px, or else a circle of 24 px across on its centre touches no other target and no
 * other such circle. A link inside a sentence is exempt (the criterion's "inline" exception):
 * one whose paragraph or list item has text outside it. A control shown only on focus (the skip
 * link) is measured while focused.
 */
export function smallTargets() {
  const MIN = 24;
  const SLACK = 0.5;
  const targets = [...document.querySelectorAll('a[href], button, input, select, textarea, summary')];
  const inSentence = (target) => {
    const block = target.closest('p, li, dd, td, th, address, figcaption, caption');
    if (!block) return false;
    const outside = [...block.childNodes].filter((node) => !node.contains(target) && node !== target);
    return outside.some((node) => node.textContent.trim() !== '');
  };
  const boxOf = (target) => {
    let rect = target.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) {
      target.focus({ preventScroll: true });
      rect = target.getBoundingClientRect();
      target.blur();
    }
    return rect;
  };
  const boxes = targets
    .filter((target) => target.getClientRects().length > 0 && !inSentence(target))
    .map((target) => ({ target, rect: boxOf(target) }))
    .filter(({ rect }) => rect.width > 1 && rect.height > 1);
  const centre = (rect) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
  const small = boxes.filter(({ rect }) => rect.width < MIN - SLACK || rect.height < MIN - SLACK);
  const name = (target) => JSON.stringify(target.textContent.trim().replace(/\s+/g, ' ').slice(0, 40));
  const found = [];
  for (const { target, rect } of small) {
    const c = centre(rect);
    const touches = boxes
      .filter((other) => other.target !== target)
      .find(({ target: other, rect: box }) => {
        const dx = Math.max(box.left - c.x, 0, c.x - box.right);
        const dy = Math.max(box.top - c.y, 0, c.y - box.bottom);
        const toBox = Math.hypot(dx, dy);
        const otherSmall = small.some((entry) => entry.target === other);
        const o = centre(box);
        return toBox < MIN / 2 - SLACK || (otherSmall && Math.hypot(o.x - c.x, o.y - c.y) < MIN - SLACK);
      });
    if (touches) {
      found.push(
        `${name(target)} is ${Math.round(rect.width)} × ${Math.round(rect.height)} px and its 24 px circle reaches ${name(touches.target)}`,
      );
    }
  }
  return found;
}

/**
 * Applies WCAG 2.2 1.4.12 Text Spacing's override, as the criterion's bookmarklet does: line
 * height 1.5 times the font size, letter spacing 0.12 em, word spacing 0.16 em, and 2 em after
 * each paragraph. Set on each element through the CSS object model, which the site's
 * Content-Security-Policy allows, where it refuses a `<style>` element. Returns whether it took
 * effect.
 */
export function applyTextSpacing() {
  for (const element of document.querySelectorAll('*')) {
    element.style.setProperty('line-height', '1.5', 'important');
    element.style.setProperty('letter-spacing', '0.12em', 'important');
    element.style.setProperty('word-spacing', '0.16em', 'important');
    if (element.localName === 'p') element.style.setProperty('margin-block-end', '2em', 'important');
  }
  const style = getComputedStyle(document.body);
  return Math.abs(parseFloat(style.letterSpacing) - 0.12 * parseFloat(style.fontSize)) < 0.5;
}

/**
 * Text that is cut off or lies over other text: an element that clips its overflow while its
 * content is larger than its box, and two pieces of text, neither inside the other, whose lines
 * overlap. Visually hidden text (clipped to 1 px on purpose, for screen readers) is left out.
 */
export function clippedOrOverlappingText() {
  const SLACK = 1;
  const hidden = (element) => {
    const rect = element.getBoundingClientRect();
    return rect.width <= 1 || rect.height <= 1 || getComputedStyle(element).visibility === 'hidden';
  };
  const name = (element) => JSON.stringify(element.textContent.trim().replace(/\s+/g, ' ').slice(0, 40));
  const found = [];
  const holders = [...document.body.querySelectorAll('*')].filter(
    (element) =>
      [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.data.trim() !== '') &&
      !element.closest('script, style, svg') &&
      !hidden(element),
  );
  for (const element of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(element);
    const clips = (overflow) => overflow === 'hidden' || overflow === 'clip';
    if (hidden(element) || element.textContent.trim() === '') continue;
    if (
      (clips(style.overflowX) && element.scrollWidth > element.clientWidth + SLACK) ||
      (clips(style.overflowY) && element.scrollHeight > element.clientHeight + SLACK)
    ) {
      found.push(
        `${name(element)} is cut off: ${element.scrollWidth} × ${element.scrollHeight} px of content in a ${element.clientWidth} × ${element.clientHeight} px box`,
      );
    }
  }
  const linesOf = (element) => {
    const rects = [];
    for (const node of element.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || node.data.trim() === '') continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      rects.push(...[...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0));
    }
    return rects;
  };
  const lines = holders.map((element) => ({ element, rects: linesOf(element) }));
  const overlap = (a, b) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > SLACK &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > SLACK;
  for (let i = 0; i < lines.length; i += 1) {
    for (let j = i + 1; j < lines.length; j += 1) {
      const a = lines[i];
      const b = lines[j];
      if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
      if (a.rects.some((ra) => b.rects.some((rb) => overlap(ra, rb)))) {
        found.push(`${name(a.element)} overlaps ${name(b.element)}`);
      }
    }
  }
  return found;
}

/**
 * The lines of the page's Japanese paragraphs that end short while the next line starts with a
 * kana or kanji that would have fitted, with room for another: strict line breaking moves at
 * most a character, with the punctuation that may not start a line, to the next line, while
 * breaking only between phrases, or evening lines out, leaves gaps of whole words. A line that
 * ends before a run of Latin letters or digits, which cannot be broken, is not counted.
 */
export function shortJapaneseLines() {
  const breakable = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]/;
  const found = [];
  for (const paragraph of document.querySelectorAll('main p.sc-body:lang(ja)')) {
    const style = getComputedStyle(paragraph);
    const edge = paragraph.getBoundingClientRect().right - parseFloat(style.paddingRight);
    const characters = [];
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i += 1) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width > 0) characters.push({ character: node.data[i], rect });
      }
    }
    for (let i = 1; i < characters.length; i += 1) {
      const last = characters[i - 1];
      const first = characters[i];
      const newLine = first.rect.top >= last.rect.bottom - 2;
      const gap = edge - last.rect.right;
      if (newLine && breakable.test(first.character) && gap > 2 * first.rect.width + 1) {
        found.push(
          `"${paragraph.textContent.slice(0, 16)}…": the line before "${first.character}" ends ${Math.round(gap)} px short`,
        );
      }
    }
  }
  return found;
}

/**
 * WCAG 1.3.2 and 2.4.3, for left-to-right text: where focus went, in Tab order (`stops`, each
 * the focused element's box in page coordinates and a name, as `focusStop` gives it), against
 * where each control sits. A step may go down, or along a row to the right, or up to the top of a
 * column that lies wholly to the right of the control before it; a step back up, or to the left
 * along a row, goes against the visual order.
 */
export function focusOrderProblems(stops) {
  const SLACK = 2;
  const found = [];
  for (let i = 1; i < stops.length; i += 1) {
    const a = stops[i - 1];
    const b = stops[i];
    const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    const sameRow = overlap > 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top);
    const wrong = sameRow ? b.left < a.left - SLACK : b.top < a.top && b.left < a.right - SLACK;
    if (wrong) found.push(`Tab goes from ${a.name} to ${b.name}, which sits ${sameRow ? 'to its left' : 'above it'}`);
  }
  return found;
}

/**
 * The focused element's box in page coordinates and a short name, for `focusOrderProblems`; the
 * contrast of its focus indicator (its background, outline or shadow) with what is around it,
 * `indicator`; and whether it is `seen`. Both are `null` where the engine does not apply
 * `:focus` (its window lacks the system's focus): a control shown only on focus (the skip link)
 * then stays hidden.
 */
export function focusStop({ rgba, contrast, behind }) {
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return null;
  const rect = element.getBoundingClientRect();
  // WCAG 1.4.11 and 2.4.7: the focus indicator's contrast with what is around the control.
  const around = behind(element.parentElement);
  // WCAG 2.4.11: the focused control is in view, and nothing is drawn over the middle of the
  // part in view (of its first line, for a link that wraps).
  const box = element.getClientRects()[0] ?? rect;
  const middle = (low, high, end) => (Math.max(low, 0) + Math.min(high, end)) / 2;
  const seen =
    box.bottom > 0 &&
    box.top < innerHeight &&
    box.width > 0 &&
    element.contains(
      document.elementFromPoint(middle(box.left, box.right, innerWidth), middle(box.top, box.bottom, innerHeight)),
    );
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 ? [style.outlineColor] : [];
  const indicators = [style.backgroundColor, ...outline, ...(style.boxShadow.match(/rgba?\([^)]+\)/g) ?? [])].filter(
    (css) => rgba(css)[3] !== 0,
  );
  return {
    name: `<${element.localName}> ${JSON.stringify(element.textContent.trim().replace(/\s+/g, ' ').slice(0, 30))}`,
    html: element.outerHTML,
    indicator: element.matches(':focus') ? Math.max(0, ...indicators.map((css) => contrast(css, around))) : null,
    seen: element.matches(':focus') ? seen : null,
    top: rect.top + scrollY,
    bottom: rect.bottom + scrollY,
    left: rect.left + scrollX,
    right: rect.right + scrollX,
  };
}

/**
 * The page's visible text blocks and links in document order, which a screen reader reads, each
 * as `focusStop` gives a stop, for `focusOrderProblems` to hold against where they are seen.
 * The concept diagram is left out: it is one image, read as its description.
 */
export function readingOrderStops() {
  const blocks = document.body.querySelectorAll('h1, h2, h3, p, li, dt, dd, th, td, caption, figcaption, a[href]');
  return [...blocks]
    .filter((element) => !element.closest('.sc-diagram') && element.textContent.trim() !== '')
    .map((element) => ({ element, rect: element.getBoundingClientRect() }))
    .filter(({ rect }) => rect.width > 1 && rect.height > 1)
    .map(({ element, rect }) => ({
      name: `<${element.localName}> ${JSON.stringify(element.textContent.trim().replace(/\s+/g, ' ').slice(0, 30))}`,
      top: rect.top + scrollY,
      bottom: rect.bottom + scrollY,
      left: rect.left + scrollX,
      right: rect.right + scrollX,
    }));
}

/**
 * WCAG 1.4.11 Non-text Contrast, for what the site draws to carry meaning: each shape of the
 * concept diagram (its border, or its fill where the border has the fill's colour) and each of
 * its arrows, against the colour around them, and the marker under the current page's link in
 * the navigation, against the navigation's background: at least 3:1.
 */
export function nonTextContrastProblems({ rgba, contrast, behind }) {
  const MIN = 3;
  const name = (element) =>
    `${element.getAttribute('class')} ${JSON.stringify(element.textContent.trim().slice(0, 30))}`;
  const found = [];
  const check = (element, colour, what) => {
    const ratio = contrast(colour, behind(element.parentElement));
    if (ratio < MIN) found.push(`${what} of ${name(element)}: ${ratio.toFixed(2)}:1`);
  };
  for (const shape of document.querySelectorAll('.sc-diagram__shape')) {
    const style = getComputedStyle(shape);
    const fill = style.backgroundColor;
    const filled = rgba(fill)[3] !== 0 && contrast(fill, behind(shape.parentElement)) >= MIN;
    if (!filled) check(shape, style.borderTopColor, 'the border');
  }
  for (const arrow of document.querySelectorAll('.sc-diagram__arrow')) {
    if (arrow.getBoundingClientRect().width > 0) check(arrow, getComputedStyle(arrow).stroke, 'the line');
  }
  for (const current of document.querySelectorAll('.sc-nav__link[aria-current="page"]')) {
    check(current, getComputedStyle(current).borderBottomColor, 'the current-page marker');
  }
  return found;
}

/**
 * WCAG 1.4.3 Contrast (Minimum), for every piece of text that is shown: its colour against the
 * colour it is drawn on, at least 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). Text
 * the page cannot measure (on an image, a gradient, or under transparency) is reported too, so
 * that nothing passes unmeasured.
 */
export function textContrastProblems({ rgba, contrast, behind }) {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (node.data.trim() === '' || seen.has(element) || element.closest('script, style, noscript, template')) continue;
    seen.add(element);
    const range = document.createRange();
    range.selectNodeContents(node);
    const rect = range.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (rect.width <= 1 || rect.height <= 1 || style.visibility !== 'visible') continue;
    const what = JSON.stringify(node.data.trim().replace(/\s+/g, ' ').slice(0, 40));
    let unmeasurable = null;
    for (let up = element; up; up = up.parentElement) {
      const own = getComputedStyle(up);
      if (own.backgroundImage !== 'none') unmeasurable = 'a background image';
      else if (Number(own.opacity) < 1) unmeasurable = 'transparency';
      if (unmeasurable || rgba(own.backgroundColor)[3] === 1) break;
    }
    if (unmeasurable) {
      found.push(`${what} is drawn on ${unmeasurable}, which this check cannot measure`);
      continue;
    }
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const ratio = contrast(style.color, behind(element));
    if (ratio < (large ? 3 : 4.5)) found.push(`${what} (${size} px): ${ratio.toFixed(2)}:1`);
  }
  return found;
}
