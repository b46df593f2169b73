import { isAppError, listRuleSets } from '@jixiao/core';
import { Command, CommanderError } from 'commander';

type SetExitCode = (code: number) => void;

// Each command's module is loaded only when that command runs: `jixiao audit` must not pay for the server, the
// database or the document renderers. `--help` and unknown commands load them all to list them.
const COMMANDS: Record<string, (program: Command, setExitCode: SetExitCode) => Promise<void>> = {
  audit: async (program, setExitCode) =>
    (await import('./commands/evaluate.ts')).registerEvaluateCommands(program, setExitCode),
  serve: async (program) => (await import('./commands/serve.ts')).registerServeCommand(program),
  db: async (program, setExitCode) => (await import('./commands/db.ts')).registerDbCommand(program, setExitCode),
  user: async (program) => (await import('./commands/user.ts')).registerUserCommand(program),
  import: async (program) => (await import('./commands/import.ts')).registerImportCommand(program),
  render: async (program, setExitCode) =>
    (await import('./commands/render.ts')).registerRenderCommand(program, setExitCode),
};
// `score` lives beside `audit` (one pipeline); `org` beside `user`.
const MODULE_OF: Record<string, string> = { score: 'audit', org: 'user' };

const registerRules = (program: Command): void => {
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
};

/**
 * Builds the `jixiao` program for `commandName` (argv's subcommand): that command alone when it is known,
 * every command otherwise (help, a typo). Every command sets the exit code through `setExitCode`.
 */
export const buildProgram = async (setExitCode: SetExitCode, commandName?: string): Promise<Command> => {
  const program = new Command('jixiao')
    .description('绩效 — 项目支出绩效自评：解析、计分、说明、审核')
    .showHelpAfterError()
    .exitOverride();
  const known = commandName === undefined ? undefined : (MODULE_OF[commandName] ?? commandName);
  const register = known === undefined ? undefined : COMMANDS[known];
  if (register) await register(program, setExitCode);
  else if (known !== 'rules') {
    for (const registerOne of Object.values(COMMANDS)) await registerOne(program, setExitCode);
  }
  registerRules(program);
  return program;
};

export const main = async (argv: string[]): Promise<number> => {
  let exitCode = 0;
  try {
    const program = await buildProgram((code) => {
      exitCode = code;
    }, argv[2]);
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
