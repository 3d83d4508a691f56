/**
 * Issue 26, point 6: the words people type into n8n's node panel find the Starshipit node. The panel's search, as
 * n8n 2.41.1's editor runs it (editor-ui nodeCreator.utils searchNodes → @n8n/utils search/sublimeSearch, then
 * reRankSearchResults with the nodes' popularity), is ported below and applied to our node's display name and codex:
 * it matches the search's letters in order (case-insensitive) in the display name (weight 1.3) or in any codex alias
 * (weight 1), scores adjacency, word starts and leading letters, and adds n8n's popularity (0 to 100) to its own
 * nodes. The node's description is not searched.
 */
import type { INodeTypeDescription } from 'n8n-workflow';

import { Starshipit } from '../../nodes/Starshipit/Starshipit.node';
import codex from '../../nodes/Starshipit/Starshipit.node.json';

// The constants of n8n 2.41.1's bundle (its unmatched-letter penalty is -2.5).
const SEQUENTIAL_BONUS = 60;
const SEPARATOR_BONUS = 38;
const CAMEL_BONUS = 30;
const FIRST_LETTER_BONUS = 15;
const LEADING_LETTER_PENALTY = -20;
const MAX_LEADING_LETTER_PENALTY = -200;
const UNMATCHED_LETTER_PENALTY = -2.5;
const KEYS = [
	{ key: 'displayName', weight: 1.3 },
	{ key: 'alias', weight: 1 },
] as const;

/** Every letter of the search, in order, somewhere in the text. */
function fuzzyMatchSimple(pattern: string, target: string): boolean {
	let patternIndex = 0;
	for (let index = 0; index < target.length && patternIndex < pattern.length; index++) {
		if (pattern.charAt(patternIndex).toLowerCase() === target.charAt(index).toLowerCase())
			patternIndex++;
	}
	return pattern.length !== 0 && target.length !== 0 && patternIndex === pattern.length;
}

/** n8n's fuzzyMatchRecursive (from lib_fts): the best score over the ways the letters can be matched. */
function fuzzyMatchRecursive(
	pattern: string,
	target: string,
	patternIndex: number,
	targetIndex: number,
	sourceMatches: number[] | null,
	matches: number[],
	nextMatch: number,
	recursion: { count: number },
): { matched: boolean; score: number } {
	if (++recursion.count >= 5 || patternIndex === pattern.length || targetIndex === target.length)
		return { matched: false, score: 0 };
	let recursiveMatch = false;
	let bestRecursiveScore = 0;
	let firstMatch = true;
	while (patternIndex < pattern.length && targetIndex < target.length) {
		if (pattern[patternIndex].toLowerCase() === target[targetIndex].toLowerCase()) {
			if (nextMatch >= 256) return { matched: false, score: 0 };
			if (firstMatch && sourceMatches) {
				matches = [...sourceMatches];
				firstMatch = false;
			}
			const recursive = fuzzyMatchRecursive(
				pattern,
				target,
				patternIndex,
				targetIndex + 1,
				matches,
				[],
				nextMatch,
				recursion,
			);
			if (recursive.matched && (!recursiveMatch || recursive.score > bestRecursiveScore))
				bestRecursiveScore = recursive.score;
			recursiveMatch ||= recursive.matched;
			matches[nextMatch++] = targetIndex;
			++patternIndex;
		}
		++targetIndex;
	}
	if (patternIndex !== pattern.length) return { matched: false, score: 0 };
	let score = 100;
	if (!target.toLowerCase().startsWith('n8n'))
		score += Math.max(LEADING_LETTER_PENALTY * matches[0], MAX_LEADING_LETTER_PENALTY);
	score += UNMATCHED_LETTER_PENALTY * (target.length - nextMatch);
	for (let index = 0; index < nextMatch; index++) {
		const current = matches[index];
		if (index > 0 && current === matches[index - 1] + 1) score += SEQUENTIAL_BONUS;
		if (current > 0) {
			const neighbour = target[current - 1];
			if (
				neighbour !== neighbour.toUpperCase() &&
				target[current] !== target[current].toLowerCase()
			)
				score += CAMEL_BONUS;
			if (neighbour === '_' || neighbour === ' ') score += SEPARATOR_BONUS;
		} else {
			score += FIRST_LETTER_BONUS;
		}
	}
	return {
		matched: true,
		score: recursiveMatch && bestRecursiveScore > score ? bestRecursiveScore : score,
	};
}

interface PanelEntry {
	key: string;
	displayName: string;
	alias: string[];
	/** n8n's popularity of its own nodes (0 to 1); none for community nodes. */
	popularity?: number;
}

/** The panel's score of one entry for a search, or undefined when the entry does not match. */
function panelScore(search: string, entry: PanelEntry): number | undefined {
	const filter = search.toLowerCase();
	let best: number | undefined;
	for (const { key, weight } of KEYS) {
		for (const value of key === 'alias' ? entry.alias : [entry.displayName]) {
			if (!fuzzyMatchSimple(filter, value)) continue;
			const { matched, score } = fuzzyMatchRecursive(filter, value, 0, 0, null, [], 0, {
				count: 0,
			});
			if (matched && (best === undefined || score * weight > best)) best = score * weight;
		}
	}
	return best === undefined ? undefined : best + (entry.popularity ?? 0) * 100;
}

const description: INodeTypeDescription = new Starshipit().description;
const starshipit: PanelEntry = {
	key: 'n8n-nodes-starshipit.starshipit',
	displayName: description.displayName,
	alias: (codex as { alias?: string[] }).alias ?? [],
};

/** n8n 2.41.1's own nodes that came before Starshipit for "rates" (display name, aliases and popularity from its editor). */
const N8N_NODES_FOUND_BY_RATES: PanelEntry[] = [
	{
		key: 'n8n-nodes-base.removeDuplicates',
		displayName: 'Remove Duplicates',
		alias: [
			'Dedupe',
			'Deduplicate',
			'Duplicates',
			'Remove',
			'Unique',
			'Transform',
			'Array',
			'List',
			'Item',
		],
		popularity: 0.668,
	},
	{
		key: 'n8n-nodes-base.timeSaved',
		displayName: 'Track Time Saved',
		alias: ['time', 'track', 'saved'],
		popularity: 0.473,
	},
	{
		key: 'n8n-nodes-base.readWriteFile',
		displayName: 'Read/Write Files from Disk',
		alias: [
			'Binary',
			'Binary File',
			'File',
			'Text',
			'Open',
			'Import',
			'Save',
			'Export',
			'Disk',
			'Transfer',
			'Read Binary File',
			'Write Binary File',
		],
		popularity: 0.793,
	},
	{
		key: '@n8n/n8n-nodes-langchain.vectorStoreQdrant',
		displayName: 'Qdrant Vector Store',
		alias: [],
		popularity: 0.638,
	},
];

const SEARCHES = [
	'shipping label',
	'parcel',
	'shipment',
	'create order',
	'shipping rates',
	'rates',
];

describe('the node panel’s search (n8n 2.41.1’s rules) finds the Starshipit node', () => {
	test('the ported search scores as n8n’s does: an exact alias of five letters scores 355, a camel-case display name matches', () => {
		expect(panelScore('rates', { key: 'a', displayName: 'Zzz', alias: ['Rates'] })).toBe(355);
		expect(panelScore('rates', { key: 'b', displayName: 'Zzz', alias: ['Shipping rates'] })).toBe(
			100 - 180 - 22.5 + 4 * 60 + 38,
		);
		expect(panelScore('ship', { key: 'c', displayName: 'StarShip', alias: [] })).toBeDefined();
		expect(
			panelScore('parcel', { key: 'd', displayName: 'Starshipit', alias: ['Shipping'] }),
		).toBeUndefined();
	});

	test.each(SEARCHES)('“%s” finds it', (search) => {
		expect(panelScore(search, starshipit)).toBeDefined();
	});

	test.each(SEARCHES)(
		'“%s” scores as high as an alias can: as if the alias were the search itself',
		(search) => {
			const ceiling = panelScore(search, { key: 'x', displayName: '-', alias: [search] });
			expect(panelScore(search, starshipit)).toBeGreaterThanOrEqual(ceiling!);
		},
	);

	test('“rates”: above the n8n nodes that came before it, except Remove Duplicates, whose display name and popularity an alias cannot pass', () => {
		const ranked = [...N8N_NODES_FOUND_BY_RATES, starshipit]
			.map((entry) => ({ entry, score: panelScore('rates', entry) ?? -Infinity }))
			.sort((a, b) => b.score - a.score)
			.map(({ entry }) => entry.key);
		expect(ranked.slice(0, 2)).toEqual(['n8n-nodes-base.removeDuplicates', starshipit.key]);
	});
});
