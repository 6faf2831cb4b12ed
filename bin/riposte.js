#!/usr/bin/env node
// riposte command-line entry: runs the TypeScript sources through the tsx loader, so there is no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
