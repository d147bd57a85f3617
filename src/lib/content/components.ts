import type { Component } from 'svelte';

// Compiled lesson and course bodies (mdsvex), loaded lazily so each page ships only its own lesson.
const bodies = import.meta.glob<{ default: Component }>(['/lessons/*/index.md', '/lessons/*/*/index.md']);

export async function loadBody(file: string): Promise<Component> {
	const load = bodies[file];
	if (!load) throw new Error(`No compiled body for ${file}`);
	return (await load()).default;
}
