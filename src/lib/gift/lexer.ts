// Splits GIFT source into blank-line separated blocks and turns each block into "units": characters that
// remember whether they were escaped and which line they came from, so structure is found only among
// unescaped characters while error messages can still name the right line.

export interface Unit {
	ch: string;
	escaped: boolean;
	line: number;
}

export interface SourceLine {
	/** 1-based line number. */
	line: number;
	text: string;
}

/** One blank-line separated chunk of the source: its comment lines and its content lines. */
export interface Block {
	comments: SourceLine[];
	content: SourceLine[];
}

// GIFT escapes (Moodle's escapedchar_pre) plus "\\" for a literal backslash.
const escapable = new Set(['~', '=', '#', '{', '}', ':', '\\']);

export function splitBlocks(source: string): Block[] {
	const lines = source.split(/\r\n|\r|\n/);
	const blocks: Block[] = [];
	let current: Block = { comments: [], content: [] };
	const flush = () => {
		if (current.comments.length > 0 || current.content.length > 0) blocks.push(current);
		current = { comments: [], content: [] };
	};
	lines.forEach((text, index) => {
		const trimmed = text.trim();
		if (trimmed === '') flush();
		else if (trimmed.startsWith('//')) current.comments.push({ line: index + 1, text: trimmed });
		else current.content.push({ line: index + 1, text });
	});
	flush();
	return blocks;
}

export function lexLines(lines: SourceLine[]): Unit[] {
	const units: Unit[] = [];
	lines.forEach(({ line, text }, lineIndex) => {
		if (lineIndex > 0) units.push({ ch: '\n', escaped: false, line });
		for (let i = 0; i < text.length; i++) {
			const ch = text[i];
			const next = text[i + 1];
			if (ch === '\\' && next !== undefined && (escapable.has(next) || next === 'n')) {
				units.push({ ch: next === 'n' ? '\n' : next, escaped: true, line });
				i++;
			} else {
				units.push({ ch, escaped: false, line });
			}
		}
	});
	return units;
}

/** Index of the first unescaped occurrence of token at or after from, or -1. */
export function findUnescaped(units: Unit[], token: string, from = 0): number {
	for (let i = Math.max(0, from); i + token.length <= units.length; i++) {
		if (matchesAt(units, token, i)) return i;
	}
	return -1;
}

export function findLastUnescaped(units: Unit[], token: string): number {
	for (let i = units.length - token.length; i >= 0; i--) {
		if (matchesAt(units, token, i)) return i;
	}
	return -1;
}

function matchesAt(units: Unit[], token: string, at: number): boolean {
	for (let k = 0; k < token.length; k++) {
		const unit = units[at + k];
		if (!unit || unit.escaped || unit.ch !== token[k]) return false;
	}
	return true;
}

/**
 * Splits before every unescaped marker character; each part after the first starts with its marker.
 * The first part holds whatever came before the first marker (often empty).
 */
export function splitBeforeMarkers(units: Unit[], markers: string): Unit[][] {
	const parts: Unit[][] = [[]];
	for (const unit of units) {
		if (!unit.escaped && markers.includes(unit.ch)) parts.push([]);
		parts[parts.length - 1].push(unit);
	}
	return parts;
}

/** Splits at the first `limit - 1` unescaped occurrences of a single-character separator (dropped). */
export function splitAtUnescaped(units: Unit[], separator: string, limit = Infinity): Unit[][] {
	const parts: Unit[][] = [[]];
	for (const unit of units) {
		if (!unit.escaped && unit.ch === separator && parts.length < limit) parts.push([]);
		else parts[parts.length - 1].push(unit);
	}
	return parts;
}

export function trimUnits(units: Unit[]): Unit[] {
	let start = 0;
	let end = units.length;
	while (start < end && isBlank(units[start])) start++;
	while (end > start && isBlank(units[end - 1])) end--;
	return units.slice(start, end);
}

// Only unescaped whitespace is trimmed: an escaped "\n" at the edge is still trimmed as text later.
function isBlank(unit: Unit): boolean {
	return !unit.escaped && /\s/.test(unit.ch);
}

export function unitsToText(units: Unit[]): string {
	return units.map((unit) => unit.ch).join('');
}

/** Line of the first unit, or of the fallback when the slice is empty. */
export function lineOf(units: Unit[], fallback: number): number {
	return units.length > 0 ? units[0].line : fallback;
}
