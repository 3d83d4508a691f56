/** n8n's record of executions, read as a user's tools would: its database and its REST API. */
import { join } from 'node:path';

import { installN8n } from '../e2e/n8n';
import type { Services } from './services';

export interface ExecutionRow {
	id: string;
	status: string;
}

const FINISHED = ['success', 'error', 'crashed', 'canceled'];

/** The finished executions of a workflow, oldest first, from n8n's own table. */
export function finishedExecutions(services: Services, workflowId: string): ExecutionRow[] {
	const rows = services.sql(
		`SELECT id, status FROM execution_entity WHERE "workflowId" = '${workflowId.replace(/'/g, "''")}' ORDER BY id`,
	);
	return rows
		.split('\n')
		.filter(Boolean)
		.map((row) => {
			const [id, status] = row.split('\t');
			return { id, status };
		})
		.filter((row) => FINISHED.includes(row.status));
}

/** One execution's run data as main serves it to the editor (n8n stores it "flatted": parsed with n8n's own copy). */
export async function executionRun(base: string, cookie: string, id: string): Promise<any> {
	const answer = await fetch(`${base}/rest/executions/${id}`, { headers: { cookie } });
	if (!answer.ok) throw new Error(`n8n did not give execution ${id}: ${answer.status}`);
	const { data } = (await answer.json()) as { data: { data: string } };
	const flatted = require(join(installN8n('2').dir, 'node_modules', 'flatted')) as {
		parse(text: string): any;
	};
	return flatted.parse(data.data);
}

/** Posts JSON to main (a production webhook); returns the HTTP status. */
export async function post(base: string, path: string, body: object): Promise<number> {
	const answer = await fetch(`${base}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	await answer.arrayBuffer();
	return answer.status;
}
