import type { Type } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { Role } from '@cem/contracts';
import { controllersOf, routesOf, ruleFor, type ServiceDefinition } from '@cem/service-kit';

type Ctor = abstract new (...args: never[]) => unknown;

/** One route of a service as the fuzzer drives it. */
export interface FuzzRoute {
  context: string;
  method: string;
  /** Express pattern, e.g. `/dossiers/:id/submit`. */
  path: string;
  pathParams: string[];
  /** The @Body() DTO class, when the handler takes a whole body. */
  bodyType?: Ctor;
  /** Named @Body('x') fields. */
  bodyFields: string[];
  /** The @Query() DTO class, when the handler takes the whole query. */
  queryType?: Ctor;
  /** Named @Query('x') parameters. */
  queryFields: string[];
  handler: string;
  /** The roles the service's access policy lets in ('any': every authenticated role; [] when public or unknown). */
  roles: readonly Role[] | 'any';
}

const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Object, Array]);

/**
 * Every route of a service with what its handler reads, from Nest's own metadata (the same the router and
 * the validation pipe use): path, method, path parameters, the body and query DTO classes.
 */
export function routeCatalogue(definition: ServiceDefinition): FuzzRoute[] {
  const controllers = controllersOf(definition.module);
  const routes: FuzzRoute[] = [];
  for (const info of routesOf(controllers)) {
    const controller = controllers.find((c) => c.name === info.controller) as Type<unknown>;
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, info.handler) ?? {}) as Record<
      string,
      { index: number; data?: unknown }
    >;
    const types = (Reflect.getMetadata('design:paramtypes', controller.prototype as object, info.handler) ?? []) as unknown[];
    let bodyType: Ctor | undefined;
    let queryType: Ctor | undefined;
    const bodyFields: string[] = [];
    const queryFields: string[] = [];
    for (const [key, arg] of Object.entries(args)) {
      const kind = Number(key.split(':')[0]) as RouteParamtypes;
      const type = types[arg.index];
      const dto = typeof type === 'function' && !PRIMITIVES.has(type) ? (type as Ctor) : undefined;
      if (kind === RouteParamtypes.BODY) {
        if (typeof arg.data === 'string') bodyFields.push(arg.data);
        else bodyType = dto;
      } else if (kind === RouteParamtypes.QUERY) {
        if (typeof arg.data === 'string') queryFields.push(arg.data);
        else queryType = dto;
      }
    }
    for (const path of info.paths) {
      routes.push({
        context: definition.context,
        method: info.method,
        path,
        pathParams: [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]),
        bodyType,
        bodyFields,
        queryType,
        queryFields,
        handler: `${info.controller}.${info.handler}`,
        roles: ruleFor(definition.access, info.controller, info.handler)?.roles ?? [],
      });
    }
  }
  return routes;
}
