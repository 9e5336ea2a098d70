import type { INestApplication, LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ALL_CONTRACTS, deadLetterTopic, EventContractRegistry, eventsTopic, SUBMISSIONS_EVENTS, type RecordedEvent } from '@cem/contracts';
import { createPgliteEventStore, type SqlEventStore } from '@cem/event-store';
import {
  connectEventHandlers,
  encodeEvent,
  InProcessEventBus,
  type BusMessage,
  type EventBusTransport,
  type HandledEventLog,
} from '@cem/messaging';
import { EmbeddedDocumentStore, ProjectionRunner } from '@cem/read-models';
import { SERVICE_INFRA, type ServiceInfra } from '@cem/service-kit';
import { councilCompositionProjection } from '../councils/council-composition.projection';
import { ESTABLISHED, frontChair } from '../councils/council.fixtures';
import { DossierReceivedHandler } from './dossier-received.handler';
import { CASE_ID, RECEIVED } from './evaluation-case.fixtures';
import { evaluationCaseStreamId } from './evaluation-case.decider';

/**
 * The councils' DossierReceived handler in a Nest testing module, fed through the event transport over the
 * in-process bus (PGlite store, embedded read models): what @EventPattern, @Payload and @Ctx give it, and what
 * the transport guarantees around it.
 */
describe('DossierReceivedHandler (Nest testing module, event transport)', () => {
  const topic = eventsTopic('submissions', '');
  const dlq = deadLetterTopic('councils', '');
  let store: SqlEventStore;
  let runner: ProjectionRunner;
  let bus: InProcessEventBus;
  let app: INestApplication;
  let transport: EventBusTransport;
  const dead: BusMessage[] = [];
  const logged: Array<{ level: 'log' | 'warn'; message: unknown }> = [];
  const logger: LoggerService = {
    log: (message) => void logged.push({ level: 'log', message }),
    warn: (message) => void logged.push({ level: 'warn', message }),
    error: () => undefined,
  };
  const handledLines = (id: string) =>
    logged
      .filter((l) => typeof l.message === 'object' && (l.message as HandledEventLog).id === id)
      .map((l) => ({ level: l.level, ...(l.message as HandledEventLog) }));

  const received = (n: number, overrides: Partial<typeof RECEIVED> = {}): RecordedEvent => ({
    id: `0193a7c0-0000-7000-8000-${String(n).padStart(12, '0')}`,
    type: SUBMISSIONS_EVENTS.DossierReceived,
    streamId: `dossier-${RECEIVED.dossierId}`,
    streamVersion: 3,
    schemaVersion: 1,
    // As submissions publishes it (the fixture's snapshot is the councils' reading of it).
    data: { ...RECEIVED, dossier: { ...RECEIVED.dossier, type: 'initiative' }, ...overrides },
    metadata: {
      actor: {
        id: 'officer-so-khcn',
        role: 'agency-officer',
        unitId: 'vn-ha-nam-so-khcn',
        level: 'province',
        unitPath: ['vn', 'vn-ha-nam', 'vn-ha-nam-so-khcn'],
      },
      occurredAt: RECEIVED.receivedAt,
      correlationId: 'corr-hs-001',
      source: 'submissions',
    },
    position: { tx: 10 + n, pos: n },
    recordedAt: RECEIVED.receivedAt,
    hash: 'ab'.repeat(32),
  });

  beforeAll(async () => {
    store = await createPgliteEventStore({ schema: 'councils' });
    const documents = new EmbeddedDocumentStore();
    runner = new ProjectionRunner(store, documents, [councilCompositionProjection]);
    await runner.start();
    bus = new InProcessEventBus({ retryBackoffMs: 1 });
    await bus.subscribe({ groupId: 'dlq-reader', topics: [dlq], handler: (m) => Promise.resolve(void dead.push(m)) });
    const contracts = new EventContractRegistry(ALL_CONTRACTS);
    const infra: ServiceInfra = { context: 'councils', store, bus, documents, contracts, readModelsCaughtUp: () => runner.caughtUp() };
    // Given: the Hà Nam provincial council, established for every field.
    await store.append(`council-${ESTABLISHED.councilId}`, [
      {
        type: 'councils.CouncilEstablished',
        data: ESTABLISHED,
        metadata: { actor: frontChair, occurredAt: '2019-01-15T00:00:00Z', correlationId: 'c', source: 'councils' },
      },
    ]);

    const moduleRef = await Test.createTestingModule({
      controllers: [DossierReceivedHandler],
      providers: [{ provide: SERVICE_INFRA, useValue: infra }],
    }).compile();
    app = moduleRef.createNestApplication({ logger });
    ({ transport } = connectEventHandlers(app, {
      bus,
      context: 'councils',
      groupId: 'cem.councils',
      topics: [topic],
      deadLetterTopic: dlq,
      contracts,
    }));
    await app.init();
    await app.startAllMicroservices();
  });

  afterAll(async () => {
    await app.close();
    await runner.stop();
    await bus.close();
    await store.close();
  });

  it('subscribes the @EventPattern of the handler and nothing else', () => {
    expect(transport.subscribedTypes()).toEqual([SUBMISSIONS_EVENTS.DossierReceived]);
  });

  it('opens the case as the system, caused by the received event, once however often it arrives', async () => {
    const event = received(1);
    await bus.publish([encodeEvent('submissions', event, topic)]);
    await bus.publish([encodeEvent('submissions', event, topic)]);

    const stream = await store.readStream(evaluationCaseStreamId(CASE_ID));
    expect(dead.map((m) => m.headers.dlq_reason)).toEqual([]);
    expect(stream.map((e) => e.type)).toEqual(['councils.EvaluationCaseOpened']);
    expect(stream[0].metadata).toMatchObject({
      actor: { id: 'system:councils', role: 'system', name: 'Hệ thống (tự động)', unitPath: [] },
      causationId: event.id,
      correlationId: 'corr-hs-001',
      source: 'councils',
    });
    expect(dead).toHaveLength(0);
    // The logging interceptor: one line per handled event (each delivery), with its duration.
    expect(handledLines(event.id)).toEqual([
      expect.objectContaining({
        level: 'log',
        event: SUBMISSIONS_EVENTS.DossierReceived,
        stream: event.streamId,
        handler: 'DossierReceivedHandler.openEvaluationCase',
        outcome: 'handled',
        durationMs: expect.any(Number),
      }),
      expect.objectContaining({ level: 'log', outcome: 'handled' }),
    ]);
  });

  it('lets a dossier no council appraises wait for one, recorded by the system, without a dead letter', async () => {
    // Hà Nam's council appraises every field, but no council sits for Bắc Ninh.
    const orphan = received(2, {
      dossierId: 'hs-002',
      jurisdictionUnitId: 'vn-bac-ninh',
      jurisdictionUnitPath: ['vn', 'vn-bac-ninh'],
      dossier: { ...RECEIVED.dossier, type: 'initiative', dossierId: 'hs-002' },
    });
    await bus.publish([encodeEvent('submissions', orphan, topic)]);
    const stream = await store.readStream(evaluationCaseStreamId('hs-002@province'));
    expect(stream.map((e) => e.type)).toEqual(['councils.DossierAwaitingCouncil']);
    expect(stream[0].metadata).toMatchObject({ actor: { role: 'system' }, causationId: orphan.id });
    expect(dead).toHaveLength(0);
    expect(handledLines(orphan.id)).toEqual([expect.objectContaining({ level: 'log', outcome: 'handled' })]);
  });

  it('dead-letters an event breaking its contract before the handler sees it', async () => {
    const broken = received(3, { level: 'planet' as never });
    await bus.publish([encodeEvent('submissions', broken, topic)]);
    expect(dead.at(-1)?.headers.dlq_reason).toMatch(/^submissions\.DossierReceived@1: level/);
  });

  it("passes over the producer's other types, known or new, without a dead letter", async () => {
    const before = dead.length;
    const other = { ...received(4), type: SUBMISSIONS_EVENTS.DossierSubmitted, data: { whatever: true } };
    const newer = { ...received(5), type: 'submissions.DossierTranslated', data: { language: 'en' } };
    await bus.publish([encodeEvent('submissions', other, topic), encodeEvent('submissions', newer, topic)]);
    expect(dead).toHaveLength(before);
    expect(transport.stats).toMatchObject({ ignored: 2 });
  });
});
