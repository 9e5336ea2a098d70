import { join } from 'path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AsyncApiDocument, eventsMarkdown } from '@cem/contracts';
import { asyncApiOf, serviceOpenApi } from '@cem/service-kit';
import { PLATFORM_SERVICES } from '../embedded/services';

/** Where the generated documents are committed (`npm run contracts:generate` rewrites them). */
export const DOCS_DIR = join(__dirname, '..', '..', 'docs');
export const ASYNCAPI_FILE = join(DOCS_DIR, 'asyncapi.json');
export const EVENTS_FILE = join(DOCS_DIR, 'events.md');

/** The platform's AsyncAPI document: the four services' topics, generated from the event contracts. */
export function platformAsyncApi(): AsyncApiDocument {
  return asyncApiOf(PLATFORM_SERVICES.map((s) => s.definition));
}

export const asJson = (document: object): string => `${JSON.stringify(document, null, 2)}\n`;

export function platformEventsMarkdown(): string {
  return eventsMarkdown(platformAsyncApi());
}

/** Each service's OpenAPI document exactly as its `/docs-json` serves it, built without any server. */
export async function platformOpenApi(): Promise<Array<{ context: string; port: number; document: OpenAPIObject }>> {
  const documents = [];
  for (const { definition, port } of PLATFORM_SERVICES) {
    documents.push({ context: definition.context, port, document: await serviceOpenApi(definition, port) });
  }
  return documents;
}
