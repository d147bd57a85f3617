import { parseConfig } from './config';

// Read from process.env (not $env/dynamic/private) so the operator CLI scripts share the same validation.
export const config = parseConfig(process.env);
export const dev = config.NODE_ENV !== 'production';
