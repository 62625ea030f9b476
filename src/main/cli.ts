// `flagdeck <command> …`: the command-line entry (bundled to out/main/cli.js; bin/flagdeck.mjs runs it).
import { commands } from './cli/commands';
import { UsageError } from './cli/command';
import { namesFolders, openInDesktop } from './cli/desktop';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: flagdeck <command> [options]',
    '       flagdeck <folder>…   open flagging folders in the desktop app',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `flagdeck <command> --help` for the options of one command.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry && namesFolders(argv)) return openInDesktop(argv);
  if (!entry && /[\\/]|^\./.test(name)) {
    console.error(`flagdeck: no such folder: ${name} (flagdeck <folder> opens a folder in the desktop app)`);
    return 2;
  }
  if (!entry) {
    console.error(`flagdeck: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`flagdeck ${name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`flagdeck: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
