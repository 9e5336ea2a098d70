import { DOSSIER_HANDLING_ROLES, type Actor, type Role } from '@cem/contracts';
import { reachedKey, DossierListDoc } from './dossier-list.projection';

export type DossierVisibilityFacts = Pick<DossierListDoc, 'nominatingUnitId' | 'nominatingUnitPath' | 'authorPersonIds' | 'reached'>;

/**
 * Who may see a dossier: its nominating unit, its own authors, auditors, and the officers of a jurisdiction it
 * was lodged with or forwarded to, acting at that level. The level matters: a commune officer sits inside the
 * district's subtree but must not see its neighbours' dossiers lodged with the district, and a province sees
 * a district's dossiers only once they are forwarded to the province.
 */
export function canView(actor: Actor, dossier: DossierVisibilityFacts): boolean {
  if (actor.role === 'auditor') return true;
  // An administrator sees every dossier of the units in their jurisdiction (their unit and below), drafts included.
  if (actor.role === 'admin' && dossier.nominatingUnitPath.includes(actor.unitId)) return true;
  if (actor.unitId === dossier.nominatingUnitId) return true;
  if (dossier.authorPersonIds.includes(actor.id)) return true;
  if (!HANDLING_ROLES.has(actor.role)) return false;
  return actor.unitPath.some((unitId) => dossier.reached.includes(reachedKey(actor.level, unitId)));
}

/**
 * Roles that handle dossiers lodged with a level (receive, appraise, verify, decide, aggregate). A submitter or
 * a unit officer sees only their own unit's dossiers and those they author, even when their unit sits at the
 * level a neighbour's dossier was lodged with.
 */
export const HANDLING_ROLES: ReadonlySet<Role> = new Set<Role>(DOSSIER_HANDLING_ROLES);

/** The same rule as a document-store filter, for listing only what the actor may see. */
export function visibleDossiersFilter(actor: Actor): Record<string, unknown> {
  if (actor.role === 'auditor') return {};
  const clauses: Record<string, unknown>[] = [{ nominatingUnitId: actor.unitId }, { authorPersonIds: actor.id }];
  // An array field equal to a value matches when it contains it: any dossier nominated at or below the unit.
  if (actor.role === 'admin') clauses.push({ nominatingUnitPath: actor.unitId });
  if (HANDLING_ROLES.has(actor.role)) clauses.push({ reached: { $in: actor.unitPath.map((unitId) => reachedKey(actor.level, unitId)) } });
  return { $or: clauses };
}

/** The list filter for an actor acting from several units (own unit and mandates): any of them. */
export function visibleToAnyFilter(actors: Actor[]): Record<string, unknown> {
  return actors.length === 1 ? visibleDossiersFilter(actors[0]) : { $or: actors.map(visibleDossiersFilter) };
}
