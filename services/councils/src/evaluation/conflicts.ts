import type { CaseDossierSnapshot, ConflictKind } from '@cem/contracts';
import type { Tenure } from '../councils/composition';

export interface Conflict {
  kind: ConflictKind;
  matched: string;
}

/** Names are typed by different people: compare them ignoring case, spacing and Unicode composition. */
const normalise = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ');

/**
 * Conflicts of interest visible from the dossier alone: the member is an author or owner, or works for the
 * nominating unit or a unit between it and the council's level (e.g. the district that forwarded a commune's
 * dossier to a province council). Units at or above the council's own unit are excluded: every dossier in
 * the jurisdiction passes through them, so they would disqualify everyone.
 */
export function detectConflicts(member: Tenure, dossier: CaseDossierSnapshot, jurisdictionUnitId: string): Conflict[] {
  const name = normalise(member.personName);
  const conflicts: Conflict[] = [];
  for (const author of dossier.authors) {
    const samePerson = member.personId && author.personId ? member.personId === author.personId : normalise(author.name) === name;
    if (samePerson) conflicts.push({ kind: 'author', matched: author.name });
  }
  for (const owner of dossier.owners) {
    if (normalise(owner.name) === name) conflicts.push({ kind: 'owner', matched: owner.name });
  }
  const path = dossier.nominatingUnitPath;
  const belowCouncil = path.slice(path.indexOf(jurisdictionUnitId) + 1);
  if (member.agencyUnitId === dossier.nominatingUnitId || belowCouncil.includes(member.agencyUnitId)) {
    conflicts.push({ kind: 'nominating-unit', matched: member.agencyUnitId });
  }
  return conflicts;
}

const KIND_LABELS_VI: Record<ConflictKind, string> = {
  author: 'là tác giả',
  owner: 'là chủ sở hữu',
  'nominating-unit': 'thuộc đơn vị đề cử',
};

/** The recusal reason shown to the council (Vietnamese, as recorded in the minutes). */
export const conflictReason = (conflicts: readonly Conflict[]) =>
  `Xung đột lợi ích (tự động phát hiện): ${conflicts.map((c) => `${KIND_LABELS_VI[c.kind]} "${c.matched}"`).join('; ')}`;
