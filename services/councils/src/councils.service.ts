import { ALL_CONTRACTS } from '@cem/contracts';
import type { ServiceDefinition } from '@cem/service-kit';
import { councilCompositionProjection } from './councils/council-composition.projection';
import { appealsProjection } from './appeals/appeals.projection';
import { CouncilsModule } from './councils.module';
import { COUNCILS_POLICY } from './councils.policy';
import { criteriaSetsProjection } from './criteria/criteria-sets.projection';
import { councilCasesProjection } from './evaluation/council-cases.projection';
import { councilConflictsProjection } from './evaluation/council-conflicts.projection';
import { workQueueProjection } from './evaluation/work-queue.projection';
import { caseScoresProjection } from './grading/case-scores.projection';
import { rankingsProjection } from './grading/rankings.projection';
import { innovationsProjection } from './innovations/innovations.projection';
import { knownUnitsProjection } from './units/known-units';

/** Appraisal councils: composition, criteria, evaluation cases, scoring, grading, rankings and proposals. */
export const COUNCILS_SERVICE: ServiceDefinition = {
  context: 'councils',
  title: 'CEM councils (Hội đồng thẩm định sáng tạo)',
  module: CouncilsModule,
  access: COUNCILS_POLICY,
  contracts: ALL_CONTRACTS,
  projections: [
    councilCompositionProjection,
    criteriaSetsProjection,
    workQueueProjection,
    caseScoresProjection,
    rankingsProjection,
    councilCasesProjection,
    councilConflictsProjection,
    knownUnitsProjection,
    appealsProjection,
    innovationsProjection,
  ],
  // Reactions: @EventPattern handlers of CouncilsModule (evaluation/dossier-received.handler.ts, units/known-units.ts, appeals/appeal-rules.ts).
  consumes: { contexts: ['submissions'] },
};
