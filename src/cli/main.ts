/** `riposte COMMAND …`: dispatches to the command registry; coded errors become exit 2 with one line. */
import { isRiposteError } from '../core/errors.ts';
import type { CommandIO } from './command.ts';
import { COMMANDS } from './commands.ts';

function help(): string {
  return [
    'riposte — political event coding from news text',
    '',
    'usage: riposte COMMAND [options]    (riposte COMMAND --help for the options of one command)',
    '',
    'commands:',
    ...Object.keys(COMMANDS).map((c) => `  ${c}`),
  ].join('\n');
}

export async function main(argv: string[], io?: Partial<CommandIO>): Promise<number> {
  const full: CommandIO = {
    stdout: io?.stdout ?? process.stdout,
    stderr: io?.stderr ?? process.stderr,
    stdin: io?.stdin ?? process.stdin,
    isTTY: io?.isTTY ?? Boolean(process.stderr.isTTY),
  };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    full.stdout.write(help() + '\n');
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    full.stderr.write(`riposte: expected a command (${Object.keys(COMMANDS).join(', ')}), found "${name}"\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    full.stdout.write(`${command.summary}\n\nusage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, full);
  } catch (e) {
    if (isRiposteError(e)) {
      full.stderr.write(`riposte ${name}: ${e.code}: ${e.message}\n`);
      return e.exit;
    }
    full.stderr.write(
      `riposte ${name}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    return 1;
  }
}
