import { ApiOkResponse, ApiParam, ApiQuery } from '@nestjs/swagger';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import type { Actor } from '@cem/contracts';
import { NOTIFICATION_KINDS } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import { CurrentActor, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { httpCommand } from '../shared/command-context';
import { DEFAULT_SETTINGS } from './inbox';
import { loadInbox, personDoc } from './inbox.query';
import { notificationPersonDecider, notificationPersonStreamId } from './notification-person.decider';
import {
  MarkNotificationsReadDto,
  MarkReadResponse,
  NotificationPreferencesDto,
  NotificationPreferencesResponse,
  NotificationsResponse,
} from './notifications.dto';

const DEFAULT_DIGEST_HOUR = 7;

/**
 * A person's own notifications (thông báo việc cần làm) and how they want them. The route names the person; the
 * access policy lets only that person in (403 with the reason otherwise). What the person must act on is
 * computed from their token's role and unit, so a person who moves unit sees the new unit's work at once.
 */
@ApiParam({ name: 'personId', description: 'Mã người dùng (sub của token)', example: 'demo-ha-nam-secretary' })
@Controller('people/:personId')
export class NotificationsController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiOkResponse({ type: NotificationsResponse })
  @ApiQuery({ name: 'unread', required: false, description: 'true: chỉ thông báo chưa xem', example: 'true' })
  @Get('notifications')
  async list(@CurrentActor() actor: Actor, @Param('personId') personId: string, @Query('unread') unread?: string) {
    await this.infra.readModelsCaughtUp();
    const person = await personDoc(this.infra, personId);
    const items = await loadInbox(
      this.infra,
      { personId, role: actor.role, unitId: actor.unitId, unitPath: actor.unitPath, level: actor.level },
      person,
      new Date(),
    );
    return { items: unread === 'true' ? items.filter((i) => !i.read) : items, unread: items.filter((i) => !i.read).length };
  }

  @ApiOkResponse({ type: MarkReadResponse })
  @Post('notifications/read')
  @HttpCode(200)
  async markRead(@CurrentActor() actor: Actor, @Param('personId') personId: string, @Body() dto: MarkNotificationsReadDto) {
    const result = await handleCommand(
      this.infra.store,
      notificationPersonDecider,
      notificationPersonStreamId(personId),
      { type: 'MarkNotificationsRead', actor, notificationIds: dto.notificationIds, now: new Date().toISOString() },
      httpCommand(this.infra, actor),
    );
    await this.infra.readModelsCaughtUp();
    return { marked: result.events.reduce((n, e) => n + ('notificationIds' in e.data ? e.data.notificationIds.length : 0), 0) };
  }

  @ApiOkResponse({ type: NotificationPreferencesResponse })
  @Get('notification-preferences')
  async preferences(@Param('personId') personId: string): Promise<NotificationPreferencesResponse> {
    await this.infra.readModelsCaughtUp();
    const person = await personDoc(this.infra, personId);
    const p = person?.preferences;
    const lastDigestDay = person?.lastDigest?.day;
    if (!p) {
      return {
        saved: false,
        channels: ['portal'],
        kinds: [...NOTIFICATION_KINDS],
        digestHour: DEFAULT_DIGEST_HOUR,
        reminderDays: DEFAULT_SETTINGS.reminderDays,
      };
    }
    return {
      saved: true,
      ...(p.email ? { email: p.email } : {}),
      channels: p.channels,
      kinds: p.kinds,
      digestHour: p.digestHour,
      reminderDays: p.reminderDays,
      ...(lastDigestDay ? { lastDigestDay } : {}),
    };
  }

  @ApiOkResponse({ type: NotificationPreferencesResponse })
  @Put('notification-preferences')
  async setPreferences(@CurrentActor() actor: Actor, @Param('personId') personId: string, @Body() dto: NotificationPreferencesDto) {
    await handleCommand(
      this.infra.store,
      notificationPersonDecider,
      notificationPersonStreamId(personId),
      { type: 'SetNotificationPreferences', actor, preferences: dto, now: new Date().toISOString() },
      httpCommand(this.infra, actor),
    );
    await this.infra.readModelsCaughtUp();
    return this.preferences(personId);
  }
}
