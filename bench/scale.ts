import { randomBytes } from 'node:crypto';
import { runStackBench } from './scale/harness';
import { HELP, readOptions, RESULTS_DIR } from './scale/options';
import { markdownTable, writeResults, type ScaleRun, type StageResult } from './scale/report';
import { runStage, stageLine } from './scale/stage';
import { expectedTotals } from './scale/workload';

/**
 * `npm run bench:scale`: the stack as `npm start` runs it, filled in stages, measured at each
 * (see HELP in ./scale/options). A bench, not a test: it asserts nothing on time and fails only
 * on errors and wrong answers.
 */

/** What went wrong in a stage that still finished: wrong answers, errors under read or load. */
function stageFailures(s: StageResult): string[] {
  const reads = {
    'bill via gateway': s.billRead.gateway,
    'bill via settlement': s.billRead.settlement,
    'usage page': s.usagePage,
    'usage summary': s.usageSummary,
    load: s.load,
  };
  return Object.entries(reads)
    .filter(([, r]) => r.errors > 0)
    .map(
      ([what, r]) =>
        `${s.records} records, ${what}: ${r.errors} errors (${r.wrongAnswers} wrong answers), e.g. ${r.firstErrors[0]}`,
    );
}

runStackBench({
  name: 'scale',
  help: HELP,
  readOptions,
  profileName: (stamp) => stamp,
  intro: (opts) => `stages ${opts.stages.join(', ')}`,
  newRun: (header, opts): ScaleRun => ({
    ...header,
    setup: { users: opts.users, seconds: 0 },
    stackStartFailures: [],
    stages: [],
    failures: [],
  }),
  async measure({ opts, run, stack, log, month, setupStarted, apis, userIds, watchSettlement }) {
    run.setup.seconds = Math.round((performance.now() - setupStarted) / 100) / 10;
    console.log(
      `bench:scale: ${opts.users} users in ${run.setup.seconds} s; period ${month.period}`,
    );
    const settlement = watchSettlement();
    const ctx = {
      opts,
      ...apis,
      runTag: randomBytes(4).toString('hex'),
      userIds,
      month,
      expected: expectedTotals(opts.users),
      settlement,
      publishedBefore: (await settlement.progress()).published,
      stack,
      log,
    };
    let done = 0;
    for (const target of opts.stages) {
      console.log(`bench:scale: stage ${target.toLocaleString('en-US')}`);
      const stage = await runStage(ctx, done, target);
      done = target;
      run.stages.push(stage);
      run.failures.push(...stageFailures(stage));
      console.log(stageLine(stage));
      await writeResults(RESULTS_DIR, run, { history: false });
    }
  },
  async report(run) {
    if (run.stages.length === 0) return;
    const files = await writeResults(RESULTS_DIR, run, { history: true });
    console.log(`\n${markdownTable(run)}`);
    console.log(`bench:scale: wrote ${files.join(', ')}`);
  },
});
