import { spawn } from 'node:child_process';
import { createClient } from '@libsql/client';
import { hash } from '@node-rs/argon2';
import { seedDatabase } from './seed';
import { writeFileSync, rmSync, mkdirSync } from 'node:fs';
rmSync('/tmp/bench1', { recursive: true, force: true }); mkdirSync('/tmp/bench1');
const env = { ...process.env, NODE_ENV: 'production', PORT: '4999', HOST: '127.0.0.1', ORIGIN: 'http://127.0.0.1:4999', DATABASE_URL: 'file:/tmp/bench1/bench.db', LOG_REQUESTS: '0' };
const s = spawn(process.execPath, ['build/index.js'], { env, stdio: 'inherit' });
for (let i = 0; i < 100; i++) { try { if ((await fetch('http://127.0.0.1:4999/healthz')).ok) break; } catch {} await new Promise(r => setTimeout(r, 200)); }
s.kill(); await new Promise(r => s.once('exit', r));
const c = createClient({ url: 'file:/tmp/bench1/bench.db' });
const r = await seedDatabase(c, 2000, await hash('x'));
writeFileSync('/tmp/bench1/seed.json', JSON.stringify({ token: r.sessions[5], instr: r.instructorToken, quiz: r.analyticsQuizId, lesson: r.lessonPath, code: r.certificateCodes[0], open: r.openAttempts }));
c.close();
