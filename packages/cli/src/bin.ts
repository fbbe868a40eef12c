import { describeInternalError, run } from './run.js';

/** Exit code when stdout or stderr fails for a reason other than a closed reader (sysexits EX_IOERR). */
const EX_IOERR = 74;

// A reader that stops early (`tthc demo | head -1`) closes the pipe: that is how pipes end, not an
// error. Stop at once — no stack trace, no work for nobody — with 0, as the shell expects of a
// filter whose reader has what it wanted.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(0);
    if (stream !== process.stderr) process.stderr.write(`tthc: ${describeInternalError(error)}\n`);
    process.exit(EX_IOERR);
  });
}

// Errors that escape `run` (a callback thrown outside its promise): one line, never a stack trace.
const crash = (error: unknown): void => {
  process.stderr.write(`tthc: ${describeInternalError(error)}\n`);
  process.exit(70);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

// The exit code is set, not forced with process.exit(), so buffered stdout is flushed first.
process.exitCode = await run(process.argv.slice(2));
