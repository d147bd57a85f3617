import { describe, expect, it } from 'vitest';
import { parseByteSize, parseConfig } from './config';

describe('parseConfig', () => {
	it('runs with no environment at all: embedded database on port 3000', () => {
		const c = parseConfig({});
		expect(c.DATABASE_URL).toBe('file:data/touchstone.db');
		expect(c.PORT).toBe(3000);
		expect(c.ORIGIN).toBe('http://localhost:3000');
	});

	it('derives ORIGIN from PORT unless ORIGIN is set', () => {
		expect(parseConfig({ PORT: '4123' }).ORIGIN).toBe('http://localhost:4123');
		expect(parseConfig({ PORT: '4123', ORIGIN: 'https://learn.example.org' }).ORIGIN).toBe('https://learn.example.org');
	});

	it('names the variable that is wrong', () => {
		expect(() => parseConfig({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL/);
		expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/PORT/);
		expect(() => parseConfig({ SMTP_URL: 'mail.example.org' })).toThrow(/SMTP_URL/);
	});

	it('runs the mail jobs every 300 s unless JOBS_INTERVAL_SECONDS says otherwise (0 = off)', () => {
		expect(parseConfig({}).JOBS_INTERVAL_SECONDS).toBe(300);
		expect(parseConfig({ JOBS_INTERVAL_SECONDS: '0' }).JOBS_INTERVAL_SECONDS).toBe(0);
		expect(() => parseConfig({ JOBS_INTERVAL_SECONDS: '-5' })).toThrow(/JOBS_INTERVAL_SECONDS/);
		expect(() => parseConfig({ JOBS_INTERVAL_SECONDS: 'often' })).toThrow(/JOBS_INTERVAL_SECONDS/);
	});

	it('accepts libSQL server URLs with a token', () => {
		const c = parseConfig({ DATABASE_URL: 'libsql://db.example.turso.io', DATABASE_AUTH_TOKEN: 't' });
		expect(c.DATABASE_URL).toBe('libsql://db.example.turso.io');
		expect(c.DATABASE_AUTH_TOKEN).toBe('t');
	});

	it('reads BODY_SIZE_LIMIT as adapter-node does', () => {
		expect(parseConfig({}).BODY_SIZE_LIMIT).toBe(512 * 1024);
		expect(parseConfig({ BODY_SIZE_LIMIT: '3M' }).BODY_SIZE_LIMIT).toBe(3 * 1024 * 1024);
		expect(parseByteSize('512k')).toBe(512 * 1024);
		expect(parseByteSize('1G')).toBe(1024 ** 3);
		expect(parseByteSize('1000')).toBe(1000);
		expect(parseByteSize('Infinity')).toBe(Infinity);
		expect(() => parseConfig({ BODY_SIZE_LIMIT: 'lots' })).toThrow(/BODY_SIZE_LIMIT/);
		expect(() => parseConfig({ BODY_SIZE_LIMIT: '-1M' })).toThrow(/BODY_SIZE_LIMIT/);
	});
});
