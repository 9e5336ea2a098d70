import { SUBMISSIONS_EVENTS, type RecordedEvent } from '@cem/contracts';
import { clusterProjection } from './cluster.projection';

const formed = {
  id: 'e1',
  streamId: 'cluster-c1',
  streamVersion: 1,
  type: SUBMISSIONS_EVENTS.ClusterFormed,
  schemaVersion: 1,
  data: {
    clusterId: 'c1',
    name: 'Cụm 1',
    kind: 'cluster',
    level: 'district',
    parentUnitId: 'vn-hcm-binh-chanh',
    headUnitId: 'a',
    memberUnitIds: ['a', 'b'],
  },
} as unknown as RecordedEvent;

describe('cluster projection', () => {
  it('keeps one document per cluster with its head and members', () => {
    expect(clusterProjection.documentIds(formed)).toEqual(['c1']);
    expect(clusterProjection.apply(null, formed, 'c1')).toEqual({ _id: 'c1', ...(formed.data as object) });
  });
});
