#!/usr/bin/env node
// Claimdesk's command-line launcher: the CLI itself is built by electron-vite (npm run build).
import { runCli } from '../out/main/cli.js';

await runCli();
