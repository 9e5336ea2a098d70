import type { Filter } from './document-store';

/**
 * Folds Vietnamese text for accent-insensitive search: people type "sang kien" and expect "Sáng kiến".
 * NFD splits letters from their tone and vowel marks, which are then dropped; 'đ' is a letter of its own in
 * Unicode (no decomposition), so it is mapped to 'd' by hand. Read models store the folded text beside the
 * document and match queries against it (shared by the services' searches).
 */
export function normaliseVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/đ/g, 'd').replace(/\s+/g, ' ').trim();
}

/** Whether every word of a query occurs in a folded search text, whatever accents the query carries. */
export function matchesSearch(searchText: string, query: string): boolean {
  return normaliseVietnamese(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => searchText.includes(word));
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The store clauses that find a query in a stored folded text: the query folded the same way, one regex per word,
 * so "sang kien" finds "Sáng kiến" whatever order the words come in. No words: no clause.
 */
export function foldedTextClauses(field: string, query: string | undefined): Filter[] {
  return normaliseVietnamese(query ?? '')
    .split(' ')
    .filter(Boolean)
    .map((word) => ({ [field]: { $regex: escapeRegex(word) } }));
}
