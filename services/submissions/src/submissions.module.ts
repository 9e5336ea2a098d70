import { ClustersController } from './units/clusters.controller';
import { Module } from '@nestjs/common';
import { AttachmentStore } from './attachments/attachment.store';
import { AttachmentsController } from './attachments/attachments.controller';
import { CampaignsController } from './campaigns/campaigns.controller';
import { DossierQueriesController } from './dossiers/dossier-queries.controller';
import { CouncilRecommendationHandler } from './dossiers/council-recommendation.handler';
import { DossierAppealsReplicationHandler } from './dossiers/dossier-appeals';
import { DossierImportsController } from './imports/dossier-imports.controller';
import { DossiersController } from './dossiers/dossiers.controller';
import { UnitsController } from './units/units.controller';
import { MandatesController } from './mandates/mandates.controller';

@Module({
  controllers: [
    UnitsController,
    ClustersController,
    CampaignsController,
    DossierQueriesController,
    DossiersController,
    AttachmentsController,
    MandatesController,
    CouncilRecommendationHandler,
    DossierAppealsReplicationHandler,
    DossierImportsController,
  ],
  providers: [AttachmentStore],
})
export class SubmissionsModule {}
