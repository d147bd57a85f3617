// Touchstone's comment conventions: "// cite: key", "// tags: a, b" and "// points: 2" before a question.
// Moodle ignores comment lines, so files stay importable there.
import type { SourceLine } from './lexer';
import type { GiftError } from './syntax';

export interface Metadata {
	cite?: string;
	tags: string[];
	points?: number;
	/** Line of the first convention comment not yet attached to a question. */
	firstLine?: number;
	citeLine?: number;
}

export function createMetadata(): Metadata {
	return { tags: [] };
}

const conventionPattern = /^\/\/\s*(cite|tags|points)\s*:(.*)$/i;

/** Adds the conventions found in comment lines to metadata; other comments are ignored. */
export function readMetadata(comments: SourceLine[], metadata: Metadata, errors: GiftError[]): void {
	for (const { line, text } of comments) {
		const match = text.match(conventionPattern);
		if (!match) continue;
		const key = match[1].toLowerCase();
		const value = match[2].trim();
		metadata.firstLine ??= line;
		if (key === 'cite') readCite(value, line, metadata, errors);
		else if (key === 'tags') readTags(value, metadata);
		else readPoints(value, line, metadata, errors);
	}
}

function readCite(value: string, line: number, metadata: Metadata, errors: GiftError[]): void {
	if (value === '') {
		errors.push({ line, message: 'expected a bibliography key after "// cite:"' });
	} else if (metadata.cite !== undefined) {
		const message = `expected one "// cite:" per question; "${metadata.cite}" was already given on line ${metadata.citeLine}`;
		errors.push({ line, message });
	} else {
		metadata.cite = value;
		metadata.citeLine = line;
	}
}

function readTags(value: string, metadata: Metadata): void {
	for (const tag of value.split(',')) {
		const trimmed = tag.trim();
		if (trimmed !== '' && !metadata.tags.includes(trimmed)) metadata.tags.push(trimmed);
	}
}

function readPoints(value: string, line: number, metadata: Metadata, errors: GiftError[]): void {
	const points = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
	if (!(points > 0)) {
		errors.push({ line, message: `expected a positive number after "// points:" but found "${value}"` });
	} else {
		metadata.points = points;
	}
}
