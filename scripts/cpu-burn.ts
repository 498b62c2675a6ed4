/**
 * Keeps one core busy until stopped (SIGINT/SIGTERM) or for `--seconds N`: the "another
 * process keeps one core busy" of issue 11's acceptance, for `npm run test:repeat`.
 */
const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : Infinity;
if (!(seconds > 0)) {
  console.error('usage: npm run burn [-- --seconds N]  (N > 0; default: until stopped)');
  process.exit(2);
}
const until = Date.now() + seconds * 1000;
const parent = process.ppid;
let stop = false;
process.on('SIGINT', () => (stop = true));
process.on('SIGTERM', () => (stop = true));
console.log(
  `burn: one core busy (pid ${process.pid})${Number.isFinite(seconds) ? ` for ${seconds} s` : ''}`,
);

// Spin in slices so signals are seen between them.
function slice() {
  const end = Date.now() + 200;
  let x = 0;
  while (Date.now() < end) x = (x * 1103515245 + 12345) % 2147483648;
  // A parent that went away (test:repeat ended or was killed) leaves us to init: stop too.
  if (stop || Date.now() >= until || process.ppid !== parent) process.exit(0);
  setImmediate(slice);
}
slice();
