import { describeDocumentStoreContract } from '../testing/document-store.contract';
import { EmbeddedDocumentStore } from './embedded-document-store';

describeDocumentStoreContract('embedded', {
  open: async () => new EmbeddedDocumentStore(),
  dispose: (store) => store.close(),
});
