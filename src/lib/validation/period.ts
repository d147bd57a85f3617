// A reporting period from the address (?from=YYYY-MM-DD&to=YYYY-MM-DD); by default the last 12 months.

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const real = (v: string | null) => !!v && ISO.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

export function readPeriod(params: URLSearchParams, now = new Date()): { from: string; to: string } {
	const to = real(params.get('to')) ? params.get('to')! : now.toISOString().slice(0, 10);
	const yearBefore = new Date(Date.parse(`${to}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
	const from = real(params.get('from')) ? params.get('from')! : yearBefore;
	return from <= to ? { from, to } : { from: to, to: from };
}
