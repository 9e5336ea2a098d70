import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, ForbiddenError, Role, UnauthenticatedError } from '@cem/contracts';
import { hasRole } from '@cem/identity';
import type { ActorRequest } from './http-request';
import { IS_PUBLIC_KEY } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';
import { ACCESS_POLICY, ServiceAccessPolicy } from '../access/policy';
import { ruleFor } from '../access/access.guard';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

/** What the guard needs of @cem/identity's TokenVerifier (tests may supply a stub). */
export interface ActorVerifier {
  verify(token: string): Promise<Actor>;
}

export function bearerToken(header: string | string[] | undefined): string {
  if (!header || Array.isArray(header)) {
    throw new UnauthenticatedError('missing bearer token: send Authorization: Bearer <token>');
  }
  const [scheme, token, ...rest] = header.trim().split(/\s+/);
  if (scheme.toLowerCase() !== 'bearer' || !token || rest.length) {
    throw new UnauthenticatedError('Authorization header must be "Bearer <token>"');
  }
  return token;
}

/** Global: every route needs a valid token unless marked @Public(); @Roles narrows it further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(TOKEN_VERIFIER) private readonly verifier: ActorVerifier,
    private readonly reflector: Reflector,
    @Optional() @Inject(ACCESS_POLICY) private readonly policy?: ServiceAccessPolicy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    // The service's access policy is the one place that declares a route public (the awarded works showcase).
    if (ruleFor(this.policy, context.getClass().name, context.getHandler().name)?.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<ActorRequest>();
    const actor = await this.verifier.verify(bearerToken(request.headers.authorization));
    request.actor = actor;

    // A service with an access policy declares its roles there (AccessGuard, with Vietnamese reasons); @Roles is
    // only for apps without one.
    const roles = this.policy ? undefined : this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length) {
      const verdict = hasRole(...roles)(actor, undefined);
      if (verdict !== true) throw new ForbiddenError(verdict, { requiredRoles: roles, role: actor.role });
    }
    return true;
  }
}
