import { UserError, userAction } from '../errors';

/** A refusal the instructor should read; a UserError (400), so routes map it like any other. */
export class StudioError extends UserError {
	constructor(message: string) {
		super(message, 400);
		this.name = 'StudioError';
	}
}

/** The studio's actions map refusals with the one user-facing error mapping. */
export const studioAction = userAction;
