export * from './event-bus';
export * from './cloud-events.codec';
export * from './relay/event-relay';
export * from './kafka/kafka-event-bus';
export * from './in-process/in-process-event-bus';
export * from './consumer';
