import { PASSWORD_MAX, PASSWORD_MIN } from '$lib/auth/limits';
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const argonOptions = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
	return hash(password, argonOptions);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

export { PASSWORD_MAX, PASSWORD_MIN };

const zxcvbn = new ZxcvbnFactory({
	dictionary: { ...common.dictionary, ...english.dictionary },
	graphs: common.adjacencyGraphs,
	translations: english.translations
});

/** Names and emails as zxcvbn dictionary words: whole, squashed ("Ada Lovelace" → "adalovelace") and split. */
function personalWords(inputs: string[]): string[] {
	const words = new Set<string>();
	for (const input of inputs.filter(Boolean).map((i) => i.toLowerCase())) {
		words.add(input);
		const local = input.split('@')[0];
		words.add(local.replace(/[^\p{L}\p{N}]+/gu, ''));
		for (const part of local.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
	}
	return [...words];
}

/** null when acceptable, else a message saying what is wrong. Personal details count as easily guessed. */
export function checkPasswordStrength(password: string, personal: string[] = []): string | null {
	if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
	if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
	const result = zxcvbn.check(password, personalWords(personal));
	if (result.score >= 3) return null;
	const warning = result.feedback.warning ? `${result.feedback.warning} ` : '';
	return `This password is too easy to guess. ${warning}Try a longer phrase of several unrelated words.`;
}
