// Runs TypeScript sources directly (swc keeps Nest's decorator metadata, which esbuild-based runners drop)
// and resolves the @cem/* path aliases of tsconfig.base.json.
const path = require('path');
process.env.SWCRC = 'true';
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
