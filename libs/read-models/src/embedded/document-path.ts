/** Reads a dotted path ("author.unit.id") the way Mongo resolves it on embedded objects. */
export function valueAtPath(doc: unknown, path: string): unknown {
  return valueAtSegments(doc, path.split('.'));
}

/** The same with the path already split. */
export function valueAtSegments(doc: unknown, segments: readonly string[]): unknown {
  let value: unknown = doc;
  for (const key of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
