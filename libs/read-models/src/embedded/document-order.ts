import type { ReadModelDocument } from '../document-store';
import { withIdTieBreaker } from '../document-sort';
import { valueAtSegments } from './document-path';

/**
 * Rank of a value's type in MongoDB's comparison order (missing/null < numbers < strings < objects < arrays
 * < booleans < dates), so a mixed-type field sorts the same way in the embedded store as on the server.
 */
function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' || typeof value === 'bigint') return 1;
  if (typeof value === 'string') return 2;
  if (value instanceof Date) return 6;
  if (Array.isArray(value)) return 4;
  if (typeof value === 'boolean') return 5;
  return 3;
}

export function compareValues(a: unknown, b: unknown): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  switch (rankA) {
    case 0:
      return 0;
    case 3:
    case 4:
      // Rare in read-model sorts; a stable structural order is enough.
      return compareValues(JSON.stringify(a), JSON.stringify(b));
    case 6:
      return (a as Date).getTime() - (b as Date).getTime();
    default:
      // Code-unit order equals the server's binary order (no collation) for the BMP, Vietnamese included.
      return a! < b! ? -1 : a! > b! ? 1 : 0;
  }
}

/**
 * Comparator for a Mongo sort spec. `_id` breaks ties so that skip/limit pages are stable; the mongoose
 * adapter appends the same tie-breaker.
 */
export function documentComparator(sort: Record<string, 1 | -1> = {}): (a: ReadModelDocument, b: ReadModelDocument) => number {
  // Paths split once: the comparator runs for every document of a page selection.
  const keys = Object.entries(withIdTieBreaker(sort)).map(([path, direction]) => [path.split('.'), direction] as const);
  return (a, b) => {
    for (const [segments, direction] of keys) {
      const order = compareValues(valueAtSegments(a, segments), valueAtSegments(b, segments));
      if (order !== 0) return order * direction;
    }
    return 0;
  };
}
