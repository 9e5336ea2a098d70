import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import type { EventEnvelope } from './event-envelope';
import { EventRefused, refusalReason } from './event-consumer';

/**
 * What an event handler's error means. A refusal (DomainRuleViolation, ForbiddenError, NotFoundError... any
 * PlatformError but a lost race) can never succeed: it becomes EventRefused, which the consumer dead-letters
 * with the reason. Anything else (an outage, a ConcurrencyError) goes back unchanged and the bus redelivers.
 */
@Catch()
export class EventExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('EventHandlers');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    const reason = refusalReason(exception);
    if (reason === undefined) return throwError(() => exception);
    const envelope = host.switchToRpc().getContext<EventEnvelope>();
    this.logger.warn(`${envelope.type} ${envelope.id} refused, dead-lettered: ${reason}`);
    return throwError(() => new EventRefused(reason));
  }
}
