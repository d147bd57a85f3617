import { describe, it, expect } from 'vitest';
import { parseGift, stripParseInfo } from './parse';

/** Parses a source expected to hold exactly one valid question. */
function parseOne(source: string) {
	const { questions, errors } = parseGift(source);
	expect(errors).toEqual([]);
	expect(questions).toHaveLength(1);
	return questions[0];
}

describe('parseGift: multiple choice', () => {
	it('reads =, ~, weights, per-answer feedback and general feedback', () => {
		const q = parseOne(`::Q1::[markdown]Which muscle flexes the hip? {
  =Iliopsoas #Right: it is the prime mover
  ~Gluteus maximus #It extends the hip
  ~%50%Rectus femoris #Partly
  ####Iliopsoas is the main hip flexor.
}`);
		expect(stripParseInfo(q)).toEqual({
			type: 'single',
			title: 'Q1',
			text: 'Which muscle flexes the hip?',
			points: 1,
			tags: [],
			explanation: 'Iliopsoas is the main hip flexor.',
			choices: [
				{ id: 'a', text: 'Iliopsoas', weight: 100, feedback: 'Right: it is the prime mover' },
				{ id: 'b', text: 'Gluteus maximus', weight: 0, feedback: 'It extends the hip' },
				{ id: 'c', text: 'Rectus femoris', weight: 50, feedback: 'Partly' }
			]
		});
		expect(q.line).toBe(1);
	});

	it('is multiple response when there is no "=", with negative weights', () => {
		const q = parseOne('Pick the evidence-based claims. {~%50%A ~%50%B ~%-100%C ~D}');
		expect(q.type).toBe('multiple');
		if (q.type !== 'multiple') return;
		expect(q.choices.map((c) => [c.id, c.weight])).toEqual([['a', 50], ['b', 50], ['c', -100], ['d', 0]]);
	});

	it('accepts decimal weights and "=%w%"', () => {
		const q = parseOne('Q {~%33.333%A ~%33.333%B ~%33.334%C ~%-100%D}');
		if (q.type !== 'multiple') throw new Error('expected multiple');
		expect(q.choices[0].weight).toBeCloseTo(33.333);
		const single = parseOne('Q {=%75%A ~B}');
		if (single.type !== 'single') throw new Error('expected single');
		expect(single.choices[0].weight).toBe(75);
	});

	it('reads the missing-word format as one text with a blank', () => {
		const q = parseOne("Grant is {~buried =entombed ~living} in Grant's tomb.");
		expect(q.text).toBe("Grant is _____ in Grant's tomb.");
		expect(q.type).toBe('single');
	});

	it('ids run a, b, ... z, aa', () => {
		const answers = Array.from({ length: 28 }, (_, i) => (i === 0 ? '=x0' : `~x${i}`)).join(' ');
		const q = parseOne(`Many {${answers}}`);
		if (q.type !== 'single') throw new Error('expected single');
		expect(q.choices.map((c) => c.id).slice(24)).toEqual(['y', 'z', 'aa', 'ab']);
	});
});

describe('parseGift: true/false', () => {
	it.each([
		['{T}', true],
		['{TRUE}', true],
		['{F}', false],
		['{FALSE}', false],
		['{true}', true]
	])('%s', (block, answer) => {
		const q = parseOne(`Massage flushes lactate. ${block}`);
		expect(q).toMatchObject({ type: 'truefalse', answer });
	});

	it('reads wrong and right feedback in that order', () => {
		const q = parseOne('Massage flushes lactate. {F#No: it clears faster with active recovery.#Right.####Wiltshire 2010.}');
		expect(stripParseInfo(q)).toEqual({
			type: 'truefalse',
			text: 'Massage flushes lactate.',
			answer: false,
			feedbackWrong: 'No: it clears faster with active recovery.',
			feedbackRight: 'Right.',
			explanation: 'Wiltshire 2010.',
			points: 1,
			tags: []
		});
	});
});

describe('parseGift: short answer', () => {
	it('reads several answers with weights and feedback', () => {
		const q = parseOne("Who's buried in Grant's tomb? {=nobody =no one =%50%Grant#Half: he is entombed}");
		expect(q).toMatchObject({
			type: 'short',
			answers: [
				{ text: 'nobody', weight: 100 },
				{ text: 'no one', weight: 100 },
				{ text: 'Grant', weight: 50, feedback: 'Half: he is entombed' }
			]
		});
	});
});

describe('parseGift: numeric', () => {
	it('reads value:tolerance', () => {
		const q = parseOne('When was Grant born? {#1822:5}');
		expect(q).toMatchObject({ type: 'numeric', answers: [{ kind: 'tolerance', value: 1822, tolerance: 5, weight: 100 }] });
	});

	it('reads a range and negative decimals', () => {
		expect(parseOne('Pick 1 to 5. {#1..5}')).toMatchObject({ answers: [{ kind: 'range', min: 1, max: 5 }] });
		expect(parseOne('Cold. {#-5.5..-1}')).toMatchObject({ answers: [{ kind: 'range', min: -5.5, max: -1 }] });
		expect(parseOne('Exact. {#3.5}')).toMatchObject({ answers: [{ kind: 'tolerance', value: 3.5, tolerance: 0 }] });
	});

	it('reads several weighted answers with feedback', () => {
		const q = parseOne('Ten. {#=%100%10:0#Exact =%50%10:2#Close}');
		expect(stripParseInfo(q)).toMatchObject({
			type: 'numeric',
			answers: [
				{ kind: 'tolerance', value: 10, tolerance: 0, weight: 100, feedback: 'Exact' },
				{ kind: 'tolerance', value: 10, tolerance: 2, weight: 50, feedback: 'Close' }
			]
		});
	});
});

describe('parseGift: matching', () => {
	it('reads pairs and distractors', () => {
		const q = parseOne('Match capitals. {=Canada -> Ottawa =Italy -> Rome =Japan->Tokyo = -> Paris}');
		expect(q).toMatchObject({
			type: 'matching',
			pairs: [
				{ id: 'm1', prompt: 'Canada', answer: 'Ottawa' },
				{ id: 'm2', prompt: 'Italy', answer: 'Rome' },
				{ id: 'm3', prompt: 'Japan', answer: 'Tokyo' },
				{ id: 'm4', prompt: '', answer: 'Paris' }
			]
		});
	});
});

describe('parseGift: text, escapes and conventions', () => {
	it('unescapes \\~ \\= \\# \\{ \\} \\: \\n and \\\\', () => {
		const q = parseOne('Is a \\{b\\} \\~ c \\= d \\# e \\: f\\ng \\\\ h? {T}');
		expect(q.text).toBe('Is a {b} ~ c = d # e : f\ng \\ h?');
	});

	it('keeps escaped markers inside answers as text', () => {
		const q = parseOne('Q {=a \\= b \\~ c#why \\# not ~d\\: e}');
		expect(q).toMatchObject({ choices: [{ text: 'a = b ~ c', feedback: 'why # not' }, { text: 'd: e' }] });
	});

	it('strips format markers from texts and feedback', () => {
		const q = parseOne('::T::[html]<b>Bold</b> {=[plain]yes#[moodle]fine ~[markdown]no}');
		expect(q).toMatchObject({ text: '<b>Bold</b>', choices: [{ text: 'yes', feedback: 'fine' }, { text: 'no' }] });
	});

	it('attaches cite, tags and points to the next question and resets after it', () => {
		const { questions, errors } = parseGift(`// cite: wiltshire2010
// tags: lactate, circulation
// points: 2
// a plain comment is ignored
Lactate question {T}

Next question {F}`);
		expect(errors).toEqual([]);
		expect(questions[0]).toMatchObject({ cite: 'wiltshire2010', tags: ['lactate', 'circulation'], points: 2, line: 5 });
		expect(questions[1].cite).toBeUndefined();
		expect(questions[1]).toMatchObject({ tags: [], points: 1, line: 7 });
	});

	it('keeps a convention comment separated by a blank line for the next question', () => {
		const { questions } = parseGift('// cite: furlan2015\n\n\nQ {T}');
		expect(questions[0]).toMatchObject({ cite: 'furlan2015', line: 4 });
	});

	it('applies $CATEGORY to the following questions', () => {
		const { questions, errors } = parseGift(`Before {T}

$CATEGORY: top/Anatomy/Fascia

A {T}

B {F}

$CATEGORY: top/Physiology
C {T}`);
		expect(errors).toEqual([]);
		expect(questions.map((q) => q.category)).toEqual([undefined, 'top/Anatomy/Fascia', 'top/Anatomy/Fascia', 'top/Physiology']);
		expect(questions[3].line).toBe(10);
	});

	it('keeps multi-line text and indented answers, and handles CRLF', () => {
		const q = parseOne('First line\r\nsecond line {\r\n\t=yes\r\n\t~no\r\n}\r\n');
		expect(q.text).toBe('First line\nsecond line');
		expect(q.type).toBe('single');
	});

	it('does not treat // inside a line as a comment', () => {
		expect(parseOne('See https://example.org {T}').text).toBe('See https://example.org');
	});
});

describe('parseGift: titles', () => {
	it('unescapes titles and keeps them as plain names', () => {
		expect(parseOne('::kc\\:lactate [html]::Text {T}').title).toBe('kc:lactate [html]');
		expect(parseOne(':::: Text {T}').title).toBeUndefined();
	});
});
