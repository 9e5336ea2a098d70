import { Module } from '@nestjs/common';
import { AwardsController } from './catalogue/awards.controller';
import { AwardDecisionsController } from './decisions/award-decisions.controller';
import { AwardedWorksController } from './decisions/awarded-works.controller';
import { DocumentsController } from './documents/documents.controller';
import { AwardHistoryController } from './history/award-history.controller';
import { HonourProposedHandler } from './proposals/honour-proposed.handler';
import { ProposalsController } from './proposals/proposals.controller';

@Module({
  controllers: [
    AwardsController,
    ProposalsController,
    AwardDecisionsController,
    AwardedWorksController,
    DocumentsController,
    AwardHistoryController,
    HonourProposedHandler,
  ],
})
export class RecognitionModule {}
