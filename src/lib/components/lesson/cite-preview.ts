import type { Attachment } from 'svelte/attachments';

// A citation's preview: hovering, focusing or tapping a numbered citation shows its entry from the lesson's
// reference list in a tooltip beside it, which describes the link (aria-describedby) while open. One delegated
// set of listeners for the whole article, so the lesson's static HTML needs no script of its own. It is never
// focusable (focus stays on the link), closes on Escape, on blur and when the pointer leaves both link and
// tooltip; without JavaScript the citation is a plain link to the reference. A tap opens the preview first and
// a second tap follows the link; a click or Enter follows it at once.

const CITATION = 'sup.cite a[href^="#ref-"]';
const HIDE_AFTER_MS = 300;
let previews = 0;

export const citePreview: Attachment<HTMLElement> = (root) => {
	const tip = document.createElement('span');
	tip.id = `cite-preview-${++previews}`;
	tip.setAttribute('role', 'tooltip');
	tip.className = 'cite-preview';
	let current: HTMLAnchorElement | null = null;
	let hideTimer: ReturnType<typeof setTimeout> | undefined;
	let tapOpens = false;

	const citationOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLAnchorElement>(CITATION) : null);

	function referenceText(link: HTMLAnchorElement): string | null {
		const entry = document.getElementById(decodeURIComponent(link.hash.slice(1)));
		const text = entry?.querySelector('[data-ref-text]')?.textContent ?? null;
		return text && text.replace(/\s+/g, ' ').trim();
	}

	function show(link: HTMLAnchorElement) {
		clearTimeout(hideTimer);
		if (current === link) return;
		hide();
		const text = referenceText(link);
		if (!text) return;
		tip.textContent = text;
		// Opens toward the side with more room; positioned by classes only (the CSP allows no inline styles to rely on).
		tip.classList.toggle('cite-preview-end', link.getBoundingClientRect().left > document.documentElement.clientWidth / 2);
		link.after(tip);
		link.setAttribute('aria-describedby', tip.id);
		current = link;
	}

	function hide() {
		clearTimeout(hideTimer);
		current?.removeAttribute('aria-describedby');
		tip.remove();
		current = null;
	}

	const hideSoon = () => {
		clearTimeout(hideTimer);
		hideTimer = setTimeout(hide, HIDE_AFTER_MS);
	};

	function over(event: PointerEvent) {
		const link = citationOf(event.target);
		if (link && event.pointerType !== 'touch') show(link);
		else if (current && tip.contains(event.target as Node)) clearTimeout(hideTimer);
	}

	function out(event: PointerEvent) {
		if (!current || event.pointerType === 'touch') return;
		const to = event.relatedTarget as Node | null;
		if (to && (current.contains(to) || tip.contains(to))) return;
		if (current.contains(event.target as Node) || tip.contains(event.target as Node)) hideSoon();
	}

	function down(event: PointerEvent) {
		const link = citationOf(event.target);
		tapOpens = !!link && event.pointerType === 'touch' && current !== link;
	}

	function click(event: MouseEvent) {
		const link = citationOf(event.target);
		if (!link) return;
		if (tapOpens) {
			event.preventDefault();
			show(link);
		} else hide();
		tapOpens = false;
	}

	const focusIn = (event: FocusEvent) => {
		const link = citationOf(event.target);
		if (link) show(link);
	};
	const focusOut = (event: FocusEvent) => {
		if (current && event.target === current) hide();
	};
	const key = (event: KeyboardEvent) => {
		if (event.key === 'Escape' && current) hide();
	};

	root.addEventListener('pointerover', over);
	root.addEventListener('pointerout', out);
	root.addEventListener('pointerdown', down);
	root.addEventListener('click', click);
	root.addEventListener('focusin', focusIn);
	root.addEventListener('focusout', focusOut);
	document.addEventListener('keydown', key);
	return () => {
		hide();
		root.removeEventListener('pointerover', over);
		root.removeEventListener('pointerout', out);
		root.removeEventListener('pointerdown', down);
		root.removeEventListener('click', click);
		root.removeEventListener('focusin', focusIn);
		root.removeEventListener('focusout', focusOut);
		document.removeEventListener('keydown', key);
	};
};
