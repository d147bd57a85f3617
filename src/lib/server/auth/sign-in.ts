import type { Cookies } from '@sveltejs/kit';
import { UserError } from '../errors';
import { sendVerificationMail } from '../reminders/verification';
import { checkPasswordStrength, verifyPassword } from './password';
import { startSession } from './session';
import { clearThrottle, isThrottled, refundThrottleSlot, takeThrottleSlot } from './throttle';
import { loginPerAccount, loginPerAddress, registerPerAddress } from './throttle-policy';
import { createUser, getUserByEmail } from './user';

// Signing in and creating an account: each a command that owns its throttles, its checks and the new session, so
// the routes only parse the form and show the refusal.

// Verifying against a real hash when the email is unknown keeps the response time the same either way.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$/cl+w7YPSudkLGMwavbA3A$kOgQWva8D6MY4I+/Ri9LD1wB/aypxyudTNp1gPAQlOw';

interface Browser {
	cookies: Cookies;
	address: string;
	/** The session this browser carried, ended by the new one (no session fixation). */
	previousSessionId: string | null;
}

/** Signs in with email and password. Refusals: 429 past the throttles, 400 for a wrong email or password. */
export async function logIn(email: string, password: string, browser: Browser): Promise<void> {
	const addressKey = `login:ip:${browser.address}`;
	const accountKey = `login:email:${email}`;
	const tooMany = new UserError('Too many attempts. Wait a few minutes, then try again.', 429);
	if ((await isThrottled(addressKey)) || (await isThrottled(accountKey))) throw tooMany;
	// Each attempt takes its slot before the password is checked, so concurrent guesses cannot exceed the limits.
	if (!(await takeThrottleSlot(addressKey, loginPerAddress))) throw tooMany;
	if (!(await takeThrottleSlot(accountKey, loginPerAccount))) {
		await refundThrottleSlot(addressKey, loginPerAddress); // refused before any password check
		throw tooMany;
	}
	const user = await getUserByEmail(email);
	const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
	if (!user || !valid) throw new UserError('Incorrect email or password.'); // both slots stay counted
	// Only failures count: a successful login clears the account and gives the address its slot back.
	await clearThrottle(accountKey);
	await refundThrottleSlot(addressKey, loginPerAddress);
	await startSession(browser.cookies, user.id, browser.previousSessionId);
}

/**
 * Creates an account and signs this browser in to it, then mails the address-verification link. Refusals: 429
 * past the per-address limit, 400 for a weak password or an email already registered.
 */
export async function registerAccount(input: { name: string; email: string; password: string }, browser: Browser): Promise<void> {
	const { name, email, password } = input;
	const addressKey = `register:ip:${browser.address}`;
	const tooMany = new UserError('Too many new accounts from your network. Try again later.', 429);
	if (await isThrottled(addressKey)) throw tooMany;
	const weakness = checkPasswordStrength(password, [name, email, email.split('@')[0], 'touchstone', 'massage']);
	if (weakness) throw new UserError(weakness);
	if (!(await takeThrottleSlot(addressKey, registerPerAddress))) throw tooMany;
	const user = await createUser({ email, name, password });
	if (!user) throw new UserError('An account with this email already exists. Log in, or reset your password.');
	await startSession(browser.cookies, user.id, browser.previousSessionId); // a new account never keeps an old session
	// A mail server being down must not lose the account: the link can be sent again from /account/email.
	await sendVerificationMail(user.id).catch((e) => console.error('Verification mail failed:', e));
}
