import { describe, expect, it } from 'vitest';
import { heartbeatTime, keepableLesson, otherUsersCaches, shellCacheName, staleCaches, userCacheName } from './policy';

describe('what the offline worker keeps', () => {
	it('keeps lesson pages and their data, nothing with answers or behind a role', () => {
		expect(keepableLesson('/courses/science-of-massage/weighing-the-evidence')).toEqual({ course: 'science-of-massage', lesson: 'weighing-the-evidence', data: false });
		expect(keepableLesson('/courses/science-of-massage/weighing-the-evidence/__data.json')?.data).toBe(true);
		for (const path of ['/courses/science-of-massage', '/quizzes/3', '/attempts/4/result', '/review', '/account', '/instructor/courses/1/bank', '/admin/users', '/api/progress/heartbeat', '/dashboard']) {
			expect(keepableLesson(path)).toBeNull();
		}
	});

	it('names caches by build version; activation deletes every older build, the new one stays', () => {
		const names = [shellCacheName('v1'), userCacheName('v1', 7), shellCacheName('v2'), userCacheName('v2', 7), 'other-app'];
		expect(staleCaches(names, 'v2')).toEqual([shellCacheName('v1'), userCacheName('v1', 7)]);
		expect(shellCacheName('v2')).toContain('v2');
	});

	it("drops every other user's cache when a page says who is signed in, and all of them after logout", () => {
		const names = [shellCacheName('v1'), userCacheName('v1', 7), userCacheName('v1', 8)];
		expect(otherUsersCaches(names, 'v1', 7)).toEqual([userCacheName('v1', 8)]);
		expect(otherUsersCaches(names, 'v1', null)).toEqual([userCacheName('v1', 7), userCacheName('v1', 8)]);
	});

	it('accepts a late heartbeat within a day, never one from the future', () => {
		const now = new Date('2026-12-03T12:00:00Z');
		expect(heartbeatTime(undefined, now)).toEqual(now);
		expect(heartbeatTime('2026-12-03T02:00:00Z', now)).toEqual(new Date('2026-12-03T02:00:00Z'));
		expect(heartbeatTime('2026-12-03T12:01:00Z', now)).toEqual(now);
		expect(heartbeatTime('2026-12-03T12:30:00Z', now)).toBeNull();
		expect(heartbeatTime('2026-12-02T11:00:00Z', now)).toBeNull();
		expect(heartbeatTime('not a date', now)).toBeNull();
	});
});
