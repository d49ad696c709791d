// The source text of the site and the corrections the site makes to it: spelling, the
// ministry's name, and the source note, which the site words honestly (its diagram is drawn
// from the text, not copied). Every sentence of the corrected seed must appear on a page.

import { readFileSync } from 'node:fs';

export const SEED_PATH = new URL('../../../../shared/seeds/000_936b2ab2fcdea2b8.txt', import.meta.url).pathname;

/** [seed text, text on the site] pairs, applied in order. */
export const CORRECTIONS = [
  ['esrablished', 'established'],
  ['diffrent', 'different'],
  ['Knowleadge', 'Knowledge'],
  ['Knowleage', 'Knowledge'],
  ['Knoeledge', 'Knowledge'],
  ['local intiative', 'local initiative'],
  [
    'universities and over public research institution with original R&D topics and Potential',
    'universities and other public research institutions with original R&D topics and potential',
  ],
  ['establishes network', 'establishes a network'],
  [
    'government sectors-through project planing, joint-research,',
    'government sectors through project planning, joint research,',
  ],
  ['pracitical', 'practical'],
  ['Culture, Sports and Technology', 'Culture, Sports, Science and Technology'],
  ['implementiong', 'implementing'],
  ['creating Knowledge Cluster and', 'creating Knowledge Clusters and'],
  ['The MEXT has', 'MEXT has'],
  ['pastresults', 'past results'],
  ['This page is copied from the Ministry', 'The figure on the original page was copied from the Ministry'],
  ['Page Top', 'Page top'],
  ['TEL 022-346-9237 FAX 022-346-9238', 'TEL 022-346-9237\nFAX 022-346-9238'],
];

/** Straight quotes for curly ones, single spaces: text as compared. */
export function normalise(text) {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();
}

/** The corrected seed, one sentence (or heading, or address line) per entry. */
export function seedSentences() {
  let text = readFileSync(SEED_PATH, 'utf8').replace(/[ \u00a0]+/g, ' ');
  for (const [from, to] of CORRECTIONS) {
    if (!text.includes(from)) throw new Error(`the seed no longer contains "${from}"`);
    text = text.replaceAll(from, to);
  }
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((line) => line.split(/(?<=[.?!]["”]?)\s+(?=[A-Z"“])/))
    .map(normalise);
}
