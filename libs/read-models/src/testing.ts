export * from './testing/document-store.contract';
export * from './testing/mongo-test-database';
