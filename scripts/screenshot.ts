/**
 * `npm run screenshot` (with `npm start` running): logs in to the demo n8n in Debian's headless Chromium
 * (package `chromium`) and saves the pattern-2 workflow, with the Starshipit nodes, to docs/.
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';

import { DEMO_OWNER } from './demo-owner';

const base = `http://127.0.0.1:${process.env.N8N_PORT ?? 5678}`;

void (async () => {
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
	const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
	await page.goto(`${base}/signin`);
	await page.getByLabel(/email/i).fill(DEMO_OWNER.email);
	await page.getByLabel(/password/i).fill(DEMO_OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL(/home|workflows/, { timeout: 30_000 });
	await page.goto(`${base}/workflow/starshipitPattern2`);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 30_000 });
	await page.waitForTimeout(1500);
	const file = join(__dirname, '..', 'docs', 'starshipit-nodes-in-n8n.png');
	await page.screenshot({ path: file });
	console.log(`Saved ${file}`);
	await browser.close();
})().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
