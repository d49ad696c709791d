// The concept diagram's labels, measured in the live page.

/**
 * What is wrong with the concept diagram's labels as the page is laid out now, as sentences that
 * name the label and give the numbers; an empty list when nothing is.
 *
 * Every `.sc-diagram__label` must lie inside its shape (`closest('.sc-diagram__shape')`), clear
 * of rounded corners, centred in it across, and down too where the label is all the shape holds;
 * no two labels may overlap; each line of text must be at least 14 px tall; and neither the
 * diagram nor the page may scroll sideways. The text is measured, not the label's box: a Range
 * over the label's contents gives one rectangle per line fragment.
 *
 * Self-contained (no imports, no outside variables), so that it can be serialised and run in the
 * page by Playwright's `page.evaluate(fn)` and Selenium's `driver.executeScript(fn)` alike.
 */
export function diagramLabelProblems() {
  // How far text may be off (rounding, sub-pixel layout), and how short a line may be, in CSS px.
  const SLACK = 1;
  const CENTRE = 2;
  const MIN_LINE = 14;
  const problems = [];
  const px = (n) => `${Math.round(n * 100) / 100}px`;
  // The label's words, its text nodes joined by spaces (an SVG label's lines are separate nodes).
  const name = (label) => {
    const words = [];
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) words.push(walker.currentNode.data);
    return JSON.stringify(words.join(' ').trim().replace(/\s+/g, ' '));
  };

  const labels = [...document.querySelectorAll('.sc-diagram__label')];
  if (labels.length === 0) return ['the page has no diagram labels (.sc-diagram__label)'];

  // The radii of a corner in px, as the browser draws them: percentages are of the box's width
  // and height, and radii that together exceed a side are all scaled down alike.
  const cornerRadii = (box, style) => {
    const corners = ['TopLeft', 'TopRight', 'BottomRight', 'BottomLeft'].map((corner) => {
      const [h, v = h] = style[`border${corner}Radius`].split(' ');
      const length = (value, of) => (value.endsWith('%') ? (parseFloat(value) / 100) * of : parseFloat(value) || 0);
      return { x: length(h, box.width), y: length(v, box.height) };
    });
    const [tl, tr, br, bl] = corners;
    const scale = Math.min(
      1,
      box.width / (tl.x + tr.x || 1),
      box.width / (bl.x + br.x || 1),
      box.height / (tl.y + bl.y || 1),
      box.height / (tr.y + br.y || 1),
    );
    return corners.map(({ x, y }) => ({ x: x * scale, y: y * scale }));
  };

  // How far a point lies outside the shape's rounded border box (0 when inside).
  const outsideCurve = (box, radii, x, y) => {
    const [tl, tr, br, bl] = radii;
    const corners = [
      [tl, box.left + tl.x, box.top + tl.y, x < box.left + tl.x && y < box.top + tl.y],
      [tr, box.right - tr.x, box.top + tr.y, x > box.right - tr.x && y < box.top + tr.y],
      [br, box.right - br.x, box.bottom - br.y, x > box.right - br.x && y > box.bottom - br.y],
      [bl, box.left + bl.x, box.bottom - bl.y, x < box.left + bl.x && y > box.bottom - bl.y],
    ];
    for (const [radius, cx, cy, inCorner] of corners) {
      if (!inCorner || radius.x <= 0 || radius.y <= 0) continue;
      const dx = x - cx;
      const dy = y - cy;
      // Distance to the ellipse along the ray from its centre: exact for circles, close for ellipses.
      const along = Math.hypot(dx / radius.x, dy / radius.y);
      if (along > 1) return Math.hypot(dx, dy) * (1 - 1 / along);
    }
    return 0;
  };

  const measured = [];
  for (const label of labels) {
    const who = name(label);
    const range = document.createRange();
    range.selectNodeContents(label);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 0) {
      problems.push(`${who}: no text is laid out (hidden or empty)`);
      continue;
    }
    measured.push({ label, who, rects });

    const shortest = Math.min(...rects.map((r) => r.height));
    if (shortest < MIN_LINE) {
      problems.push(`${who}: a line of its text is ${Math.floor(shortest * 100) / 100}px tall, under ${MIN_LINE}px`);
    }

    const shape = label.closest('.sc-diagram__shape');
    if (!shape) {
      problems.push(`${who}: is not inside a .sc-diagram__shape`);
      continue;
    }
    const box = shape.getBoundingClientRect();
    const text = {
      left: Math.min(...rects.map((r) => r.left)),
      right: Math.max(...rects.map((r) => r.right)),
      top: Math.min(...rects.map((r) => r.top)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
    };
    const spill = [
      ['left', box.left - text.left],
      ['right', text.right - box.right],
      ['top', box.top - text.top],
      ['bottom', text.bottom - box.bottom],
    ].filter(([, by]) => by > SLACK);
    for (const [side, by] of spill) {
      problems.push(
        `${who}: text runs ${px(by)} out of its shape on the ${side} ` +
          `(text ${px(text.left)}–${px(text.right)} × ${px(text.top)}–${px(text.bottom)}, ` +
          `shape ${px(box.left)}–${px(box.right)} × ${px(box.top)}–${px(box.bottom)})`,
      );
    }
    if (spill.length === 0) {
      const radii = cornerRadii(box, getComputedStyle(shape));
      const worst = Math.max(
        ...rects.flatMap((r) => [
          outsideCurve(box, radii, r.left, r.top),
          outsideCurve(box, radii, r.right, r.top),
          outsideCurve(box, radii, r.right, r.bottom),
          outsideCurve(box, radii, r.left, r.bottom),
        ]),
      );
      if (worst > SLACK) {
        problems.push(
          `${who}: text runs ${px(worst)} into its shape's rounded corner (shape ${px(box.width)} × ${px(box.height)})`,
        );
      }
    }

    // Each line centred across: the fragments of one line are joined first.
    const lines = [];
    for (const rect of [...rects].sort((a, b) => a.top - b.top)) {
      const line = lines.find((l) => rect.top < l.bottom - rect.height / 2 && rect.bottom > l.top + rect.height / 2);
      if (line) {
        line.left = Math.min(line.left, rect.left);
        line.right = Math.max(line.right, rect.right);
      } else {
        lines.push({ left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom });
      }
    }
    const middle = (box.left + box.right) / 2;
    lines.forEach((line, i) => {
      const off = (line.left + line.right) / 2 - middle;
      if (Math.abs(off) > CENTRE) {
        const which = lines.length > 1 ? `line ${i + 1} of ${lines.length}` : 'text';
        problems.push(
          `${who}: ${which} is ${px(Math.abs(off))} ${off < 0 ? 'left' : 'right'} of its shape's centre (more than ${CENTRE}px)`,
        );
      }
    });
    // Down the shape too, where the label is all it holds; a frame's label heads what it holds.
    if (!shape.querySelector('.sc-diagram__shape')) {
      const off = (text.top + text.bottom) / 2 - (box.top + box.bottom) / 2;
      if (Math.abs(off) > CENTRE) {
        problems.push(
          `${who}: text is ${px(Math.abs(off))} ${off < 0 ? 'above' : 'below'} its shape's middle (more than ${CENTRE}px; shape ${px(box.height)} tall)`,
        );
      }
    }
  }

  for (let i = 0; i < measured.length; i += 1) {
    for (let j = i + 1; j < measured.length; j += 1) {
      const a = measured[i];
      const b = measured[j];
      const hit = a.rects.some((r) =>
        b.rects.some(
          (s) =>
            Math.min(r.right, s.right) - Math.max(r.left, s.left) > SLACK &&
            Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top) > SLACK,
        ),
      );
      if (hit) problems.push(`${a.who} and ${b.who}: their text overlaps`);
    }
  }

  for (const diagram of document.querySelectorAll('.sc-diagram')) {
    const wider = diagram.scrollWidth - diagram.clientWidth;
    if (wider > SLACK) problems.push(`the diagram's content is ${px(wider)} wider than the diagram`);
    const parent = diagram.parentElement.getBoundingClientRect();
    const own = diagram.getBoundingClientRect();
    if (own.right - parent.right > SLACK || parent.left - own.left > SLACK) {
      problems.push(
        `the diagram (${px(own.left)}–${px(own.right)}) sticks out of its container (${px(parent.left)}–${px(parent.right)})`,
      );
    }
  }
  const pageOverflow = document.documentElement.scrollWidth - window.innerWidth;
  if (pageOverflow > 0) {
    problems.push(
      `the page scrolls sideways: ${document.documentElement.scrollWidth}px wide in a ${window.innerWidth}px window`,
    );
  }
  return problems;
}
