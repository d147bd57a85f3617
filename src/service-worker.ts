/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline reading. Precaches this build's scripts, styles and static files; keeps the lesson pages (and their
 * __data.json) a signed-in learner opens in that learner's own cache; offline, answers from those caches, marks
 * pages served from them, and answers other pages with a generated offline page listing the kept lessons.
 * Nothing else is ever cached (see keepableLesson). Pages tell the worker who is signed in (messages below).
 */
import { build, files, version } from '$service-worker';
import { isUserCache, keepableLesson, OFFLINE_COPY_ATTRIBUTE, otherUsersCaches, shellCacheName, staleCaches, userCacheName, USER_HEADER } from '$lib/offline/policy';
import { OFFLINE_PAGE_CSP, offlinePageHtml, titleOf, type KeptLesson } from '$lib/offline/offline-page';

const sw = globalThis.self as unknown as ServiceWorkerGlobalScope;
const SHELL = shellCacheName(version);
const ASSETS = new Set([...build, ...files]);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(SHELL);
			await cache.addAll([...ASSETS]);
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of staleCaches(await caches.keys(), version)) await caches.delete(name);
			await sw.clients.claim();
		})()
	);
});

/** Drops every kept page of anyone but `userId` (of everyone, when null: logged out). */
async function forgetOtherUsers(userId: number | null): Promise<void> {
	for (const name of otherUsersCaches(await caches.keys(), version, userId)) await caches.delete(name);
}

sw.addEventListener('message', (event) => {
	const data = event.data as { type?: string; userId?: unknown } | null;
	if (data?.type === 'user') {
		const id = typeof data.userId === 'number' && Number.isInteger(data.userId) ? data.userId : null;
		event.waitUntil(forgetOtherUsers(id));
	} else if (data?.type === 'logout') {
		event.waitUntil(forgetOtherUsers(null));
	}
});

/** Keeps a lesson page fetched for a signed-in learner, in that learner's cache (the server names the user). */
async function keep(pathname: string, response: Response): Promise<void> {
	const userId = Number(response.headers.get(USER_HEADER));
	if (response.status !== 200 || !Number.isInteger(userId) || userId <= 0) return;
	await forgetOtherUsers(userId);
	await (await caches.open(userCacheName(version, userId))).put(pathname, response);
}

async function userCaches(): Promise<Cache[]> {
	const names = (await caches.keys()).filter((name) => isUserCache(name) && name.endsWith(`-${version}`));
	return Promise.all(names.map((name) => caches.open(name)));
}

async function findKept(pathname: string): Promise<Response | undefined> {
	for (const cache of await userCaches()) {
		const hit = await cache.match(pathname);
		if (hit) return hit;
	}
	return undefined;
}

/** A kept page, marked so the layout shows its "offline copy" note (the attribute sits outside the app's markup). */
async function markedCopy(kept: Response): Promise<Response> {
	const html = (await kept.text()).replace(/<html\b/, `<html ${OFFLINE_COPY_ATTRIBUTE}`);
	const headers = new Headers(kept.headers);
	headers.delete('content-length'); // the body just grew
	return new Response(html, { status: kept.status, headers });
}

async function keptLessons(): Promise<KeptLesson[]> {
	const lessons: KeptLesson[] = [];
	for (const cache of await userCaches()) {
		for (const request of await cache.keys()) {
			const { pathname } = new URL(request.url);
			if (keepableLesson(pathname)?.data !== false) continue;
			const page = await cache.match(request);
			lessons.push({ href: pathname, title: titleOf(page ? await page.text() : '', pathname) });
		}
	}
	return lessons;
}

async function offlinePage(url: URL): Promise<Response> {
	const html = offlinePageHtml(await keptLessons(), url.pathname);
	return new Response(html, {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': OFFLINE_PAGE_CSP, 'cache-control': 'no-store' }
	});
}

async function fromShell(request: Request): Promise<Response> {
	const hit = await (await caches.open(SHELL)).match(request);
	return hit ?? fetch(request);
}

/** Network first (the page stays current and is kept again); the kept copy when the network is not there. */
async function lessonResponse(event: FetchEvent, url: URL, data: boolean): Promise<Response> {
	try {
		const response = await fetch(event.request);
		event.waitUntil(keep(url.pathname, response.clone()).catch(() => undefined));
		return response;
	} catch (error) {
		const kept = await findKept(url.pathname);
		if (kept) return data ? kept : markedCopy(kept);
		if (event.request.mode === 'navigate') return offlinePage(url);
		throw error;
	}
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (ASSETS.has(url.pathname)) return event.respondWith(fromShell(request));
	const lesson = keepableLesson(url.pathname);
	if (lesson) return event.respondWith(lessonResponse(event, url, lesson.data));
	if (request.mode === 'navigate') event.respondWith(fetch(request).catch(() => offlinePage(url)));
});
