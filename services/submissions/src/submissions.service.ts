import { ALL_CONTRACTS } from '@cem/contracts';
import type { ServiceDefinition } from '@cem/service-kit';
import { campaignProjection } from './campaigns/campaign.projection';
import { dossierListProjection } from './dossiers/dossier-list.projection';
import { SubmissionsModule } from './submissions.module';
import { SUBMISSIONS_POLICY } from './submissions.policy';
import { unitProjection } from './units/unit.projection';
import { clusterProjection } from './units/cluster.projection';

/** Units, campaigns and dossiers with their forwarding chain; forwards what councils recommend upward. */
export const SUBMISSIONS_SERVICE: ServiceDefinition = {
  context: 'submissions',
  title: 'CEM submissions',
  module: SubmissionsModule,
  access: SUBMISSIONS_POLICY,
  contracts: ALL_CONTRACTS,
  projections: [unitProjection, clusterProjection, campaignProjection, dossierListProjection],
  // Reactions: @EventPattern handlers of SubmissionsModule (dossiers/council-recommendation.handler.ts).
  consumes: { contexts: ['councils'] },
};
