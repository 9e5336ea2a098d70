import { Module } from '@nestjs/common';
import { CouncilsController } from './councils/councils.controller';
import { CriteriaController } from './criteria/criteria.controller';
import { EvaluationController } from './evaluation/evaluation.controller';
import { GradingController } from './grading/grading.controller';
import { ScoringController } from './scoring/scoring.controller';

/** HTTP adapters only: every controller reaches the ports through SERVICE_INFRA. */
@Module({
  controllers: [CouncilsController, CriteriaController, EvaluationController, ScoringController, GradingController],
})
export class CouncilsModule {}
