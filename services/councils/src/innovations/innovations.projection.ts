import type {
  AdministrativeLevel,
  CaseFinalisedData,
  EvaluationCaseOpenedData,
  InnovationAppliedData,
  RecordedEvent,
} from '@cem/contracts';
import { COUNCILS_EVENTS as E } from '@cem/contracts';
import { normaliseVietnamese, type Projection, type ReadModelDocument } from '@cem/read-models';

/**
 * Cơ sở dữ liệu sáng kiến (the Hà Nam plan): one document per dossier, with the work's facts from its evaluation
 * case, its acceptance (nghiệm thu) at each level, and every unit that applied it since. Only accepted works are
 * listed (the controller filters on `accepted`).
 */
export interface InnovationAcceptance {
  level: AdministrativeLevel;
  year: number;
  grade: string;
  gradeLabel: string;
  score: number;
  accepted: boolean;
  meetingDate: string;
}

export type InnovationApplication = Omit<InnovationAppliedData, 'dossierId'>;

export type InnovationDoc = ReadModelDocument & {
  dossierId: string;
  title: string;
  type: string;
  summary: string;
  fieldCode: string;
  campaignId: string;
  year: number;
  authors: string[];
  nominatingUnitId: string;
  nominatingUnitPath: string[];
  acceptances: InnovationAcceptance[];
  accepted: boolean;
  applications: InnovationApplication[];
  searchText: string;
};

const searchTextOf = (doc: Pick<InnovationDoc, 'title' | 'summary' | 'authors'>, applications: InnovationApplication[]) =>
  normaliseVietnamese([doc.title, doc.summary, ...doc.authors, ...applications.map((a) => `${a.unitName} ${a.effect}`)].join(' '));

export const innovationsProjection: Projection<InnovationDoc> = {
  name: 'councils.innovations',
  collection: 'innovations',
  version: 1,
  indexes: [{ fields: { accepted: 1 } }],
  eventTypes: [E.EvaluationCaseOpened, E.CaseFinalised, E.InnovationApplied],
  documentIds: (event) => [(event.data as { dossierId: string }).dossierId],
  apply(doc, event: RecordedEvent, id) {
    switch (event.type) {
      case E.EvaluationCaseOpened: {
        const { dossier } = event.data as EvaluationCaseOpenedData;
        const facts = {
          title: dossier.title,
          type: dossier.type,
          summary: dossier.summary,
          fieldCode: dossier.fieldCode,
          campaignId: dossier.campaignId,
          year: dossier.year,
          authors: dossier.authors.map((a) => a.name),
          nominatingUnitId: dossier.nominatingUnitId,
          nominatingUnitPath: dossier.nominatingUnitPath,
        };
        // A case at a higher level opens with the same dossier: its facts are the latest; the rest is kept.
        const acceptances = doc?.acceptances ?? [];
        const applications = doc?.applications ?? [];
        return {
          _id: id,
          dossierId: dossier.dossierId,
          ...facts,
          acceptances,
          accepted: acceptances.some((a) => a.accepted),
          applications,
          searchText: searchTextOf(facts, applications),
        };
      }
      case E.CaseFinalised: {
        if (!doc) return doc;
        const f = event.data as CaseFinalisedData;
        const acceptance = {
          level: f.level,
          year: f.year,
          grade: f.grade,
          gradeLabel: f.gradeLabel,
          score: f.aggregateScore,
          accepted: f.accepted,
          meetingDate: f.meetingDate,
        };
        // Finalised again after an appeal: the latest result at that level stands.
        const acceptances = [...doc.acceptances.filter((a) => a.level !== f.level), acceptance];
        return { ...doc, acceptances, accepted: acceptances.some((a) => a.accepted) };
      }
      case E.InnovationApplied: {
        if (!doc) return doc;
        const { dossierId: _dossierId, ...application } = event.data as InnovationAppliedData;
        const applications = [...doc.applications.filter((a) => a.unitId !== application.unitId), application];
        return { ...doc, applications, searchText: searchTextOf(doc, applications) };
      }
      default:
        return doc;
    }
  },
};
