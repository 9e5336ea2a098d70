import { describeDocumentStoreContract } from '../testing/document-store.contract';
import { EmbeddedDocumentStore } from './embedded-document-store';

describeDocumentStoreContract('embedded', {
  open: () => Promise.resolve(new EmbeddedDocumentStore()),
  dispose: (store) => store.close(),
});
