import { ADMINISTRATIVE_LEVELS, Actor, AdministrativeLevel, Role, ROLES, UnauthenticatedError } from '@cem/contracts';
import type { JWTPayload } from 'jose';

/** The platform's claims on top of the OIDC ones (sub, name), snake_case as OIDC claims are. */
export interface ActorClaims {
  sub: string;
  name?: string;
  role: Role;
  unit_id: string;
  level: AdministrativeLevel;
  unit_path: string[];
}

export function actorToClaims(actor: Actor): ActorClaims {
  return {
    sub: actor.id,
    ...(actor.name ? { name: actor.name } : {}),
    role: actor.role,
    unit_id: actor.unitId,
    level: actor.level,
    unit_path: [...actor.unitPath],
  };
}

function invalid(claim: string, why: string): UnauthenticatedError {
  return new UnauthenticatedError(`token claim '${claim}' ${why}`, { claim });
}

function requireString(payload: JWTPayload, claim: string): string {
  const value = payload[claim];
  if (value === undefined || value === null || value === '') throw invalid(claim, 'is missing');
  if (typeof value !== 'string') throw invalid(claim, 'must be a string');
  return value;
}

/**
 * Turns verified claims into an Actor. Everything authorisation relies on is checked here, because a
 * token with a unit path that does not end at its own unit would silently widen its jurisdiction.
 */
const isUnitPath = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((u) => typeof u === 'string' && u !== '');

export function claimsToActor(payload: JWTPayload): Actor {
  const id = requireString(payload, 'sub');
  const role = requireString(payload, 'role');
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new UnauthenticatedError(`unknown role '${role}' in token`, { claim: 'role' });
  }
  const unitId = requireString(payload, 'unit_id');
  const level = requireString(payload, 'level');
  if (!(ADMINISTRATIVE_LEVELS as readonly string[]).includes(level)) {
    throw invalid('level', `must be one of ${ADMINISTRATIVE_LEVELS.join(', ')} (got '${level}')`);
  }
  const unitPath = payload.unit_path;
  if (unitPath === undefined) throw invalid('unit_path', 'is missing');
  if (!isUnitPath(unitPath)) {
    throw invalid('unit_path', 'must be a non-empty array of unit ids');
  }
  if (unitPath[unitPath.length - 1] !== unitId) {
    throw invalid('unit_path', `must end with the token's unit '${unitId}'`);
  }
  const name = payload.name;
  if (name !== undefined && typeof name !== 'string') throw invalid('name', 'must be a string');
  return { id, ...(name ? { name } : {}), role: role as Role, unitId, level: level as AdministrativeLevel, unitPath };
}
