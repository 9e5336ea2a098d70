import { normaliseVietnamese } from '@cem/read-models';

/** The folding and matching are shared (libs/read-models); the award history searches the same way. */
export { matchesSearch, normaliseVietnamese } from '@cem/read-models';

/** The folded words a dossier is found by. */
export const searchTextOf = (title: string, authorNames: readonly string[]): string =>
  normaliseVietnamese([title, ...authorNames].join(' '));
