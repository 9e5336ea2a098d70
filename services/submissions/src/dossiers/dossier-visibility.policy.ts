import type { Actor } from '@cem/contracts';
import { reachedKey, DossierListDoc } from './dossier-list.projection';

export type DossierVisibilityFacts = Pick<DossierListDoc, 'nominatingUnitId' | 'authorPersonIds' | 'reached'>;

/**
 * Who may see a dossier: its nominating unit, its own authors, auditors, and the officers of a jurisdiction it
 * was lodged with or forwarded to, acting at that level. The level matters: a commune officer sits inside the
 * district's subtree but must not see its neighbours' dossiers lodged with the district, and a province sees
 * a district's dossiers only once they are forwarded to the province.
 */
export function canView(actor: Actor, dossier: DossierVisibilityFacts): boolean {
  if (actor.role === 'auditor') return true;
  if (actor.unitId === dossier.nominatingUnitId) return true;
  if (dossier.authorPersonIds.includes(actor.id)) return true;
  return actor.unitPath.some((unitId) => dossier.reached.includes(reachedKey(actor.level, unitId)));
}

/** The same rule as a document-store filter, for listing only what the actor may see. */
export function visibleDossiersFilter(actor: Actor): Record<string, unknown> {
  if (actor.role === 'auditor') return {};
  return {
    $or: [
      { nominatingUnitId: actor.unitId },
      { authorPersonIds: actor.id },
      { reached: { $in: actor.unitPath.map((unitId) => reachedKey(actor.level, unitId)) } },
    ],
  };
}
