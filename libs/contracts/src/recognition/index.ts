export * from './recognition.values';
export * from './recognition.events';
export * from './recognition.contracts';
