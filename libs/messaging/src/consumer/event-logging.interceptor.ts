import { CallHandler, ExecutionContext, Injectable, Logger, LoggerService, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import { errorMessage } from '@cem/contracts';
import { EventEnvelope } from './event-envelope';

export interface HandledEventLog {
  event: string;
  id: string;
  stream: string;
  handler: string;
  durationMs: number;
  outcome: 'handled' | 'failed';
  error?: string;
}

/** One log line per handled event: type, id, stream, handler, duration and outcome. */
@Injectable()
export class EventLoggingInterceptor implements NestInterceptor {
  constructor(private readonly logger: LoggerService = new Logger('EventHandlers')) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const envelope = context.switchToRpc().getContext<unknown>();
    if (context.getType() !== 'rpc' || !(envelope instanceof EventEnvelope)) return next.handle();
    const started = performance.now();
    const line = (outcome: HandledEventLog['outcome'], error?: unknown): HandledEventLog => ({
      event: envelope.type,
      id: envelope.id,
      stream: envelope.streamId,
      handler: `${context.getClass().name}.${context.getHandler().name}`,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      outcome,
      ...(error === undefined ? {} : { error: errorMessage(error) }),
    });
    return next.handle().pipe(
      tap({
        complete: () => void this.logger.log(line('handled')),
        error: (error: unknown) => void this.logger.warn(line('failed', error)),
      }),
    );
  }
}
