import type { ServiceDefinition } from '@cem/service-kit';
import { awardCatalogueProjection } from './catalogue/award-catalogue.projection';
import { awardedWorksProjection } from './decisions/awarded-works.projection';
import { awardsHeldProjection } from './decisions/awards-held.projection';
import { awardDecisionsProjection, issuedDocumentsProjection } from './documents/issued-documents.projection';
import { awardHistoryProjection } from './history/award-history.projection';
import { proposalsProjection } from './proposals/proposals.projection';
import { RecognitionModule } from './recognition.module';
import { ALL_CONTRACTS } from '@cem/contracts';
import { RECOGNITION_POLICY } from './recognition.policy';

/** Khen thưởng: the award catalogue, proposals from councils, verification, decisions and the public list. */
export const RECOGNITION_SERVICE: ServiceDefinition = {
  context: 'recognition',
  title: 'CEM recognition',
  module: RecognitionModule,
  access: RECOGNITION_POLICY,
  contracts: ALL_CONTRACTS,
  projections: [
    awardCatalogueProjection,
    proposalsProjection,
    awardsHeldProjection,
    awardedWorksProjection,
    issuedDocumentsProjection,
    awardDecisionsProjection,
    awardHistoryProjection,
  ],
  // Reactions: @EventPattern handlers of RecognitionModule (proposals/honour-proposed.handler.ts).
  // submissions: only its mandates are kept (copied home for the access policy); the rest is passed over.
  consumes: { contexts: ['councils', 'submissions'] },
};
