import { Module } from '@nestjs/common';
import { IsInt, IsString } from 'class-validator';
import { defineEvent, RecordedEvent } from '@cem/contracts';
import type { Projection } from '@cem/read-models';
import type { ServiceDefinition } from '../src/runtime';

export class PingData {
  @IsString() streamId!: string;
  @IsInt() n!: number;
}

export const PING = defineEvent('submissions', 'submissions.TestPinged', 1, PingData, 'test-only event');

interface PingCount {
  _id: string;
  count: number;
  ns: number[];
  [field: string]: unknown;
}

/** Counts pings per stream, keeping every n, so a duplicate application shows up as a repeated n. */
export const pingCountProjection: Projection<PingCount> = {
  name: 'ping-counts',
  collection: 'ping_counts',
  version: 1,
  eventTypes: [PING.type],
  documentIds: (event: RecordedEvent) => [event.streamId],
  apply: (doc, event, id) => {
    const n = (event.data as PingData).n;
    return { _id: id, count: (doc?.count ?? 0) + 1, ns: [...(doc?.ns ?? []), n] };
  },
};

@Module({})
class PingConsumerModule {}

/** A downstream service: archives the submissions context's events and projects them. */
export const PING_CONSUMER: ServiceDefinition = {
  context: 'reporting',
  title: 'ping consumer',
  module: PingConsumerModule,
  contracts: [PING],
  projections: [pingCountProjection],
  consumes: { contexts: ['submissions'], archive: true },
};
