import { Actor, MandateGrantedData, NotFoundError } from '@cem/contracts';
import { handleCommand, loadState } from '@cem/decider';
import { mandateStreamId, ServiceInfra } from '@cem/service-kit';
import { byActor, requireUnit } from '../shared/lookups';
import { MandateCommand, mandateDecider } from './mandate.decider';
import type { GrantMandateDto, RevokeMandateDto } from './mandate.dto';

export async function loadMandate(infra: ServiceInfra, mandateId: string): Promise<MandateGrantedData> {
  const { state } = await loadState(infra.store, mandateDecider, mandateStreamId(mandateId));
  if (!state.granted) throw new NotFoundError(`Không tìm thấy ủy quyền ${mandateId}`, { mandateId });
  return state.mandate;
}

async function run(infra: ServiceInfra, actor: Actor, mandateId: string, command: MandateCommand) {
  const { events, append } = await handleCommand(infra.store, mandateDecider, mandateStreamId(mandateId), command, byActor(infra, actor));
  return { mandateId, events: events.map((e) => e.type), version: append?.nextExpectedVersion };
}

const resolved = ({ unitId, level, unitPath }: { unitId: string; level: MandateGrantedData['jurisdictionLevel']; unitPath: string[] }) => ({
  unitId,
  level,
  unitPath,
});

export async function grantMandate(infra: ServiceInfra, actor: Actor, dto: GrantMandateDto) {
  const holder = resolved(await requireUnit(infra, dto.holderUnitId));
  const jurisdiction = resolved(await requireUnit(infra, dto.jurisdictionUnitId));
  const { mandateId, role, from, decisionRef } = dto;
  return run(infra, actor, mandateId, { type: 'GrantMandate', actor, mandateId, holder, jurisdiction, role, from, decisionRef });
}

export async function revokeMandate(infra: ServiceInfra, actor: Actor, mandateId: string, dto: RevokeMandateDto) {
  return run(infra, actor, mandateId, { type: 'RevokeMandate', actor, until: dto.until, decisionRef: dto.decisionRef });
}
