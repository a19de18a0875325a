// Preloaded into Prism by the contract tests (node --require): Prism exits as soon as the test JVM that
// started it is gone, even when that JVM was killed and could not stop it, because the pipe on Prism's
// standard input then reaches its end.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
