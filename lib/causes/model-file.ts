/**
 * The text of lib/causes/model.json: readable metadata on top, then one n-gram per line, so that a
 * retrained model shows up in review as a readable diff. Byte-for-byte stable for the same model.
 */
import type { CauseModel } from './model';

export function serializeModel(model: CauseModel): string {
  const { ngrams, ...head } = model;
  const lines = ['{'];
  const headKeys = Object.keys(head) as Array<keyof typeof head>;
  for (const key of headKeys) {
    const value = key === 'lexicon' ? `[\n    ${model.lexicon.map((row) => JSON.stringify(row)).join(',\n    ')}\n  ]` : JSON.stringify(head[key]);
    lines.push(`  ${JSON.stringify(key)}: ${value},`);
  }
  const entries = Object.keys(ngrams)
    .sort()
    .map((gram) => `    ${JSON.stringify(gram)}: ${JSON.stringify(ngrams[gram])}`);
  lines.push(`  "ngrams": {\n${entries.join(',\n')}\n  }`);
  lines.push('}');
  return lines.join('\n') + '\n';
}
