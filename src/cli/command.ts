/** The shape of a CLI command: thin over the library, parsing its own flags with `parseArgs`. */
export interface CommandIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  /** true when stderr is a terminal (progress bars) */
  isTTY: boolean;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** returns the exit status */
  run(argv: string[], io: CommandIO): Promise<number>;
}
