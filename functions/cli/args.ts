import { parseArgs } from "node:util";
import { CliError, type CliIo } from "./io";

/**
 * Every command's flags read the same way: `--help`/`-h` prints the command's usage; an unknown flag, a flag without
 * its value, a value given to a yes/no flag, a missing required flag or too many arguments is one Vietnamese line
 * naming it, then the usage, exit code 2. Node's parseArgs does the splitting; its English errors never reach anyone
 * because the checks are made here, on its tokens.
 */

export interface OptionSpec {
  type: "string" | "boolean";
  /** Shown in the usage: "--agency <mã cơ quan>  Cơ quan nộp". */
  value?: string;
  description: string;
  required?: boolean;
  /** May be given several times ("--agency A=a --agency B=b"): the values come as a list. */
  multiple?: boolean;
}

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** As typed: "submit", "key issue". */
  command: string;
  /** The line after "kpi": "<tệp.xlsx> [--agency …]". */
  synopsis: string;
  summary: string;
  options: O;
  positionals?: { min?: number; max?: number; missing?: string };
  examples?: string[];
}

export type ParsedValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : O[K]["multiple"] extends true ? string[] : string;
};

export interface ParsedArgs<O extends Record<string, OptionSpec>> {
  values: ParsedValues<O>;
  positionals: string[];
}

const HELP_FLAGS = new Set(["--help", "-h"]);

function usageOf(spec: CommandSpec<Record<string, OptionSpec>>): string {
  const lines = [`Cách dùng: kpi ${spec.command}${spec.synopsis ? ` ${spec.synopsis}` : ""}`, "", spec.summary, "", "Tham số:"];
  const shown: Array<[string, string]> = Object.entries(spec.options).map(([name, option]) => [
    `--${name}${option.value ? ` <${option.value}>` : ""}`,
    `${option.description}${option.required ? " (bắt buộc)" : ""}`,
  ]);
  shown.push(["--help", "In hướng dẫn này"]);
  const width = Math.max(...shown.map(([flag]) => flag.length));
  for (const [flag, description] of shown) lines.push(`  ${flag.padEnd(width)}  ${description}`);
  if (spec.examples?.length) lines.push("", "Ví dụ:", ...spec.examples.map((example) => `  ${example}`));
  return lines.join("\n");
}

/** The command's arguments, or undefined after printing the usage for `--help` (the command then exits 0). */
export function readArgs<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, args: readonly string[], io: CliIo): ParsedArgs<O> | undefined {
  const untilSeparator = args.includes("--") ? args.slice(0, args.indexOf("--")) : args;
  if (untilSeparator.some((arg) => HELP_FLAGS.has(arg))) {
    io.out(usageOf(spec));
    return undefined;
  }
  const options = Object.fromEntries(Object.entries(spec.options).map(([name, option]) => [name, { type: option.type }]));
  const { tokens, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  const values: Record<string, string | boolean | string[]> = {};
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const option = spec.options[token.name];
    if (!option) throw usageError(spec, `Lệnh kpi ${spec.command} không có tham số ${token.rawName}.`);
    if (option.type === "string") {
      if (token.value === undefined || (token.inlineValue !== true && token.value.startsWith("--"))) {
        throw usageError(spec, `Tham số ${token.rawName} cần một giá trị${option.value ? ` (${option.value})` : ""}.`);
      }
      if (option.multiple) values[token.name] = [...((values[token.name] as string[] | undefined) ?? []), token.value];
      else values[token.name] = token.value;
    } else {
      if (token.value !== undefined) throw usageError(spec, `Tham số ${token.rawName} không nhận giá trị (viết ${token.rawName}, không kèm "=").`);
      values[token.name] = true;
    }
  }
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.required && values[name] === undefined) throw usageError(spec, `Thiếu tham số --${name}${option.value ? ` <${option.value}>` : ""}.`);
  }
  const { min = 0, max = 0, missing } = spec.positionals ?? {};
  if (positionals.length < min) throw usageError(spec, missing ?? "Thiếu tham số.");
  if (positionals.length > max) {
    const extra = positionals[max]!;
    throw usageError(spec, extra.startsWith("-") ? `Lệnh kpi ${spec.command} không có tham số ${extra}.` : `Thừa tham số "${extra}".`);
  }
  return { values: values as ParsedValues<O>, positionals };
}

/** The one line that says what is wrong, then the command's synopsis and where the full help is. */
export function usageError(spec: CommandSpec<Record<string, OptionSpec>>, message: string): CliError {
  return new CliError(`${message}\nCách dùng: kpi ${spec.command}${spec.synopsis ? ` ${spec.synopsis}` : ""} (xem thêm: kpi ${spec.command} --help)`, 2);
}

/** A command's description, typed so its parsed values know which flags are text and which are yes/no. */
export function defineCommand<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}
