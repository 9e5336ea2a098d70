export * from './limits';
export * from './characters';
export * from './calendar';
export * from './decorators';
export * from './metadata-cache';

import { cacheValidationMetadata } from './metadata-cache';
// Every DTO and event contract is declared with this library's decorators, so importing it is early enough:
// installed once per process, before anything is validated.
cacheValidationMetadata();
