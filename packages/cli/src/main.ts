import { isAppError, listRuleSets } from '@jixiao/core';
import { Command, CommanderError } from 'commander';
import { registerDbCommand } from './commands/db.ts';
import { registerEvaluateCommands } from './commands/evaluate.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerRenderCommand } from './commands/render.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerUserCommand } from './commands/user.ts';

/** Builds the `jixiao` program; every command sets the exit code through `setExitCode`. */
export const buildProgram = (setExitCode: (code: number) => void): Command => {
  const program = new Command('jixiao')
    .description('绩效 — 项目支出绩效自评：解析、计分、说明、审核')
    .showHelpAfterError()
    .exitOverride();
  registerEvaluateCommands(program, setExitCode);
  registerServeCommand(program);
  registerDbCommand(program, setExitCode);
  registerUserCommand(program);
  registerImportCommand(program);
  registerRenderCommand(program, setExitCode);
  program
    .command('rules')
    .description('列出可用的评分规则集')
    .action(() => {
      for (const ruleSet of listRuleSets()) {
        process.stdout.write(
          `${ruleSet.id}@${ruleSet.version}\t${ruleSet.status === 'draft' ? '（草案）' : ''}${ruleSet.name}\n`,
        );
      }
    });
  return program;
};

export const main = async (argv: string[]): Promise<number> => {
  let exitCode = 0;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isAppError(error)) {
      process.stderr.write(`错误：${error.message}\n`);
      return 1;
    }
    throw error;
  }
};
