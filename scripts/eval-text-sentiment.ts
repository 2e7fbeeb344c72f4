// How well the text-only sentiment (used for Tmall, whose JSON has no rating) finds neutral/negative reviews.
// Usage: npm run -s eval:text-sentiment -- [FILE]   (JSON Lines with "sentiment": positive|negative and "text")
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { sentimentFromText } from '../lib/reviews/text-sentiment';

const file = process.argv[2] ?? 'tests/console-sim/data/reviews-sample.jsonl';
const Line = z.object({ sentiment: z.enum(['positive', 'negative']), text: z.string() });
const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
  const parsed = Line.safeParse(JSON.parse(l));
  if (!parsed.success) throw new Error(`${file}:${i + 1}: expected {"sentiment","text"}`);
  return parsed.data;
});
const isCase = (text: string) => ['negative', 'neutral'].includes(sentimentFromText(text));
const negatives = rows.filter((r) => r.sentiment === 'negative');
const positives = rows.filter((r) => r.sentiment === 'positive');
const recall = negatives.filter((r) => isCase(r.text)).length / negatives.length;
const falseAlarm = positives.filter((r) => isCase(r.text)).length / positives.length;
console.log(`${rows.length} reviews: ${(recall * 100).toFixed(1)}% of negative ones badged, ${(falseAlarm * 100).toFixed(1)}% of positive ones badged`);
console.log(JSON.stringify({ n: rows.length, negativeBadged: Number(recall.toFixed(4)), positiveBadged: Number(falseAlarm.toFixed(4)) }));
