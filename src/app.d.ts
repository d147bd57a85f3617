import type { IncomingMessage } from 'node:http';
import type { SessionValidationResult } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionValidationResult['user'];
			session: SessionValidationResult['session'];
		}
		/** adapter-node's platform: the Node request (undefined under `vite dev`). */
		interface Platform {
			req?: IncomingMessage;
		}
		interface Error {
			message: string;
			id?: string;
		}
	}
}

export {};
