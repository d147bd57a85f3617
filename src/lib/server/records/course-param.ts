// The course an admin picked on /admin/records (?course=<slug>), or null.

import { eq } from 'drizzle-orm';
import { db, table } from '../db';

export async function courseFromParam(params: URLSearchParams) {
	const slug = params.get('course') ?? '';
	if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
	const [course] = await db.select({ id: table.courses.id, slug: table.courses.slug, title: table.courses.title }).from(table.courses).where(eq(table.courses.slug, slug));
	return course ?? null;
}
