// Preloaded into every Node process of the stack when BENCH_PROFILE=1 (NODE_OPTIONS=--require
// this file; Node 20 refuses --cpu-prof in NODE_OPTIONS). Profiles the process from its start
// until SIGTERM (the stack stopping it; a process slow to stop may be SIGKILLed later) or its
// exit, and writes <BENCH_PROFILE_DIR>/pid-<pid>.cpuprofile.
// With BENCH_PROFILE_SIGNAL=SIGUSR2 (bench:gateway) nothing is profiled until that signal; a
// second one stops and writes the profile: a window over one measured load, nothing else.
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Session } = require('node:inspector');

const dir = process.env.BENCH_PROFILE_DIR;
const windowSignal = process.env.BENCH_PROFILE_SIGNAL;
if (dir) {
  const session = new Session();
  session.connect();
  let running = false;
  const start = () => {
    session.post('Profiler.enable');
    session.post('Profiler.start');
    running = true;
  };
  const write = () => {
    if (!running) return;
    running = false;
    // An in-process session answers synchronously, so this completes before an exit.
    session.post('Profiler.stop', (err, result) => {
      if (!err)
        writeFileSync(join(dir, `pid-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  if (windowSignal) process.on(windowSignal, () => (running ? write() : start()));
  else start();
  // Only listens: the services' and the stack's own SIGTERM handlers stop them. A process
  // with no handler of its own (yet) gets the default again: it terminates.
  const onTerm = () => {
    write();
    if (process.listenerCount('SIGTERM') > 1) return;
    process.removeListener('SIGTERM', onTerm);
    process.kill(process.pid, 'SIGTERM');
  };
  process.on('SIGTERM', onTerm);
  process.on('exit', write);
}
