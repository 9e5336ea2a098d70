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
  const own: Type<unknown>[] = Reflect.getMetadata('controllers', module) ?? [];
  const imports: unknown[] = Reflect.getMetadata('imports', module) ?? [];
  const nested = imports.flatMap((m) => (typeof m === 'function' ? controllersOf(m as Type<unknown>) : []));
  return [...own, ...nested];
}

/** Every route of the given controllers, read from Nest's own route metadata (what the router registers). */
export function routesOf(controllers: Type<unknown>[]): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const controller of controllers) {
    const prefixes = asList(Reflect.getMetadata(PATH_METADATA, controller));
    const proto = controller.prototype;
    for (const handler of Object.getOwnPropertyNames(proto)) {
      if (handler === 'constructor') continue;
      const descriptor = Object.getOwnPropertyDescriptor(proto, handler);
      if (!descriptor || typeof descriptor.value !== 'function') continue;
      const path = Reflect.getMetadata(PATH_METADATA, descriptor.value);
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, descriptor.value) as RequestMethod] ?? 'GET';
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
