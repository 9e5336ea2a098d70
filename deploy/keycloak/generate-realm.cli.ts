import 'reflect-metadata';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { realmFiles } from './realm';

/** Writes the realm JSON files Keycloak imports at start (`npm run keycloak:realm`). */
for (const [name, text] of Object.entries(realmFiles())) {
  writeFileSync(join(__dirname, name), text);
  console.log(`wrote deploy/keycloak/${name}`);
}
