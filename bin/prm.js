#!/usr/bin/env node
// Entry point of the `prm` command: runs the TypeScript CLI through tsx's loader.
require('tsx/cjs/api').register();
require('../scripts/cli.ts')
  .createProgram()
  .parseAsync()
  .catch((error) => {
    console.error(error.message);
    process.exitCode = 2;
  });
