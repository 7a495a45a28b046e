import { SingleBar, Presets } from 'cli-progress';
import { readStdin } from './read-stdin';

/** Where CLI commands write; tests pass their own to read what a user would see. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Whether to draw progress bars (a terminal, not a pipe or a test). */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
  /** Standard input, read whole (for --password-stdin). */
  stdin(): Promise<string>;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  interactive: Boolean(process.stderr.isTTY),
  env: process.env,
  stdin: () => readStdin(),
};

/** A progress bar on a terminal; silent otherwise. */
export function progressBar(io: CliIo, label: string) {
  if (!io.interactive) return { update: (_done: number, _total: number) => undefined, stop: () => undefined };
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr }, Presets.shades_classic);
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}
