/**
 * The page's side of the offline service worker: telling it who is signed in, keeping and removing a course's
 * lessons, and wiping this device's offline data at logout. All of it is an enhancement: without a service
 * worker (no JavaScript, an old browser, a private window) every function here does nothing.
 */
import { isUserCache } from './policy';
import { clearQueue } from './queue-store';

export function offlineSupported(): boolean {
	return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof caches !== 'undefined';
}

async function tellWorker(message: { type: 'user'; userId: number | null } | { type: 'logout' }): Promise<void> {
	if (!offlineSupported()) return;
	const registration = await navigator.serviceWorker.getRegistration();
	(registration?.active ?? navigator.serviceWorker.controller)?.postMessage(message);
}

/** Each page load: the worker drops every kept page of anyone else (of everyone, when nobody is signed in). */
export function announceUser(userId: number | null): void {
	tellWorker({ type: 'user', userId }).catch(() => undefined);
}

async function userCacheNames(): Promise<string[]> {
	return (await caches.keys()).filter(isUserCache);
}

/** Logout: every kept page and every queued progress item on this device goes, before the form is sent. */
export async function forgetOfflineData(): Promise<void> {
	if (!offlineSupported()) return;
	await tellWorker({ type: 'logout' }).catch(() => undefined);
	await Promise.all((await userCacheNames()).map((name) => caches.delete(name)));
	await clearQueue().catch(() => undefined);
}

/** The pages the worker keeps for one lesson: the page itself and the data SvelteKit loads for it. */
const urlsOf = (href: string) => [href, `${href}/__data.json`];

/** How many of these lessons are kept on this device. */
export async function countKept(hrefs: string[]): Promise<number> {
	if (!offlineSupported()) return 0;
	let kept = 0;
	for (const href of hrefs) if (await caches.match(href)) kept++;
	return kept;
}

/** Fetches every lesson (page and data) through the worker, which keeps them; reports progress as it goes. */
export async function keepLessons(hrefs: string[], progress: (done: number) => void): Promise<number> {
	let done = 0;
	for (const href of hrefs) {
		const answers = await Promise.all(urlsOf(href).map((url) => fetch(url, { headers: { accept: url === href ? 'text/html' : '*/*' } })));
		if (answers.every((a) => a.ok)) done++;
		progress(done);
	}
	return done;
}

export async function removeLessons(hrefs: string[]): Promise<void> {
	if (!offlineSupported()) return;
	for (const name of await userCacheNames()) {
		const cache = await caches.open(name);
		for (const href of hrefs) for (const url of urlsOf(href)) await cache.delete(url);
	}
}

/** Space this site uses on the device (all its caches and storage), when the browser says. */
export async function storageUsed(): Promise<number | null> {
	const estimate = await navigator.storage?.estimate?.().catch(() => null);
	return estimate?.usage ?? null;
}
