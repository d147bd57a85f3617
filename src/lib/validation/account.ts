import { z } from 'zod';
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from '$lib/auth/limits';
import { deceptiveTextMessage, hasDeceptiveCharacters } from './text';

// Limits are refused with a message, never silently truncated. Names are shown to others (certificates, the public
// verification page, admin and class lists), so they are held to hasDeceptiveCharacters (see ./text).

export const nameField = z
	.string({ error: 'Enter your name.' })
	.trim()
	.min(1, 'Enter your name.')
	.max(NAME_MAX, `Names can be at most ${NAME_MAX} characters.`)
	.refine((v) => !hasDeceptiveCharacters(v), deceptiveTextMessage('Names'));

export const emailField = z
	.string({ error: 'Enter your email address.' })
	.trim()
	.min(1, 'Enter your email address.')
	.max(EMAIL_MAX, `Email addresses can be at most ${EMAIL_MAX} characters.`)
	.pipe(z.email('Enter a valid email address, like name@example.com.'))
	.transform((v) => v.toLowerCase());

export const newPasswordField = z
	.string({ error: 'Enter a password.' })
	.min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters for your password.`)
	.max(PASSWORD_MAX, `Passwords can be at most ${PASSWORD_MAX} characters.`);

export const passwordField = z
	.string({ error: 'Enter your password.' })
	.min(1, 'Enter your password.')
	.max(PASSWORD_MAX, `Passwords can be at most ${PASSWORD_MAX} characters.`);

export const loginSchema = z.object({ email: emailField, password: passwordField });
export const registerSchema = z.object({ name: nameField, email: emailField, password: newPasswordField });
export const changeNameSchema = z.object({ name: nameField });
export const changePasswordSchema = z.object({ current: passwordField, password: newPasswordField });
export const forgotSchema = z.object({ email: emailField });
export const resetSchema = z.object({ password: newPasswordField });
