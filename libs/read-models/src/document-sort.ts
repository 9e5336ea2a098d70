/**
 * Appends `_id` as the last sort key unless present: without a total order, skip/limit pages can repeat
 * or lose documents, and the two adapters would break ties differently.
 */
export function withIdTieBreaker(sort: Record<string, 1 | -1> = {}): Record<string, 1 | -1> {
  return '_id' in sort ? sort : { ...sort, _id: 1 };
}
