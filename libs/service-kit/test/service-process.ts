// A service started exactly as services/<name>/src/main.ts does (runServiceFromEnv), in its own OS process;
// tells the parent its URL once it listens.
import 'reflect-metadata';
import { runServiceFromEnv } from '../src/runtime';
import { PING_CONSUMER } from './ping.fixture';

runServiceFromEnv(PING_CONSUMER)
  .then((service) => process.send?.({ url: service.url, metricsUrl: service.metricsUrl }))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
