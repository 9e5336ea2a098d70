import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/**
 * class-validator stays the validator (DTOs, event contracts), but it looks up a class's rules anew for every
 * object it validates: `getTargetValidationMetadatas` walks every class that has rules (an `instanceof` test
 * each, for inherited ones) and filters and de-duplicates them, and `groupByPropertyName` groups the result, for
 * each DTO and again for each nested author, owner and attachment. That look-up was most of class-validator's
 * share of a command's CPU (docs/benchmarks.md, section 1). Rules are declared by decorators when a class is
 * defined, so the answer for a class and a set of options only changes when a rule is added: both look-ups are
 * remembered per class and options, and forgotten whenever class-validator records another rule or constraint.
 * The validation itself (every constraint on every value) still runs in full for each object.
 */
type Storage = ReturnType<typeof getMetadataStorage>;
type Grouped = Record<string, ValidationMetadata[]>;

const installed = Symbol.for('cem.classValidatorMetadataCache');

export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { [installed]?: true };
  if (marked[installed]) return;
  marked[installed] = true;

  const targets = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const addValidation = storage.addValidationMetadata.bind(storage);
  const addConstraint = storage.addConstraintMetadata.bind(storage);
  let byTarget = new Map<unknown, Map<string, ValidationMetadata[]>>();
  let grouped = new WeakMap<ValidationMetadata[], Grouped>();
  const forget = () => {
    byTarget = new Map();
    grouped = new WeakMap();
  };

  // A rule added later (a class defined after the first validation, a schema registered) must be seen.
  storage.addValidationMetadata = (metadata) => {
    forget();
    addValidation(metadata);
  };
  storage.addConstraintMetadata = (metadata) => {
    forget();
    addConstraint(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // The usual call (no schema, no groups) keys on two flags alone: this runs for every validated object.
    const flags = `${always ? 'a' : ''}${strictGroups ? 's' : ''}`;
    const key =
      !schema && groups === undefined ? flags : `${flags}\u0000${schema}\u0000${groups?.length ?? -1}\u0000${groups?.join('\u0000')}`;
    let forTarget = byTarget.get(target);
    if (!forTarget) byTarget.set(target, (forTarget = new Map<string, ValidationMetadata[]>()));
    let found = forTarget.get(key);
    if (!found) forTarget.set(key, (found = Object.freeze(targets(target, schema, always, strictGroups, groups)) as ValidationMetadata[]));
    return found;
  };
  // Called by the executor with what getTargetValidationMetadatas just returned: remembered by that array.
  storage.groupByPropertyName = (metadata) => {
    if (!Object.isFrozen(metadata)) return group(metadata);
    let found = grouped.get(metadata);
    if (!found) {
      found = group(metadata);
      for (const list of Object.values(found)) Object.freeze(list);
      grouped.set(metadata, Object.freeze(found));
    }
    return found;
  };
}
