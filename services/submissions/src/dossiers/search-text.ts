import { normaliseVietnamese } from '@cem/read-models';

/** Accent folding lives in @cem/read-models (reporting's audit search folds the same way). */
export { normaliseVietnamese };

/** The folded words a dossier is found by. */
export const searchTextOf = (title: string, authorNames: readonly string[]): string =>
  normaliseVietnamese([title, ...authorNames].join(' '));

/** Whether every word of a query occurs in a folded search text, whatever accents the query carries. */
export function matchesSearch(searchText: string, query: string): boolean {
  return normaliseVietnamese(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => searchText.includes(word));
}
