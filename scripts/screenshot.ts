/**
 * `npm run screenshot` (with `npm start` running): logs in to the demo n8n in Debian's headless Chromium
 * (package `chromium`), presses the big "Execute workflow" button of each template as a new user would and checks
 * that it runs the sample data at once (no "waiting for trigger event", a successful run in n8n's executions),
 * then saves the pattern-2 and WooCommerce (8) workflows, after their runs, to docs/. Exits non-zero if a template
 * does not run green. TEMPLATES=2,3 checks only those (and skips the node panel); TEMPLATES=none only the node panel.
 * Template 9 is not in the default list: the demo has no Shopify store, so it waits for a Shopify credential.
 */
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

import { DEMO_OWNER } from './demo-owner';

const base = `http://127.0.0.1:${process.env.N8N_PORT ?? 5678}`;
const only = process.env.TEMPLATES;
/** Template number to workflow id (template 8's id names its shop). */
const workflowIdOf = (number: string) =>
	number === '8' ? 'starshipitWoo8' : `starshipitTpl${number}`;
const templates =
	only === 'none'
		? []
		: (only ?? '0,1,2,3,4,5,6,7,8').split(',').map((number) => workflowIdOf(number.trim()));
/** The workflows saved to docs/ after their first click. */
const SAVED: Record<string, string> = {
	starshipitTpl2: 'starshipit-nodes-in-n8n.png',
	starshipitWoo8: 'template-8-woocommerce-in-n8n.png',
};

/** The newest run of a workflow, from n8n's executions list (the browser's own session). */
async function latestRun(
	page: Page,
	workflowId: string,
): Promise<{ id: string; status: string } | undefined> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	// The session cookie is bound to the browser's id, which the editor sends as a header: do the same.
	const browserId = await page.evaluate(
		() =>
			(
				globalThis as unknown as { localStorage: { getItem(key: string): string | null } }
			).localStorage.getItem('n8n-browserId') ?? '',
	);
	const get = () =>
		page.request.get(`${base}/rest/executions?filter=${filter}&limit=1`, {
			headers: { 'browser-id': browserId },
		});
	// n8n closes idle keep-alive connections; a request that meets a closing one gets ECONNRESET: ask again once.
	const answer = await get().catch(async (error: Error) =>
		/ECONNRESET/.test(error.message) ? await get() : Promise.reject(error),
	);
	const body = (await answer.json()) as {
		data?: { results: Array<{ id: string; status: string }> };
	};
	if (!body.data)
		throw new Error(
			`n8n's executions list answered ${answer.status()}: ${JSON.stringify(body).slice(0, 300)}`,
		);
	return body.data.results[0];
}

/** Opens a template, presses Execute workflow once, and says how it went. */
async function firstClick(page: Page, workflowId: string): Promise<string> {
	const before = await latestRun(page, workflowId);
	await page.goto(`${base}/workflow/${workflowId}`);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
	await page.locator('[data-test-id="execute-workflow-button"]').click();
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (
			await page.locator('[data-test-id="stop-execution-waiting-for-webhook-button"]').isVisible()
		)
			return 'waits for a trigger event instead of running the sample';
		const run = await latestRun(page, workflowId);
		if (run && run.id !== before?.id && !['running', 'new', 'waiting'].includes(run.status))
			return run.status === 'success' ? 'ok' : `run ${run.id} ended ${run.status}`;
		await page.waitForTimeout(1000);
	}
	return 'no run within 90 s';
}

/** The node panel's answer to "Starshipit" and to "print label", as a new user sees it; saved to docs/. */
async function nodePanel(page: Page): Promise<void> {
	for (const [search, file] of [
		['Starshipit', 'starshipit-in-the-node-panel.png'],
		['print label', ''],
	]) {
		await page.goto(`${base}/workflow/starshipitTpl2`);
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
		await page.locator('[data-test-id="node-creator-plus-button"]').click();
		await page
			.locator(
				'[data-test-id="node-creator-search-bar"] input, [data-test-id="node-creator-search-bar"]',
			)
			.first()
			.fill(search);
		await page.waitForTimeout(1500);
		const first = (
			await page.locator('[data-test-id="item-iterator-item"]').first().innerText()
		).replace(/\s+/g, ' ');
		console.log(`Node panel, "${search}": first entry: ${first}`);
		if (file) await page.screenshot({ path: join(__dirname, '..', 'docs', file) });
	}
}

void (async () => {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox'],
	});
	const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
	await page.goto(`${base}/signin`);
	await page.getByLabel(/email/i).fill(DEMO_OWNER.email);
	await page.getByLabel(/password/i).fill(DEMO_OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL(/home|workflows/, { timeout: 60_000 });
	let failed = 0;
	for (const workflowId of templates) {
		const outcome = await firstClick(page, workflowId);
		console.log(`${workflowId}: first click ${outcome}`);
		if (outcome !== 'ok') failed += 1;
		if (SAVED[workflowId]) {
			await page.waitForTimeout(1500);
			const file = join(__dirname, '..', 'docs', SAVED[workflowId]);
			await page.screenshot({ path: file });
			console.log(`Saved ${file}`);
		}
	}
	if (!only || only === 'none') await nodePanel(page);
	await browser.close();
	process.exit(failed ? 1 : 0);
})().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
