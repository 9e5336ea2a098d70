import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { COUNCILS_EVENTS, HonourProposedData } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import type { EventEnvelope } from '@cem/messaging';
import { SERVICE_INFRA, type ServiceInfra } from '@cem/service-kit';
import { awardProposalDecider } from './award-proposal.decider';
import { proposalStreamId } from './proposal.state';

/** Names the handler in the ids derived for what it appends (kept from the first release: same ids). */
export const RECEIVE_PROPOSAL_HANDLER = 'receive-honour-proposal';

/** Tiếp nhận đề nghị tôn vinh: a council's proposal opens a proposal stream under the same id. */
@Controller()
export class HonourProposedHandler {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @EventPattern(COUNCILS_EVENTS.HonourProposed)
  async receiveProposal(@Payload() proposal: HonourProposedData, @Ctx() event: EventEnvelope): Promise<void> {
    await handleCommand(
      this.infra.store,
      awardProposalDecider,
      proposalStreamId(proposal.proposalId),
      { type: 'ReceiveHonourProposal', proposal },
      event.reaction(RECEIVE_PROPOSAL_HANDLER),
    );
  }
}
