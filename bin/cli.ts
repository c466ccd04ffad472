import { HELP } from './usage';

const isHelpFlag = (argument: string) => argument === '--help' || argument === '-h';

/**
 * The `survey-lens` command. Asking for help loads nothing but the usage text, so it answers at
 * once; every other command loads the survey store and the view floors it runs on.
 */
export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv.every(isHelpFlag)) {
    process.stdout.write(`${HELP}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  const { runCommand } = await import('./run-command');
  return runCommand(argv);
}
