import { config } from '../env';

export function passwordResetMail(to: string, name: string, token: string) {
	const link = `${config.ORIGIN}/reset-password/${token}`;
	return {
		to,
		subject: 'Reset your Touchstone password',
		text: [
			`Hello ${name},`,
			'',
			'Someone (we hope you) asked to reset the password of your Touchstone account.',
			'Open this link within one hour to choose a new password. It works once.',
			'',
			link,
			'',
			'If you did not ask for this, ignore this message: your password stays as it is.'
		].join('\n')
	};
}
