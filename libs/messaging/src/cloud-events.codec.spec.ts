import { CloudEventDecodeError, decodeEvent, encodeEvent, tryDecodeEvent } from './cloud-events.codec';
import { LoggedEvent } from '@cem/event-store';
import { SAMPLE_CONTEXT, sampleRecordedEvent } from './test/sample-events.fixture';

describe('CloudEvents codec', () => {
  const event = sampleRecordedEvent(7);

  it('encodes binary mode: key = stream id, value = data, ce_* headers', () => {
    const message = encodeEvent(SAMPLE_CONTEXT, event);
    expect(message.topic).toBe('cem.sampling.events');
    expect(message.key).toBe(event.streamId);
    expect(JSON.parse(message.value)).toEqual(event.data);
    expect(message.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_source: '/cem/sampling',
      ce_type: 'SampleRecorded',
      ce_time: event.metadata.occurredAt,
      ce_subject: event.streamId,
      'content-type': 'application/json',
      ce_schemaversion: '1',
      ce_streamversion: '8',
      ce_position: '1007:7',
      ce_recordedat: event.recordedAt,
      ce_hash: event.hash,
    });
    expect(JSON.parse(message.headers.ce_metadata)).toEqual(event.metadata);
  });

  describe('an event read from the log (metadata still text)', () => {
    const logged = (metadataText: string) =>
      LoggedEvent.fromRow([
        event.id,
        event.streamId,
        8,
        event.type,
        1,
        JSON.stringify(event.data),
        metadataText,
        1007,
        7,
        event.recordedAt,
        event.hash,
      ]);

    it('takes ce_time from the metadata text without parsing it, and forwards the text', () => {
      const text = JSON.stringify(event.metadata);
      const parse = jest.spyOn(JSON, 'parse');
      try {
        const message = encodeEvent(SAMPLE_CONTEXT, logged(text));
        expect(message.headers.ce_time).toBe(event.metadata.occurredAt);
        expect(message.headers.ce_metadata).toBe(text);
        expect(parse).not.toHaveBeenCalled();
      } finally {
        parse.mockRestore();
      }
    });

    it.each([
      [
        'nested objects and look-alike values first',
        { reason: '"occurredAt":"no"', actor: { occurredAt: 'nested' }, occurredAt: 'top' },
        'top',
      ],
      ['whitespace (jsonb text)', '{"actor": {"occurredAt": "nested"}, "occurredAt" : "top"}', 'top'],
      ['an escaped value (parsed instead)', { occurredAt: 'a"b' }, 'a"b'],
      ['a duplicated key: the last wins, as in JSON.parse', '{"occurredAt":"first","occurredAt":"last"}', 'last'],
      ['escaped quotes and backslashes before it', { source: 'x\\', reason: '\\"', occurredAt: 'top' }, 'top'],
      ['no top-level occurredAt', { actor: { occurredAt: 'nested' } }, undefined],
    ])('reads occurredAt as JSON.parse would: %s', (_name, metadata, expected) => {
      const message = encodeEvent(SAMPLE_CONTEXT, logged(typeof metadata === 'string' ? metadata : JSON.stringify(metadata)));
      expect(message.headers.ce_time).toBe(expected);
    });
  });

  it('decodes what it encodes', () => {
    expect(decodeEvent(encodeEvent(SAMPLE_CONTEXT, event))).toEqual(event);
  });

  const broken = (mutate: (h: Record<string, string>) => void, value?: string) => {
    const message = encodeEvent(SAMPLE_CONTEXT, event);
    mutate(message.headers);
    return { ...message, value: value ?? message.value };
  };

  it.each([
    ['missing header', broken((h) => delete h.ce_type), 'missing header ce_type'],
    ['bad JSON value', broken(() => undefined, '{"title":'), 'value is not valid JSON'],
    ['bad metadata JSON', broken((h) => (h.ce_metadata = 'nope')), 'header ce_metadata is not valid JSON'],
    [
      'metadata without actor',
      broken((h) => (h.ce_metadata = JSON.stringify({ ...event.metadata, actor: undefined }))),
      'metadata.actor must be an object',
    ],
    [
      'metadata without occurredAt',
      broken((h) => (h.ce_metadata = JSON.stringify({ ...event.metadata, occurredAt: 3 }))),
      'metadata.occurredAt',
    ],
    ['bad position', broken((h) => (h.ce_position = '12')), 'ce_position is not tx:pos'],
    ['non-integer version', broken((h) => (h.ce_schemaversion = 'v1')), 'ce_schemaversion is not an integer'],
    ['other spec version', broken((h) => (h.ce_specversion = '0.3')), 'unsupported ce_specversion 0.3'],
  ])('rejects %s with a clear reason', (_name, message, reason) => {
    expect(() => decodeEvent(message)).toThrow(CloudEventDecodeError);
    const result = tryDecodeEvent(message);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});
