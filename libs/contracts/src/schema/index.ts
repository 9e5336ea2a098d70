export * from './field-docs';
export * from './shape-docs';
export * from './json-schema';
