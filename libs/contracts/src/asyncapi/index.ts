export * from './asyncapi';
export * from './event-titles';
export * from './events-markdown';
