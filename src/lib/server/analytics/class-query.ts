// The class view's query string: ?q= (name or email contains), sort=name|activity|lessons, dir=asc|desc, page=.
// Pure, so the page, the CSV export and the tests read it the same way.

export const CLASS_PAGE_SIZE = 50;
export const classSorts = ['name', 'activity', 'lessons'] as const;
export type ClassSort = (typeof classSorts)[number];
export type SortDirection = 'asc' | 'desc';

export interface ClassQuery {
	q: string;
	sort: ClassSort;
	dir: SortDirection;
	page: number;
}

/** Names sort A to Z first; activity and lessons completed put the most first. */
export const defaultDirection: Record<ClassSort, SortDirection> = { name: 'asc', activity: 'desc', lessons: 'desc' };

/** Reads ?q=&sort=&dir=&page= leniently: anything unknown falls back to the default. */
export function parseClassQuery(params: URLSearchParams): ClassQuery {
	const sortParam = params.get('sort');
	const sort: ClassSort = classSorts.includes(sortParam as ClassSort) ? (sortParam as ClassSort) : 'name';
	const dirParam = params.get('dir');
	const dir: SortDirection = dirParam === 'asc' || dirParam === 'desc' ? dirParam : defaultDirection[sort];
	const page = Math.max(1, Math.min(100_000, Math.floor(Number(params.get('page'))) || 1));
	return { q: (params.get('q') ?? '').trim().slice(0, 254), sort, dir, page };
}

