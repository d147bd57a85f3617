/** A refusal the student should read: the route turns it into a 4xx with this message. */
export class QuizError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409 | 410,
		message: string
	) {
		super(message);
		this.name = 'QuizError';
	}
}
