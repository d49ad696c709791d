// What axe-core reports, as the end-to-end tests read it: its violations, and what it could not
// decide ("incomplete"), less what another test decides. The accessibility statement lists the
// results decided elsewhere, so that none is dropped unseen.

/** The test that measures the contrast of every text, in three engines. */
const CONTRAST_TEST =
  "engines: in light and dark, at 320 and 1280 px on every route, all text has at least 4.5:1 contrast (3:1 when large), the diagram's shapes and arrows and the current-page marker at least 3:1, targets are at least 24 px or spaced apart, Japanese paragraphs fill their lines, and nothing is cut off, overlapping or scrolling sideways with text at 200 % (1280 px) or with the text-spacing override";

/**
 * axe-core results that another test decides: a rule, the reason axe gives, and the test.
 * axe cannot tell the colour behind text in a table that scrolls sideways on a narrow screen
 * (the accessibility results, a page's tables), part of which lies outside the scrolling box,
 * nor whether a cell of one character (a number in a page's table) is text; the contrast test
 * of engines.test.mjs measures every text, those cells included, in three engines.
 */
export const DECIDED_ELSEWHERE = [
  { rule: 'color-contrast', reason: /partially obscured by another element/, test: CONTRAST_TEST },
  { rule: 'color-contrast', reason: /content is too short to determine if it is actual text/, test: CONTRAST_TEST },
];

/**
 * Axe's `violations` and its undecided results that no other test decides, as sentences; or
 * that axe failed (`error`).
 */
export function axeProblems({ violations, incomplete, error }) {
  if (error) return [`axe failed: ${error}`];
  const nodes = (result) => result.nodes.map((node) => node.target.join(' ')).join(', ');
  const decided = (result, node) =>
    DECIDED_ELSEWHERE.some(
      ({ rule, reason }) =>
        rule === result.id && [...node.any, ...node.all, ...node.none].some((check) => reason.test(check.message)),
    );
  const open = incomplete
    .map((result) => ({ ...result, nodes: result.nodes.filter((node) => !decided(result, node)) }))
    .filter((result) => result.nodes.length > 0);
  return [
    ...violations.map((result) => `${result.id}: ${nodes(result)}`),
    ...open.map((result) => `undecided, ${result.id}: ${nodes(result)}`),
  ];
}
