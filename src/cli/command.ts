/**
 * What a command takes from its process: the environment it reads its
 * configuration from and the two streams it writes to. A command's
 * `main(argv, io)` returns its exit code instead of exiting, so tests run it
 * in their own process with an io of their own and read what it wrote.
 */
export interface CommandIo {
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export type CommandMain = (argv: readonly string[], io: CommandIo) => Promise<number>;

/**
 * Runs a command as `npm run` does: with this process's arguments, environment
 * and streams; its exit code becomes the process's, and an error it did not
 * handle is written to stderr after `failure` and ends the process at once
 * with exit code 1, whatever it left open.
 */
export function runCommand(main: CommandMain, failure: string): void {
  main(process.argv.slice(2), process).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${failure}${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
