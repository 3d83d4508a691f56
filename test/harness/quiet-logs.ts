/**
 * Many tests make a node fail on purpose. n8n-core reports each failure through n8n's logger, which writes straight
 * to the terminal: hundreds of error texts that read like failures. Silenced here unless the runner asks for logs
 * (N8N_LOG_LEVEL=debug npx jest); jest still prints every real failure.
 */
process.env.N8N_LOG_LEVEL ??= 'silent';
