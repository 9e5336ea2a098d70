import { describeDocumentStoreContract } from '../testing/document-store.contract';
import { createMongoDocumentStore, MongooseDocumentStore } from './mongoose-document-store';
import { testMongoDbName, testMongoUrl } from '../testing/mongo-test-database';

jest.setTimeout(60_000);

describeDocumentStoreContract('mongoose on FerretDB', {
  open: () => createMongoDocumentStore({ url: testMongoUrl(), dbName: testMongoDbName('contract') }),
  dispose: async (store) => {
    await (store as MongooseDocumentStore).dropDatabase();
    await store.close();
  },
});
