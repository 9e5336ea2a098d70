import type { HonourProposedData } from '@cem/contracts';
import { COUNCILS_EVENTS, systemActor } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import type { Reaction } from '@cem/service-kit';
import { awardProposalDecider } from './award-proposal.decider';
import { proposalStreamId } from './proposal.state';

const NAME = 'receive-honour-proposal';

/** Tiếp nhận đề nghị tôn vinh: a council's proposal opens a proposal stream under the same id. */
export const honourProposedReaction: Reaction = {
  name: NAME,
  eventTypes: [COUNCILS_EVENTS.HonourProposed],
  async handle(event, infra) {
    const proposal = event.data as HonourProposedData;
    await handleCommand(infra.store, awardProposalDecider, proposalStreamId(proposal.proposalId), { type: 'ReceiveHonourProposal', proposal }, {
      actor: systemActor(infra.context),
      source: infra.context,
      idempotencySeed: `${event.id}:${NAME}`,
      causationId: event.id,
      correlationId: event.metadata.correlationId,
    });
  },
};
