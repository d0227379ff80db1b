import { createVitest } from 'vitest/node';
const files = process.argv.slice(2);
const ctx = await createVitest('test', { config: 'vitest.mutation.config.ts', watch: false, maxConcurrency: 1, bail: 0, onConsoleLog: () => false, reporters: [] });
for (let i = 0; i < 4; i++) {
  ctx.state.filesMap.clear();
  const t = Date.now();
  await ctx.start(files);
  const tests = ctx.state.getFiles().flatMap((f) => f.tasks);
  console.log(`run ${i}: ${Date.now() - t} ms, ${tests.length} tasks`, ctx.state.getFiles().map(f => `${f.name}:${f.result?.duration?.toFixed(0)}ms setup ${f.setupDuration?.toFixed(0)} collect ${f.collectDuration?.toFixed(0)}`).join(' | '));
}
await ctx.close();
