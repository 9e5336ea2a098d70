import type { IncomingMessage, ServerResponse } from 'http';
import type { Actor } from '@cem/contracts';

/** The parts of Express's request this kit uses (the Express types are not installed). */
export interface ActorRequest extends IncomingMessage {
  /** Set by AuthGuard once the bearer token verified. */
  actor?: Actor;
  /** Express sets the matched route; its path is the pattern (`/dossiers/:id`), not the URL. */
  route?: { path: string };
  baseUrl?: string;
}

export type HttpMiddleware = (req: ActorRequest, res: ServerResponse, next: (error?: unknown) => void) => void;
