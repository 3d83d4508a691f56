// `n8n-node lint`'s own rule set (@n8n/node-cli/eslint: @eslint/js, typescript-eslint and import-x recommended on top
// of the scanner's rules), run by `npm run lint` on what ships: package.json, nodes/ and credentials/.
import { config } from '@n8n/node-cli/eslint';

export default [{ ignores: ['dist/**', 'node_modules/**'] }, ...config];
