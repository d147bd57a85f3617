import type { ParamMatcher } from '@sveltejs/kit';

/** A database id in a URL: a positive whole number without sign, leading zeros or exponent, up to 15 digits. */
export const match: ParamMatcher = (param) => /^[1-9][0-9]{0,14}$/.test(param);
