// @vitest-environment node
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { classifyCauses, classifyWith, shippedModel } from '../../lib/causes/classify';
import { crossValidate, stratifiedFolds } from '../../lib/causes/cv';
import { ngramSpans } from '../../lib/causes/features';
import { LabelledLineSchema, parseJsonLines, type LabelledLine } from '../../lib/causes/jsonl';
import { serializeModel } from '../../lib/causes/model-file';
import { classifyByLexicon } from '../../lib/causes/rules';
import { trainCauseModel } from '../../lib/causes/train';

const root = resolve(__dirname, '../..');
const modelPath = resolve(root, 'lib/causes/model.json');
const model = shippedModel();

/** The labelled file the shipped model was trained on; CAUSES_TRAIN_FILE points elsewhere if it moved. */
const trainFile = process.env.CAUSES_TRAIN_FILE ?? (isAbsolute(model.trainedOn.file) ? model.trainedOn.file : resolve(root, model.trainedOn.file));

function readTrainFile(): { bytes: Buffer; rows: Array<LabelledLine & { line: number }> } {
  if (!existsSync(trainFile)) {
    throw new Error(`training file ${trainFile} not found: set CAUSES_TRAIN_FILE to the labelled JSONL the model was trained on`);
  }
  const bytes = readFileSync(trainFile);
  const rows: Array<LabelledLine & { line: number }> = [];
  for (const row of parseJsonLines(bytes.toString('utf8'), LabelledLineSchema)) {
    if (!row.ok) throw new Error(`${trainFile}:${row.line}: ${row.error}`);
    rows.push({ ...row.value, line: row.line });
  }
  return { bytes, rows };
}

describe('the shipped cause model', () => {
  it('is small enough to ship in the extension', () => {
    expect(readFileSync(modelPath).length).toBeLessThan(150 * 1024);
  });

  it('records the training file it came from, and that file is unchanged', () => {
    const { bytes, rows } = readTrainFile();
    expect(model.trainedOn.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(model.trainedOn.lines).toBe(bytes.toString('utf8').split(/\r?\n/).filter((l) => l.trim() !== '').length);
    expect(model.trainedOn.examples).toBe(rows.length);
  });

  it('is exactly what retraining on that file gives, every time (training is deterministic)', () => {
    const { rows } = readTrainFile();
    const first = serializeModel(trainCauseModel(rows, model.options, model.trainedOn));
    const second = serializeModel(trainCauseModel(rows, model.options, model.trainedOn));
    expect(second).toBe(first);
    expect(first).toBe(readFileSync(modelPath, 'utf8'));
  }, 20_000);
});

describe('cross-validation (the honest estimate)', () => {
  it('deals every primary cause across the folds, the same way for the same seed', () => {
    const labels = ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'a', 'a', 'b'];
    const folds = stratifiedFolds(labels, 2, 7);
    expect(stratifiedFolds(labels, 2, 7)).toEqual(folds);
    expect(new Set(labels.map((l, i) => `${l}${folds[i]}`).filter((x) => x.startsWith('b')))).toEqual(new Set(['b0', 'b1']));
    expect(folds.filter((f) => f === 0).length).toBe(5);
  });

  it('stays above its floor at 5 folds (a regression in the lexicon, features or training fails here)', () => {
    const { rows } = readTrainFile();
    const report = crossValidate(rows, { folds: 5, seeds: 1, train: model.options, subset: { from: 226, to: 300 } });
    // Measured with these options, 5 folds, seed 1: 90.0% in labelled, macro-F1 0.802; lines 226-300 76.0%.
    expect(report.inLabelled.min).toBeGreaterThanOrEqual(0.88);
    expect(report.macroF1.min).toBeGreaterThanOrEqual(0.77);
    // Lines 226-300: no lexicon cue was written from them, the closest thing here to new reviews.
    expect(report.subset!.inLabelled.min).toBeGreaterThanOrEqual(0.73);
  }, 20_000);
});

describe('triggers for what the model found', () => {
  it('quotes whole n-grams of the review, not single characters, when the lexicon has no cue for the cause', () => {
    const { rows } = readTrainFile();
    let modelOnly = 0;
    for (const r of rows) {
      const result = classifyCauses(r.text);
      const lexCodes = new Set(classifyByLexicon(r.text).ranked.map((c) => c.code));
      for (const c of result.causes) {
        // Only a primary that nothing in the text points to (the fallback guess) is shown without words.
        if (c.triggers.length === 0) expect(result.causes, `${r.id} ${c.code}`).toEqual([expect.objectContaining({ code: result.primary, score: 0 })]);
        for (const t of c.triggers) expect(r.text).toContain(t);
        if (!lexCodes.has(c.code)) {
          modelOnly++;
          expect(c.triggers.length).toBeLessThanOrEqual(3);
          for (const t of c.triggers) expect(t.length, `${r.id} ${t}`).toBeGreaterThanOrEqual(2);
        }
      }
    }
    expect(modelOnly).toBeGreaterThan(0);
  });

  it('gives the same answer through classifyWith and the shipped model', () => {
    const text = '衣服线头多，洗了就掉色';
    expect(classifyWith(model, text)).toEqual(classifyCauses(text));
  });

  it('reads n-grams inside runs of letters and digits only, digits as 0', () => {
    const grams = ngramSpans('贵了20块！ok').map((s) => s.gram);
    expect(grams).toContain('00块');
    expect(grams).toContain('ok');
    expect(grams.some((g) => g.includes('！'))).toBe(false);
  });
});
