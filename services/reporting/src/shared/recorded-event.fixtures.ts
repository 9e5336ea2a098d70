import type { Actor, RecordedEvent } from '@cem/contracts';

const systemActor: Actor = { id: 'system:test', role: 'system', unitId: 'system', level: 'central', unitPath: [] };

let seq = 0;

/** A recorded event with just enough envelope for pure readers; ids and positions increase per call. */
export function recorded(type: string, data: object, meta: Partial<RecordedEvent['metadata']> = {}, streamId = 's'): RecordedEvent {
  seq += 1;
  return {
    id: `e-${String(seq).padStart(4, '0')}`,
    streamId,
    streamVersion: seq,
    schemaVersion: 1,
    type,
    data,
    metadata: { actor: systemActor, occurredAt: '2024-01-01T00:00:00Z', correlationId: 'c', source: type.split('.')[0], ...meta },
    position: { tx: seq, pos: seq },
    recordedAt: '2024-01-01T00:00:00Z',
    hash: '',
  };
}
