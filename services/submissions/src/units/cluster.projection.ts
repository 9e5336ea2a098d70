import type { ClusterFormedData, RecordedEvent } from '@cem/contracts';
import { SUBMISSIONS_EVENTS } from '@cem/contracts';
import type { Projection } from '@cem/read-models';

export interface ClusterDoc extends ClusterFormedData {
  _id: string;
  [field: string]: unknown;
}

/** One document per emulation cluster/block, for listing a unit's clusters and their heads. */
export const clusterProjection: Projection<ClusterDoc> = {
  name: 'submissions.clusters',
  collection: 'clusters',
  version: 1,
  indexes: [{ fields: { parentUnitId: 1 } }],
  eventTypes: [SUBMISSIONS_EVENTS.ClusterFormed],
  documentIds: (event: RecordedEvent) => [(event.data as ClusterFormedData).clusterId],
  apply: (_doc, event, id) => ({ _id: id, ...(event.data as ClusterFormedData) }),
};
