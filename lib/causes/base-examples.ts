/**
 * The labelled reviews the shipped model was trained on, shipped with the extension so that a shop's retraining
 * (./shop-learner.ts) fits the shop's corrections together with them, not on their own. ./base-examples.json is
 * written by `npm run train:causes` beside model.json (same files, same order); a unit test checks that it holds
 * exactly the lines model.json records.
 */
import * as z from 'zod/mini';
import examplesJson from './base-examples.json';
import { CauseCodeSchema } from './taxonomy';
import type { TrainExample } from './train';

export const BASE_EXAMPLES_FORMAT = 'reviewdesk-cause-examples/1';

const BaseExamplesFile = z.object({
  format: z.literal(BASE_EXAMPLES_FORMAT),
  /** The training files' names and sha256, as model.json records them. */
  files: z.array(z.object({ file: z.string(), sha256: z.string() })),
  /** [text, primary, causes] per review, in training order. */
  examples: z.array(z.tuple([z.string(), CauseCodeSchema, z.array(CauseCodeSchema)])),
});
export type BaseExamplesFile = z.infer<typeof BaseExamplesFile>;

/** The file's content for a list of labelled reviews (what train:causes writes). */
export function baseExamplesFile(files: BaseExamplesFile['files'], examples: readonly TrainExample[]): BaseExamplesFile {
  return { format: BASE_EXAMPLES_FORMAT, files, examples: examples.map((e) => [e.text, e.primary, [...e.causes]]) };
}

/** The file as text: one review per line, so that a change shows as a readable diff. */
export function serializeBaseExamples(file: BaseExamplesFile): string {
  const { examples, ...head } = file;
  return `{"format":${JSON.stringify(head.format)},"files":${JSON.stringify(head.files)},"examples":[\n${examples.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
}

let cached: TrainExample[] | undefined;
/** The shipped training reviews, checked once. */
export function baseExamples(): TrainExample[] {
  cached ??= BaseExamplesFile.parse(examplesJson).examples.map(([text, primary, causes]) => ({ text, primary, causes }));
  return cached;
}
