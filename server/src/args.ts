/** A tiny `--name value` reader for the two command lines (no dependency for four flags). */
export function parseFlags(argv: string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`);
      flags.set(arg.slice(2), value);
      i++;
    }
  }
  return { positional, flags };
}

/** NAME:PASSWORD (the password may itself contain ':'). */
export function parseCredentials(text: string, flag: string): { name: string; password: string } {
  const at = text.indexOf(':');
  if (at <= 0 || at === text.length - 1) throw new Error(`${flag} must look like NAME:PASSWORD`);
  return { name: text.slice(0, at), password: text.slice(at + 1) };
}
