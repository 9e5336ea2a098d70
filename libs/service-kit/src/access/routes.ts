import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';

export interface RouteInfo {
  controller: string;
  handler: string;
  method: string;
  paths: string[];
}

const asList = (p: string | string[] | undefined): string[] => (p === undefined ? [''] : Array.isArray(p) ? p : [p]);
const join = (...parts: string[]) =>
  '/' +
  parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');

/** The controllers a Nest module declares, including those of the modules it imports. */
export function controllersOf(module: Type<unknown>): Type<unknown>[] {
  const own = (Reflect.getMetadata('controllers', module) ?? []) as Type<unknown>[];
  const imports = (Reflect.getMetadata('imports', module) ?? []) as unknown[];
  const nested = imports.flatMap((m) => (typeof m === 'function' ? controllersOf(m as Type<unknown>) : []));
  return [...own, ...nested];
}

/** Every route of the given controllers, read from Nest's own route metadata (what the router registers). */
export function routesOf(controllers: Type<unknown>[]): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const controller of controllers) {
    const prefixes = asList(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
    const proto = controller.prototype as object;
    for (const handler of Object.getOwnPropertyNames(proto)) {
      if (handler === 'constructor') continue;
      const value: unknown = Object.getOwnPropertyDescriptor(proto, handler)?.value;
      if (typeof value !== 'function') continue;
      const path = Reflect.getMetadata(PATH_METADATA, value) as string | string[] | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, value) as RequestMethod] ?? 'GET';
      routes.push({
        controller: controller.name,
        handler,
        method,
        paths: prefixes.flatMap((prefix) => asList(path).map((p) => join(prefix, p))),
      });
    }
  }
  return routes;
}
