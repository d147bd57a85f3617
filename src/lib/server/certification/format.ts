// Certificates only: NCBTMB rejects certificates that do not write the approved hours as "CEs" (never "CEUs"),
// so certificate PDFs keep its wording while every page uses "CE hours" ($lib/format).
/** CE hours as NCBTMB wants them written: "2.5 CEs", "1 CE" (never "CEUs"). Rounded to hundredths. */
export function formatCeHours(hours: number): string {
	if (!Number.isFinite(hours) || hours < 0) throw new RangeError('CE hours must be a non-negative number');
	const rounded = Math.round(hours * 100) / 100;
	return `${rounded} ${rounded === 1 ? 'CE' : 'CEs'}`;
}
