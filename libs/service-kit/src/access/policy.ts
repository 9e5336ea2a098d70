import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import type { AccessRequest, AccessRule } from '@cem/identity';
import { ValidationFailed } from '@cem/contracts';
import type { ServiceInfra } from '../runtime/service-infra';

/** A rule whose facts loader reads the service's ports. */
export type ServiceAccessRule<F = unknown> = AccessRule<F, ServiceInfra>;

/** The public methods of a controller: every one of them is a route and needs a rule. */
type HandlersOf<C> = { [K in keyof C as C[K] extends (...args: never[]) => unknown ? K : never]: C[K] };

/** One controller's rules, keyed by handler name; the compiler refuses a controller with a method left out. */
export interface ControllerAccess {
  controller: Type<unknown>;
  rules: Record<string, ServiceAccessRule>;
}

export function controllerAccess<C>(controller: Type<C>, rules: Record<keyof HandlersOf<C> & string, ServiceAccessRule>): ControllerAccess {
  return { controller, rules };
}

/** A service's whole policy: one entry per route, keyed `Controller.handler`. */
export interface ServiceAccessPolicy {
  rules: ReadonlyMap<string, ServiceAccessRule>;
}

export const accessKey = (controllerName: string, handlerName: string) => `${controllerName}.${handlerName}`;

export function defineAccessPolicy(...controllers: ControllerAccess[]): ServiceAccessPolicy {
  const rules = new Map<string, ServiceAccessRule>();
  for (const { controller, rules: byHandler } of controllers) {
    for (const [handler, rule] of Object.entries(byHandler)) rules.set(accessKey(controller.name, handler), rule);
  }
  return { rules };
}

export const ACCESS_POLICY = Symbol('ACCESS_POLICY');

/** Makes the service's policy injectable for the AccessGuard (global, like the service's ports). */
@Global()
@Module({})
export class AccessPolicyModule {
  static forRoot(policy: ServiceAccessPolicy | undefined): DynamicModule {
    const providers = policy ? [{ provide: ACCESS_POLICY, useValue: policy }] : [];
    return { module: AccessPolicyModule, providers, exports: providers.map((p) => p.provide) };
  }
}

/**
 * A body field a facts loader needs, read before validation (guards run before pipes): a missing or non-string
 * value is the same 400 the validation pipe would give, and nothing is loaded.
 */
export function bodyString(request: AccessRequest, key: string): string {
  const value = (request.body as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== 'string' || !value.trim() || value.includes('\u0000')) {
    throw new ValidationFailed(`Yêu cầu không hợp lệ: ${key} phải là chuỗi không rỗng`, {
      fields: { [key]: [`${key} phải là chuỗi không rỗng`] },
    });
  }
  return value;
}

export function optionalBodyString(request: AccessRequest, key: string): string | undefined {
  const value = (request.body as Record<string, unknown> | undefined)?.[key];
  return value === undefined || value === null ? undefined : bodyString(request, key);
}

// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's whole purpose
const C0_CONTROL = /[\u0000-\u001f]/;

/** A query parameter a facts loader needs (e.g. beside a multipart body, which is read after the guards). */
export function queryString(request: AccessRequest, key: string): string {
  const value = request.query[key];
  if (typeof value !== 'string' || !value.trim() || C0_CONTROL.test(value)) {
    throw new ValidationFailed(`Yêu cầu không hợp lệ: tham số ${key} phải là chuỗi không rỗng`, {
      fields: { [key]: [`${key} phải là chuỗi không rỗng`] },
    });
  }
  return value;
}

/** A path parameter; NUL bytes and the like never reach a database. */
export function paramString(request: AccessRequest, key: string): string {
  const value = request.params[key];
  if (typeof value !== 'string' || !value || C0_CONTROL.test(value)) {
    throw new ValidationFailed(`Yêu cầu không hợp lệ: tham số ${key} không phải mã hợp lệ`, { fields: { [key]: ['mã không hợp lệ'] } });
  }
  return value;
}
