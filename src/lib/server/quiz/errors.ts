import { UserError, type UserErrorStatus } from '../errors';

/** A refusal the student should read while taking a quiz; a UserError, so routes map it like any other. */
export class QuizError extends UserError {
	constructor(status: UserErrorStatus, message: string) {
		super(message, status);
		this.name = 'QuizError';
	}
}
