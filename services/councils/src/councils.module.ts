import { Module } from '@nestjs/common';
import { AppealRulesReplicationHandler } from './appeals/appeal-rules';
import { AppealsController } from './appeals/appeals.controller';
import { CouncilsController } from './councils/councils.controller';
import { CriteriaController } from './criteria/criteria.controller';
import { DossierReceivedHandler } from './evaluation/dossier-received.handler';
import { EvaluationController } from './evaluation/evaluation.controller';
import { InnovationsController } from './innovations/innovations.controller';
import { GradingController } from './grading/grading.controller';
import { ScoringController } from './scoring/scoring.controller';
import { UnitReplicationHandler } from './units/known-units';

/** HTTP adapters and the event handlers (@EventPattern): every controller reaches the ports through SERVICE_INFRA. */
@Module({
  controllers: [
    CouncilsController,
    CriteriaController,
    EvaluationController,
    ScoringController,
    GradingController,
    DossierReceivedHandler,
    UnitReplicationHandler,
    AppealsController,
    InnovationsController,
    AppealRulesReplicationHandler,
  ],
})
export class CouncilsModule {}
