import { IsInt, IsString, Min } from 'class-validator';
import { defineEvent, EventContractRegistry, type EventMetadata, type NewEvent, type RecordedEvent } from '@cem/contracts';

// One small contract shared by the messaging specs: enough to exercise validation without a service.
export class SampleRecordedData {
  @IsString()
  title!: string;

  @IsInt()
  @Min(0)
  n!: number;
}

export const SAMPLE_CONTEXT = 'sampling';
export const SampleRecorded = defineEvent(SAMPLE_CONTEXT, 'SampleRecorded', 1, SampleRecordedData);
export const sampleContracts = () => new EventContractRegistry([SampleRecorded]);

export function sampleMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: { id: 'u-1', role: 'unit-officer', unitId: 'unit-1', level: 'commune', unitPath: ['c', 'p', 'unit-1'] },
    occurredAt: '2025-03-01T08:00:00.000Z',
    correlationId: 'corr-1',
    source: SAMPLE_CONTEXT,
    ...overrides,
  };
}

export function sampleNewEvent(n: number, id?: string): NewEvent {
  return { id, type: SampleRecorded.type, schemaVersion: 1, data: { title: `t${n}`, n }, metadata: sampleMetadata() };
}

export function sampleRecordedEvent(n: number, overrides: Partial<RecordedEvent> = {}): RecordedEvent {
  return {
    id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    type: SampleRecorded.type,
    streamId: `sample-${n % 3}`,
    streamVersion: n + 1,
    schemaVersion: 1,
    data: { title: `t${n}`, n },
    metadata: sampleMetadata({ causationId: 'cause-1' }),
    position: { tx: 1000 + n, pos: n },
    recordedAt: '2025-03-01T08:00:01.000Z',
    hash: 'ab'.repeat(32),
    ...overrides,
  };
}
