import { CanActivate, ExecutionContext, Inject, Injectable, Optional, createParamDecorator } from '@nestjs/common';
import { Actor, ForbiddenError, NotFoundError, UnauthenticatedError } from '@cem/contracts';
import { ActingUnit, actingUnitsOf, actorActingFrom, checkRelations, checkRole } from '@cem/identity';
import type { ActorRequest } from '../http/http-request';
import { SERVICE_INFRA, ServiceInfra } from '../runtime/service-infra';
import { mandatesHeldBy } from './mandates';
import { ACCESS_POLICY, accessKey, ServiceAccessPolicy, ServiceAccessRule } from './policy';

/** The request as the access guard leaves it. */
export interface AccessRequestState extends ActorRequest {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  /** Every unit the actor may act from (own first, then by mandate); lists filter by them. */
  actingUnits?: ActingUnit[];
  /** The rule that let the request in (for the logs and the matrix test). */
  accessRule?: string;
  /** The facts the rule loaded: a handler may answer from them instead of loading the record again. */
  accessFacts?: unknown;
}

/** Routes the service kit itself adds: open to anyone (probes, scrapers, key sets). */
export const KIT_RULES: Record<string, ServiceAccessRule> = {
  'HealthController.health': { kind: 'public', roles: 'any', summary: 'Kiểm tra tình trạng dịch vụ (công khai)' },
  'HealthController.live': { kind: 'public', roles: 'any', summary: 'Tiến trình còn chạy (cho bộ điều phối)' },
  'HealthController.ready': { kind: 'public', roles: 'any', summary: 'Dịch vụ sẵn sàng nhận yêu cầu (cho bộ điều phối)' },
  'JwksController.keys': { kind: 'public', roles: 'any', summary: 'Khóa công khai để kiểm tra token' },
};

export const today = (): string => new Date().toISOString().slice(0, 10);

export function ruleFor(
  policy: ServiceAccessPolicy | undefined,
  controllerName: string,
  handlerName: string,
): ServiceAccessRule | undefined {
  const key = accessKey(controllerName, handlerName);
  return KIT_RULES[key] ?? policy?.rules.get(key);
}

/**
 * Enforces the service's access policy on every route, after AuthGuard verified the token: the role, then
 * (loading the record's facts and the actor's mandates) the relation. A route with no rule is refused: deny by
 * default, and the policy coverage test names it. When the actor acts by a mandate, the request's actor becomes
 * the jurisdiction's, with the person's own unit kept in `actor.mandate` for the audit.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Optional() @Inject(ACCESS_POLICY) private readonly policy?: ServiceAccessPolicy,
    @Optional() @Inject(SERVICE_INFRA) private readonly infra?: ServiceInfra,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const controllerName = context.getClass().name;
    const key = accessKey(controllerName, context.getHandler().name);
    const rule = ruleFor(this.policy, controllerName, context.getHandler().name);
    // Apps built without a policy (the kit's own tests) keep the route-level @Roles/@Public behaviour.
    if (!this.policy && !rule) return true;
    if (!rule)
      throw new ForbiddenError(`Chưa khai báo quy tắc truy cập cho ${key}: mặc định từ chối`, { rule: 'no-access-rule', route: key });
    const request = context.switchToHttp().getRequest<AccessRequestState>();
    request.accessRule = key;
    if (rule.kind === 'public') return true;

    const actor = request.actor;
    if (!actor) throw new UnauthenticatedError('missing bearer token: send Authorization: Bearer <token>');
    const roleDenial = checkRole(rule, actor);
    if (roleDenial && !roleDenial.allowed) {
      throw new ForbiddenError(roleDenial.reason, { rule: roleDenial.code, route: key, role: actor.role });
    }

    const date = today();
    const infra = this.infra;
    const unitsOf = async () => actingUnitsOf(actor, infra ? await mandatesHeldBy(infra, actor.unitId, actor.role) : [], date);
    let units = await unitsOf();
    request.actingUnits = units;
    if (!rule.relations?.length) return true;

    if (!rule.facts || !infra) throw new ForbiddenError(`Quy tắc ${key} thiếu cách xác định hồ sơ`, { rule: 'no-facts', route: key });
    const facts = await rule.facts({ actor, params: request.params ?? {}, query: request.query ?? {}, body: request.body }, infra);
    request.accessFacts = facts;
    let verdict = checkRelations(rule, actor, units, facts, date);
    if (!verdict.allowed) {
      // Mandates are a read model: before refusing, make sure one granted a moment ago is applied (denials are
      // rare, so only they pay for the wait; allowed requests never wait for the projections).
      await infra.readModelsCaughtUp();
      units = await unitsOf();
      request.actingUnits = units;
      verdict = checkRelations(rule, actor, units, facts, date);
    }
    if (!verdict.allowed) {
      if (verdict.status === 404) throw new NotFoundError(verdict.reason, { rule: verdict.code, route: key });
      throw new ForbiddenError(verdict.reason, { rule: verdict.code, route: key, unitId: actor.unitId });
    }
    request.actor = actorActingFrom(actor, verdict.unit);
    return true;
  }
}

/** The actor once per unit they may act from (own unit first): list queries filter by any of them. */
export function scopedActorsOf(request: AccessRequestState): Actor[] {
  const actor = request.actor;
  if (!actor) throw new UnauthenticatedError('this route has no authenticated actor');
  const units = request.actingUnits ?? [{ unitId: actor.unitId, unitPath: actor.unitPath, level: actor.level }];
  return units.map((unit) => actorActingFrom(actor, unit));
}

/** Parameter decorator: the actor once per acting unit, for scoped lists. */
export const ScopedActors = createParamDecorator((_data: unknown, context: ExecutionContext): Actor[] =>
  scopedActorsOf(context.switchToHttp().getRequest<AccessRequestState>()),
);

/** Parameter decorator: the facts the access rule loaded for this request (what the actor was allowed on). */
export const AccessFacts = createParamDecorator(
  (_data: unknown, context: ExecutionContext): unknown => context.switchToHttp().getRequest<AccessRequestState>().accessFacts,
);
