import type { Actor, ClusterFormedData, ClusterKind, SubmissionsEvent } from '@cem/contracts';
import { SUBMISSIONS_EVENTS } from '@cem/contracts';
import type { Decider } from '@cem/decider';
import { ensure, ensureAllowed, isWithin } from '../shared/rules';
import type { ParentUnit } from './unit.rules';

export type ClusterEvent = SubmissionsEvent<typeof SUBMISSIONS_EVENTS.ClusterFormed>;

export interface ClusterMember {
  unitId: string;
  unitPath: string[];
}

export interface FormCluster {
  type: 'FormCluster';
  actor: Actor;
  clusterId: string;
  name: string;
  kind: ClusterKind;
  /** The organising unit (e.g. the district committee), looked up by the handler. */
  parent: ParentUnit;
  headUnitId: string;
  /** Members with their paths, looked up by the handler. */
  members: ClusterMember[];
}
export type ClusterCommand = FormCluster;

export type ClusterState = { formed: false } | { formed: true; cluster: ClusterFormedData };

const ORGANISER_ROLES = new Set(['admin', 'emulation-board', 'unit-officer']);

function decide(command: ClusterCommand, state: ClusterState): ClusterEvent[] {
  const { actor, parent, members } = command;
  ensureAllowed(
    actor.role === 'admin' || (ORGANISER_ROLES.has(actor.role) && actor.level === parent.level && actor.unitPath.includes(parent.unitId)),
    `Chỉ cán bộ thi đua của ${parent.unitId} được lập cụm, khối thi đua`,
  );
  ensure(!state.formed, 'cluster-already-formed', `Cụm, khối ${command.clusterId} đã được thành lập`);
  const ids = members.map((m) => m.unitId);
  ensure(ids.length >= 2, 'cluster-too-small', 'Cụm, khối thi đua cần ít nhất hai đơn vị');
  ensure(new Set(ids).size === ids.length, 'cluster-duplicate-member', 'Một đơn vị được kê hai lần');
  const outside = members.filter((m) => m.unitId === parent.unitId || !isWithin(m.unitPath, parent.unitPath));
  ensure(outside.length === 0, 'cluster-member-outside', `Thành viên không thuộc ${parent.unitId}`, {
    unitIds: outside.map((m) => m.unitId),
  });
  ensure(ids.includes(command.headUnitId), 'cluster-head-not-member', 'Cụm trưởng, Khối trưởng phải là thành viên');
  return [
    {
      type: SUBMISSIONS_EVENTS.ClusterFormed,
      data: {
        clusterId: command.clusterId,
        name: command.name,
        kind: command.kind,
        level: parent.level,
        parentUnitId: parent.unitId,
        headUnitId: command.headUnitId,
        memberUnitIds: ids,
      },
    },
  ];
}

export const clusterDecider: Decider<ClusterState, ClusterCommand, ClusterEvent> = {
  initialState: () => ({ formed: false }),
  decide,
  evolve: (_state, event) => ({ formed: true, cluster: event.data }),
};

export const clusterStreamId = (clusterId: string) => `cluster-${clusterId}`;
