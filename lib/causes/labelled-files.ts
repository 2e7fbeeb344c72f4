/**
 * Reading one or more labelled JSON Lines files for training and evaluation (Node only: scripts and tests,
 * never the extension). Each review keeps which file and line it came from, so that cross-validation can
 * report on one file or one stretch of lines, and each file is described by its sha256 so that a model
 * records exactly what it was trained on.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { LabelledLineSchema, parseJsonLines, type LabelledLine } from './jsonl';
import type { TrainingFile } from './model';

export interface SourcedLine extends LabelledLine {
  /** Index of the file among those read (0 = the first). */
  file: number;
  /** 1-based line number in that file. */
  line: number;
}

export interface BadLine {
  file: string;
  line: number;
  error: string;
}

export interface LabelledFiles {
  rows: SourcedLine[];
  files: TrainingFile[];
  bad: BadLine[];
}

/** How a file is named in a model and in reports: relative to `root` when inside it, else absolute. */
export function displayName(file: string, root: string): string {
  const abs = resolve(file);
  const rel = relative(root, abs);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Describes one labelled file's bytes the way a model records it. */
export function describeFile(name: string, bytes: Uint8Array): TrainingFile {
  const text = Buffer.from(bytes).toString('utf8');
  return { file: name, sha256: sha256(bytes), lines: text.split(/\r?\n/).filter((l) => l.trim() !== '').length };
}

/**
 * Reads labelled files in order. `contents` may give a file's text instead of reading it (stdin). Bad lines
 * are collected, not thrown: the caller decides whether they stop the run.
 */
export function readLabelledFiles(paths: readonly string[], root: string, contents: ReadonlyMap<string, Buffer> = new Map()): LabelledFiles {
  const rows: SourcedLine[] = [];
  const files: TrainingFile[] = [];
  const bad: BadLine[] = [];
  paths.forEach((path, file) => {
    const bytes = contents.get(path) ?? readFileSync(path);
    const name = path === '-' ? '-' : displayName(path, root);
    files.push(describeFile(name, bytes));
    for (const row of parseJsonLines(bytes.toString('utf8'), LabelledLineSchema)) {
      if (row.ok) rows.push({ ...row.value, file, line: row.line });
      else bad.push({ file: path, line: row.line, error: row.error });
    }
  });
  return { rows, files, bad };
}
