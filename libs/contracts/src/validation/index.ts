export * from './limits';
export * from './characters';
export * from './calendar';
export * from './decorators';
