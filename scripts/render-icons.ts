/**
 * Renders the app icons in static/icons/ from the favicon's design with Chromium (playwright-core), so the PNGs
 * browsers ask for (192, 512 and a maskable 512 with its safe-zone padding) stay in step with the logo.
 * Run: npx tsx scripts/render-icons.ts   (writes static/icons/*.png; commit them)
 */
import { chromium } from 'playwright-core';

const ACCENT = '#1f5f5b';
const LETTER = 'M9 10h14v3h-5.5v11h-3V13H9z';

/** A maskable icon fills the whole square; its logo stays inside the central 80% circle that platforms keep. */
function svg(size: number, maskable: boolean): string {
	const logo = maskable
		? `<rect width="32" height="32" fill="${ACCENT}"/><g transform="translate(6.4 6.4) scale(0.6)"><path d="${LETTER}" fill="#fff"/></g>`
		: `<rect width="32" height="32" rx="7" fill="${ACCENT}"/><path d="${LETTER}" fill="#fff"/>`;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">${logo}</svg>`;
}

const icons = [
	{ file: 'icon-192.png', size: 192, maskable: false },
	{ file: 'icon-512.png', size: 512, maskable: false },
	{ file: 'maskable-512.png', size: 512, maskable: true }
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
try {
	for (const icon of icons) {
		const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
		await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg(icon.size, icon.maskable)}`);
		await page.locator('svg').screenshot({ path: `static/icons/${icon.file}`, omitBackground: true });
		await page.close();
	}
} finally {
	await browser.close();
}
console.log(`Wrote ${icons.map((i) => i.file).join(', ')} to static/icons/`);
