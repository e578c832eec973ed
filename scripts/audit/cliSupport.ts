/**
 * What the seed, audit and demo commands share: exit codes, option parsers, error reporting
 * and progress bars (on a terminal only).
 */
import { Command, InvalidArgumentError } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { SnapshotInputError, validDate } from '../snapshot/format';
import { OrgApiError } from '../salesforce/errors';
import { fileSystemProblem } from './fileSystemProblem';

/** Exit codes of `prm seed`, `prm audit` and `prm demo`. */
export const EXIT = Object.freeze({
  OK: 0,
  /** Findings at or above `--fail-on`. */
  FINDINGS: 1,
  /** Usage or input error: bad option, unreadable or malformed snapshot, policy or file. */
  INPUT: 2,
  /** Org or API error: authentication, limits after retries, failed jobs. */
  ORG: 3,
  /** An unexpected error (a bug: please report it with the stack trace). */
  INTERNAL: 4,
});

export const EXIT_CODES_HELP = `Exit codes:
  0  success
  1  findings at or above --fail-on (audit)
  2  usage or input error (bad option, missing or malformed file; nothing is written to an org)
  3  org or API error (login, limits after retries, failed Bulk jobs)
  4  unexpected error (a bug)`;

/** A usage error found after option parsing (conflicting options, for example). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseInteger(name: string, min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) {
      throw new InvalidArgumentError(`${name} must be a whole number of at least ${min}.`);
    }
    return n;
  };
}

export function parseRate(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new InvalidArgumentError('must be a number from 0 to 1.');
  }
  return n;
}

/** Date, hour, minute and second of an ISO-8601 value, to refuse what Date.parse rolls over. */
const CALENDAR_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** True when the date and time written in `value` exist (no 2025-02-30, no 24:00). */
function realCalendarValue(value: string): boolean {
  const m = CALENDAR_PREFIX.exec(value);
  return (
    m !== null &&
    validDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
    Number(m[4] ?? 0) <= 23 &&
    Number(m[5] ?? 0) <= 59 &&
    Number(m[6] ?? 0) <= 59
  );
}

/** Accepts `YYYY-MM-DD` (midnight UTC) or an ISO-8601 datetime; returns ISO UTC. */
export function parseInstant(value: string): string {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? Date.parse(`${value}T00:00:00Z`)
    : /T/.test(value)
      ? Date.parse(value)
      : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new InvalidArgumentError('must be a date (YYYY-MM-DD) or an ISO-8601 datetime such as 2025-06-30T12:00:00Z.');
  }
  if (!realCalendarValue(value)) {
    // Date.parse would silently read 2025-02-30 as March 2.
    throw new InvalidArgumentError(`${value} is not a real date or time of day.`);
  }
  return new Date(ms).toISOString();
}

export function parseTimeZone(value: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value;
  } catch {
    throw new InvalidArgumentError('must be an IANA time zone such as Europe/Paris.');
  }
}

/** Whether the command line asks for JSON output (read before commander has parsed it). */
function jsonRequested(argv: readonly string[] = process.argv): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

/** A usage error as the `{status, error}` JSON every command prints with --json. */
function usageErrorJson(message: string): string {
  const text = message.replace(/^error:\s*/, '').trim();
  return `${JSON.stringify({ status: EXIT.INPUT, error: { name: 'UsageError', message: text } }, null, 2)}\n`;
}

/**
 * Makes commander's own usage errors exit with code 2 (help and version still exit 0), and
 * print as JSON on stdout when --json is given, like every other error.
 * @param command the command to configure
 */
export function usageExitCode(command: Command): Command {
  return command
    .configureOutput({
      outputError: (message, write) => {
        if (jsonRequested()) {
          process.stdout.write(usageErrorJson(message));
        } else {
          write(message);
        }
      },
      // The help shown after a usage error would follow the JSON: with --json it is left out.
      writeErr: (text) => {
        if (!jsonRequested()) {
          process.stderr.write(text);
        }
      },
    })
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : EXIT.INPUT);
    });
}

export interface Output {
  json: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processOutput = (json: boolean): Output => ({
  json,
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
});

/**
 * Runs a command body and turns its errors into the documented exit codes and messages
 * (as `{status, error}` with --json).
 * @param output where messages go
 * @param body the command
 * @returns the exit code
 */
export async function runCommand(output: Output, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    let code: number = EXIT.INTERNAL;
    let kind = 'InternalError';
    if (error instanceof SnapshotInputError || error instanceof UsageError || error instanceof InvalidArgumentError) {
      code = EXIT.INPUT;
      kind = error.name;
    } else if (error instanceof OrgApiError) {
      code = EXIT.ORG;
      kind = error.name;
    } else if (fileSystemProblem(error) !== undefined || (error as Error).name === 'PolicyError') {
      code = EXIT.INPUT;
      kind = 'InputError';
    }
    const message = fileSystemProblem(error) ?? (error as Error).message;
    if (output.json) {
      output.stdout(JSON.stringify({ status: code, error: { name: kind, message } }, null, 2));
    } else {
      output.stderr(`Error: ${message}`);
      if (code === EXIT.INTERNAL) {
        output.stderr((error as Error).stack ?? '');
      }
    }
    return code;
  }
}

/** A progress bar on stderr, shown only on a terminal and never with --json. */
export class Progress {
  private bar: SingleBar | undefined;

  constructor(private readonly enabled: boolean) {}

  static for(json: boolean): Progress {
    return new Progress(!json && process.stderr.isTTY === true);
  }

  start(total: number, label: string, unit: string): void {
    if (!this.enabled) {
      return;
    }
    this.bar = new SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit}`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      },
      Presets.shades_classic,
    );
    this.bar.start(Math.max(1, Math.round(total)), 0);
  }

  increment(amount = 1): void {
    this.bar?.increment(amount);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}
