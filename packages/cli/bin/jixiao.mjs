#!/usr/bin/env node
// The `jixiao` command runs the compiled packages (dist/). `npm install` builds them (the root `prepare`); a
// checkout whose sources changed since is rebuilt here first, saying so, so the command never runs stale code.
import { build, buildIsStale } from '../../../scripts/build.mjs';

if (buildIsStale()) {
  process.stderr.write('正在编译 Jixiao（源代码有更新，只在首次运行或修改后需要）…\n');
  await build();
}
const { main } = await import('../dist/main.js');
process.exitCode = await main(process.argv);
