// Preloaded into every Node process of the stack when BENCH_PROFILE=1 (NODE_OPTIONS=--require
// this file; Node 20 refuses --cpu-prof in NODE_OPTIONS). Profiles the process from its start
// until SIGTERM (the stack stopping it; a process slow to stop may be SIGKILLed later) or its
// exit, and writes <BENCH_PROFILE_DIR>/pid-<pid>.cpuprofile.
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Session } = require('node:inspector');

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // An in-process session answers synchronously, so this completes before an exit.
    session.post('Profiler.stop', (err, result) => {
      if (!err)
        writeFileSync(join(dir, `pid-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
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
