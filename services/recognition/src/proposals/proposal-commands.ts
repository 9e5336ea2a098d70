import type { Actor } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import type { ServiceInfra } from '@cem/service-kit';
import { httpCommand } from '../shared/command-context';
import { awardProposalDecider, ProposalCommand } from './award-proposal.decider';
import { proposalStreamId } from './proposal.state';

/** Runs a command on one proposal's stream and waits for the read models, so the caller reads its own write. */
export async function runProposalCommand(
  infra: ServiceInfra,
  actor: Actor,
  command: ProposalCommand & { proposalId: string },
  reason?: string,
) {
  const result = await handleCommand(
    infra.store,
    awardProposalDecider,
    proposalStreamId(command.proposalId),
    command,
    httpCommand(infra, actor, reason),
  );
  await infra.readModelsCaughtUp();
  return {
    proposalId: command.proposalId,
    status: result.state.status === 'none' ? undefined : result.state.status,
    events: result.events.map((e) => e.type),
  };
}
