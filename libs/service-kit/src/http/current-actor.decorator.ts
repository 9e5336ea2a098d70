import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor, UnauthenticatedError } from '@cem/contracts';
import type { ActorRequest } from './http-request';

export function actorOf(request: ActorRequest): Actor {
  // Only reachable on a @Public() route, where asking for the actor is a programming error worth a clear 401.
  if (!request.actor) throw new UnauthenticatedError('this route has no authenticated actor');
  return request.actor;
}

/** The Actor from the verified bearer token. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor =>
  actorOf(context.switchToHttp().getRequest<ActorRequest>()),
);
