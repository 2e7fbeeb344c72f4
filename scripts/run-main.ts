/**
 * Runs a command-line script's main(): its return value becomes the exit code, and an unexpected error is
 * printed with the script's name and exits with 2 (the code the scripts use for "could not run").
 */
export function runMain(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${name}: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
