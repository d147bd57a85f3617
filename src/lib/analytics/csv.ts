// CSV export per RFC 4180, hardened against spreadsheet formula injection (CWE-1236).

export type CsvCell = string | number | null;

/** Leading characters that make Excel, LibreOffice or Google Sheets treat a text cell as a formula. */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Records are joined with CRLF and the output ends with CRLF (none for no rows). null is an empty field; numbers are
 * written as numbers (a negative number stays `-5`), and a non-finite number becomes an empty field. A text cell
 * starting with = + - @ tab or CR gets a leading `'` so spreadsheets show it as text; then any field containing a
 * comma, double quote, CR or LF is quoted with its quotes doubled.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
	return rows.map((row) => row.map(formatCell).join(',') + '\r\n').join('');
}

function formatCell(cell: CsvCell): string {
	if (cell === null || cell === undefined) return '';
	let text: string;
	if (typeof cell === 'number') {
		text = Number.isFinite(cell) ? String(cell) : '';
	} else {
		text = FORMULA_TRIGGERS.has(cell.charAt(0)) ? `'${cell}` : cell;
	}
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
