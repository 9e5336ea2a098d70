import type { Actor } from '@cem/contracts';
import { foldedTextClauses, Filter } from '@cem/read-models';
import { visibleToAnyFilter } from './dossier-visibility.policy';

export interface DossierListCriteria {
  unitId?: string;
  fieldCode?: string;
  level?: string;
  status?: string;
  campaignId?: string;
  year?: number;
  q?: string;
}

/**
 * The list filter: the criteria AND what the actor may see. The query is folded like the stored search text,
 * one regex per word, so "sang kien" finds "Sáng kiến" whatever order the words come in.
 */
export function dossierListFilter(actor: Actor | Actor[], c: DossierListCriteria): Filter {
  // Several actors: the person acting from their own unit and from each jurisdiction a mandate covers.
  const clauses: Filter[] = [visibleToAnyFilter(Array.isArray(actor) ? actor : [actor])];
  // An array field equal to a value matches when it contains it: the unit or any unit above it.
  if (c.unitId) clauses.push({ nominatingUnitPath: c.unitId });
  if (c.fieldCode) clauses.push({ fieldCode: c.fieldCode });
  if (c.level) clauses.push({ level: c.level });
  if (c.status) clauses.push({ status: c.status });
  if (c.campaignId) clauses.push({ campaignId: c.campaignId });
  if (c.year !== undefined) clauses.push({ year: c.year });
  clauses.push(...foldedTextClauses('searchText', c.q));
  return { $and: clauses };
}
