// Svelte preprocessor that runs after mdsvex on lesson Markdown: it imports the lesson components a file uses,
// so authors write `<Cite key="..." />` without a script block.
const components = {
	Cite: '$lib/components/lesson/Cite.svelte',
	Claim: '$lib/components/lesson/Claim.svelte',
	GradeRuleTable: '$lib/components/lesson/GradeRuleTable.svelte',
	KnowledgeCheck: '$lib/components/lesson/slots/KnowledgeCheckSlot.svelte',
	EffectSizeExplorer: '$lib/components/lesson/slots/EffectSizeExplorerSlot.svelte',
	TrialAppraisal: '$lib/components/lesson/slots/TrialAppraisalSlot.svelte'
};

/** @returns {import('svelte/compiler').PreprocessorGroup} */
export function injectLessonComponents() {
	return {
		name: 'touchstone-lesson-components',
		markup({ content, filename }) {
			if (!filename?.endsWith('.md')) return;
			const used = Object.entries(components).filter(([name]) => new RegExp(`<${name}\\b`).test(content));
			if (used.length === 0) return;
			const imports = used.map(([name, path]) => `import ${name} from '${path}';`).join('\n');
			const instance = /<script(?![^>]*\b(context="module"|module)\b)[^>]*>/.exec(content);
			if (instance) {
				const at = instance.index + instance[0].length;
				return { code: `${content.slice(0, at)}\n${imports}\n${content.slice(at)}` };
			}
			return { code: `<script>\n${imports}\n</script>\n${content}` };
		}
	};
}
