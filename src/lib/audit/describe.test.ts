import { describe, expect, it } from 'vitest';
import { describeAuditEvent, emptyAuditNames, findAuditRefs } from './describe';

const names = emptyAuditNames();
names.user.set(7, 'Ines Instructor').set(8, 'Sam Student');
names.course.set(1, 'The Science of Massage');
names.quiz.set(3, 'Lactate check');
names.certificate.set(5, 'TS-AB12 (Sam Student)').set(6, 'TS-CD34 (Sam Student)');

const say = (action: string, target: string | null, detail: string | null = null) => describeAuditEvent({ action, target, detail }, names);

describe('audit events in words', () => {
	it('names the instructor and the course of an assignment', () => {
		expect(say('course.assign', 'course:1', 'assigned user:7')).toBe('Assigned Ines Instructor to The Science of Massage');
		expect(say('course.assign', 'course:1', 'unassigned user:7')).toBe('Unassigned Ines Instructor from The Science of Massage');
	});

	it('names the account whose role changed', () => {
		expect(say('role.change', 'user:8', 'student -> instructor')).toBe('Changed Sam Student’s role from student to instructor');
	});

	it('names quizzes and certificate holders', () => {
		expect(say('quiz.publish', 'quiz:3', 'published')).toBe('Published the quiz “Lactate check”');
		expect(say('quiz.delete', 'quiz:3', 'Old title')).toBe('Deleted the quiz “Old title”');
		expect(say('certificate.revoke', 'certificate:5', 'Name misspelt')).toBe('Revoked certificate TS-AB12 (Sam Student). Reason: Name misspelt');
		expect(say('certificate.reissue', 'certificate:5', 'replaced by certificate:6')).toBe('Reissued certificate TS-AB12 (Sam Student) as TS-CD34 (Sam Student)');
		expect(say('user.create', 'user:7', 'role instructor')).toBe('Created an instructor account for Ines Instructor');
	});

	it('says honestly when a record has been deleted', () => {
		expect(say('course.assign', 'course:1', 'assigned user:12')).toBe('Assigned user #12 (deleted) to The Science of Massage');
		expect(say('quiz.publish', 'quiz:99', 'unpublished')).toBe('Unpublished the quiz “quiz #99 (deleted)”');
	});

	it('finds every reference in the target and the detail, for one batched lookup', () => {
		expect(findAuditRefs({ action: 'course.assign', target: 'course:1', detail: 'assigned user:7' })).toEqual([
			{ kind: 'course', id: 1 },
			{ kind: 'user', id: 7 }
		]);
		expect(findAuditRefs({ action: 'admin.denied', target: '/admin/users', detail: null })).toEqual([]);
	});
});
