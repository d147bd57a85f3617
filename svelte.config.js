import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import rehypeSlug from 'rehype-slug';
import { injectLessonComponents } from './scripts/lesson-preprocess.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [
		vitePreprocess(),
		mdsvex({ extensions: ['.md'], rehypePlugins: [rehypeSlug] }),
		injectLessonComponents()
	],
	compilerOptions: {
		// Runes everywhere in our own code; lesson Markdown compiles in the mode mdsvex emits.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') || filename.endsWith('.md') ? undefined : true)
	},
	kit: {
		// BUILD_DIR and KIT_OUT_DIR let parallel work (or CI jobs) build side by side without clobbering each other.
		adapter: adapter({ out: process.env.BUILD_DIR || 'build' }),
		outDir: process.env.KIT_OUT_DIR || '.svelte-kit',
		alias: { $lessons: 'lessons' },
		// Cross-site form posts are refused by src/hooks/csrf.ts instead, which lets mail clients' RFC 8058
		// one-click unsubscribe POST (no Origin header) reach /unsubscribe/[token].
		csrf: { trustedOrigins: ['*'] },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				// The offline service worker (src/service-worker.ts) and the install manifest.
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
