import { Controller, DynamicModule, Get, Inject, Module } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { JSONWebKeySet } from 'jose';
import { Public } from './public.decorator';

const JWKS = Symbol('JWKS');

@ApiTags('operations')
@Public()
@Controller('.well-known')
class JwksController {
  constructor(@Inject(JWKS) private readonly jwks: JSONWebKeySet) {}

  @Get('jwks.json')
  keys(): JSONWebKeySet {
    return this.jwks;
  }
}

/** Serves a public key set at `GET /.well-known/jwks.json` (the local issuer's, in the embedded default). */
@Module({})
export class JwksModule {
  static serve(jwks: JSONWebKeySet): DynamicModule {
    return { module: JwksModule, controllers: [JwksController], providers: [{ provide: JWKS, useValue: jwks }] };
  }
}
