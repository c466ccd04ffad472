#!/usr/bin/env node
// Entry point for `npx survey-lens`: runs the TypeScript CLI through tsx so lib/ is shared with the app.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
