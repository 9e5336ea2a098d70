import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConcurrencyError, DomainRuleViolation, systemActor } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import { SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { composeDigest, digestDue } from './digest-mail';
import { digestDecider, digestStreamId } from './digest.decider';
import { loadInbox } from './inbox.query';
import { type MailSender, mailSenderFromEnv, portalUrl } from './mail-sender';
import { type NotificationPersonDoc, notificationPeopleProjection } from './notification-people.projection';
import { vietnamDay } from './vietnam-time';

/** How often the job looks for digests that are due (each person has an hour; one digest per person per day). */
const DEFAULT_INTERVAL_MS = 5 * 60_000;
const PEOPLE_PER_RUN = 5000;

export interface DigestRunResult {
  sent: string[];
  /** Someone else (another replica, an earlier run) has today's digest. */
  skipped: string[];
  failed: string[];
}

/**
 * The daily digest (thư tổng hợp): every few minutes, each person whose digest hour has come and who has not had
 * today's gets one e-mail listing what is new and what is still waiting. Sending is claimed first by appending
 * `reporting.DigestDispatched` to the person's stream for the day with the version read: across replicas and
 * restarts only one append wins, so at most one mail per person per day (a crash between the claim and the
 * hand-off loses that day's mail rather than sending two). A refused hand-off records DigestDeliveryFailed and
 * a later run tries again (at most three attempts a day). No CEM_SMTP_URL: digests are off, said once in the log.
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('NotificationDigest');
  private readonly sender: MailSender | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DigestRunResult> | undefined;

  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {
    this.sender = mailSenderFromEnv();
  }

  onApplicationBootstrap(): void {
    if (!this.sender) {
      this.log.log('CEM_SMTP_URL is not set: daily notification digests are not sent (notifications stay in the portal)');
      return;
    }
    const interval = Number(process.env.CEM_DIGEST_INTERVAL_MS) || DEFAULT_INTERVAL_MS;
    this.timer = setInterval(() => void this.runOnce().catch((e: unknown) => this.log.error(`digest run failed: ${String(e)}`)), interval);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.sender?.close();
  }

  /** One pass (also what the tests call); overlapping calls in one process share the pass under way. */
  runOnce(now: Date = new Date()): Promise<DigestRunResult> {
    this.running ??= this.run(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(now: Date): Promise<DigestRunResult> {
    const result: DigestRunResult = { sent: [], skipped: [], failed: [] };
    if (!this.sender) return result;
    await this.infra.readModelsCaughtUp();
    const people = await this.infra.documents
      .collection<NotificationPersonDoc>(notificationPeopleProjection.collection)
      .find({ wantsEmail: true }, { limit: PEOPLE_PER_RUN });
    for (const person of people.filter((p) => digestDue(p, now))) {
      const outcome = await this.digestFor(person, now);
      result[outcome].push(person._id);
    }
    if (result.sent.length || result.failed.length) {
      this.log.log(`digests: ${result.sent.length} sent, ${result.failed.length} failed, ${result.skipped.length} already sent elsewhere`);
    }
    return result;
  }

  private async digestFor(person: NotificationPersonDoc, now: Date): Promise<keyof DigestRunResult> {
    const p = person.preferences!;
    const items = await loadInbox(
      this.infra,
      { personId: person._id, role: p.role, unitId: p.unitId, unitPath: p.unitPath, level: p.level },
      person,
      now,
    );
    const mail = composeDigest(person, items, now, portalUrl());
    if (!mail) return 'skipped';
    const day = vietnamDay(now);
    const stream = digestStreamId(person._id, day);
    const ctx = { actor: systemActor('reporting'), source: this.infra.context, occurredAt: now.toISOString() };
    try {
      await handleCommand(
        this.infra.store,
        digestDecider,
        stream,
        {
          type: 'DispatchDigest',
          digest: { personId: person._id, day, email: mail.to, subject: mail.subject, notificationIds: mail.notificationIds },
          now: now.toISOString(),
        },
        ctx,
      );
    } catch (error) {
      if (error instanceof ConcurrencyError || error instanceof DomainRuleViolation) return 'skipped';
      throw error;
    }
    try {
      await this.sender!.send(mail);
      return 'sent';
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log.warn(`digest for ${person._id} not delivered: ${reason}`);
      await handleCommand(
        this.infra.store,
        digestDecider,
        stream,
        { type: 'RecordDigestFailure', personId: person._id, day, reason, now: now.toISOString() },
        ctx,
      );
      return 'failed';
    }
  }
}
