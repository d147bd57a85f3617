import { describe, expect, it } from 'vitest';
import { selfReportSchema } from './certification';

const entry = { provider: 'Elsewhere', title: 'Ethics workshop', earnedOn: '2025-01-01', hours: '1.5', category: 'ethics', format: 'in-person' };

describe('self-reported ledger entries', () => {
	it('refuse a provider or course title with a text-direction override or a control character', () => {
		expect(selfReportSchema.safeParse({ ...entry, provider: 'Else\u202Ewhere' }).error?.issues[0].message).toBe(
			'The provider cannot contain control characters or text-direction overrides.'
		);
		expect(selfReportSchema.safeParse({ ...entry, title: 'Ethics\u0000' }).error?.issues[0].message).toBe(
			'The course title cannot contain control characters or text-direction overrides.'
		);
	});

	it('accept every script', () => {
		expect(selfReportSchema.safeParse({ ...entry, provider: 'Académie 山田', title: 'أخلاقيات المهنة' }).success).toBe(true);
	});
});
