import { run } from './run.js';

// The exit code is set, not forced with process.exit(), so buffered stdout is flushed first.
process.exitCode = await run(process.argv.slice(2));
