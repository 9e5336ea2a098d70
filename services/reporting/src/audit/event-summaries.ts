import type { PersonNames, RecordedEvent } from '@cem/contracts';
import { summariseEvent } from '@cem/contracts';

/** A short line per event type in the users' words (the shared wording of @cem/contracts labels-vi). */
export function summarise(event: Pick<RecordedEvent, 'type' | 'data'>, names?: PersonNames): string {
  return summariseEvent(event, names);
}
