// @vitest-environment node
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';
import { classifyCauses, classifyWith, shippedModel } from '../../lib/causes/classify';
import { crossValidate, inSubset, stratifiedFolds } from '../../lib/causes/cv';
import { ngramSpans } from '../../lib/causes/features';
import { readLabelledFiles } from '../../lib/causes/labelled-files';
import { evaluate } from '../../lib/causes/metrics';
import { serializeModel } from '../../lib/causes/model-file';
import { classifyByLexicon } from '../../lib/causes/rules';
import { trainCauseModel } from '../../lib/causes/train';
import { baseExamples } from '../../lib/causes/base-examples';

const root = resolve(__dirname, '../..');
const modelPath = resolve(root, 'lib/causes/model.json');
const model = shippedModel();

/**
 * The labelled files the shipped model was trained on, in order. CAUSES_TRAIN_DIR points elsewhere if they
 * moved (each is then looked up there by its base name).
 */
const trainFiles = model.trainedOn.files.map((f) => {
  if (process.env.CAUSES_TRAIN_DIR) return resolve(process.env.CAUSES_TRAIN_DIR, basename(f.file));
  return isAbsolute(f.file) ? f.file : resolve(root, f.file);
});

function readTrainFiles(): ReturnType<typeof readLabelledFiles> {
  for (const file of trainFiles) {
    if (!existsSync(file)) throw new Error(`training file ${file} not found: set CAUSES_TRAIN_DIR to the folder of the labelled JSONL files the model was trained on`);
  }
  const read = readLabelledFiles(trainFiles, root);
  if (read.bad.length > 0) throw new Error(read.bad.map((b) => `${b.file}:${b.line}: ${b.error}`).join('\n'));
  return read;
}

describe('the shipped cause model', () => {
  it('is small enough to ship in the extension', () => {
    expect(readFileSync(modelPath).length).toBeLessThan(150 * 1024);
  });

  it('records both labelled files it came from, and neither has changed', () => {
    // Exactly these two: the causes-fresh-* files are for measuring only (tests/data/README.md says why).
    expect(model.trainedOn.files.map((f) => f.file)).toEqual(['tests/data/causes-dev.jsonl', 'tests/data/causes-extra.jsonl']);
    const { rows } = readTrainFiles();
    trainFiles.forEach((file, i) => {
      const bytes = readFileSync(file);
      const recorded = model.trainedOn.files[i]!;
      expect(recorded.sha256, recorded.file).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(recorded.lines, recorded.file).toBe(bytes.toString('utf8').split(/\r?\n/).filter((l) => l.trim() !== '').length);
    });
    expect(model.trainedOn.examples).toBe(rows.length);
  });

  it('is exactly what retraining on those files gives, every time (training is deterministic)', () => {
    const { rows, files } = readTrainFiles();
    const trainedOn = { files: files.map((f, i) => ({ ...f, file: model.trainedOn.files[i]!.file })), examples: rows.length };
    expect(trainedOn).toEqual(model.trainedOn);
    const first = serializeModel(trainCauseModel(rows, model.options, trainedOn));
    const second = serializeModel(trainCauseModel(rows, model.options, trainedOn));
    expect(second).toBe(first);
    expect(first).toBe(readFileSync(modelPath, 'utf8'));
  }, 20_000);
});

describe('the shipped training reviews (what a shop retrains with)', () => {
  it('ship beside the model: exactly the lines of the files model.json records, in order', () => {
    const { rows } = readTrainFiles();
    const shipped = JSON.parse(readFileSync(resolve(root, 'lib/causes/base-examples.json'), 'utf8')) as { files: unknown };
    expect(shipped.files).toEqual(model.trainedOn.files.map(({ file, sha256 }) => ({ file, sha256 })));
    expect(baseExamples()).toEqual(rows.map((r) => ({ text: r.text, primary: r.primary, causes: r.causes })));
  });
});

describe('cross-validation (the honest estimate)', () => {
  it('deals every primary cause across the folds, the same way for the same seed', () => {
    const labels = ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'a', 'a', 'b'];
    const folds = stratifiedFolds(labels, 2, 7);
    expect(stratifiedFolds(labels, 2, 7)).toEqual(folds);
    expect(new Set(labels.map((l, i) => `${l}${folds[i]}`).filter((x) => x.startsWith('b')))).toEqual(new Set(['b0', 'b1']));
    expect(folds.filter((f) => f === 0).length).toBe(5);
  });

  it('picks subsets by file and by lines', () => {
    expect(inSubset({ file: 0, line: 230 }, { label: 'dev tail', file: 0, from: 226, to: 300 })).toBe(true);
    expect(inSubset({ file: 1, line: 230 }, { label: 'dev tail', file: 0, from: 226, to: 300 })).toBe(false);
    expect(inSubset({ file: 1, line: 5 }, { label: 'extra' , file: 1 })).toBe(true);
    expect(inSubset({ line: 5 }, { label: 'first file' })).toBe(true);
  });

  // Folds drawn from the reviews of both files together; the two subsets are the closest things here to new
  // reviews: dev lines 226-300 were never read when the first lexicon was written, and the extra set was
  // labelled afterwards (see tests/data/README.md).
  const subsets = [
    { label: 'dev 226-300', file: 0, from: 226, to: 300 },
    { label: 'extra', file: 1 },
  ];
  const rows = () => readTrainFiles().rows;

  it('stays above its floor at 5 folds (a regression in the lexicon, features or training fails here)', () => {
    const report = crossValidate(rows(), { folds: 5, seeds: 1, train: model.options, subsets });
    // Measured with these options, 5 folds, seed 1: 93.3% in labelled, macro-F1 0.836; dev 226-300 86.7%,
    // macro-F1 0.779; extra 94.2%, macro-F1 0.744. (Both subsets have been read by whoever wrote the later
    // cues: the strict test below is the less flattering figure.)
    expect(report.inLabelled.min).toBeGreaterThanOrEqual(0.91);
    expect(report.macroF1.min).toBeGreaterThanOrEqual(0.8);
    expect(report.subsets[0]!.inLabelled.min).toBeGreaterThanOrEqual(0.84);
    expect(report.subsets[0]!.macroF1.min).toBeGreaterThanOrEqual(0.74);
    expect(report.subsets[1]!.inLabelled.min).toBeGreaterThanOrEqual(0.92);
    expect(report.subsets[1]!.macroF1.min).toBeGreaterThanOrEqual(0.7);
  }, 20_000);

  it('stays above its floor when no review gets help from a cue that fits it alone (--strict-cues 1)', () => {
    const report = crossValidate(rows(), { folds: 5, seeds: 1, train: model.options, subsets, strictCues: 1 });
    // Measured: 88.3% in labelled, macro-F1 0.702; dev 226-300 78.7%; extra 93.3%.
    expect(report.inLabelled.min).toBeGreaterThanOrEqual(0.86);
    expect(report.macroF1.min).toBeGreaterThanOrEqual(0.67);
    expect(report.subsets[0]!.inLabelled.min).toBeGreaterThanOrEqual(0.76);
    expect(report.subsets[1]!.inLabelled.min).toBeGreaterThanOrEqual(0.91);
  }, 20_000);
});

describe('on the fresh labelled reviews it was never trained on', () => {
  // Measured with the shipped model (in labelled, macro-F1): fresh-1 88.8 %, 0.577; fresh-2 84.4 %, 0.686;
  // fresh-3 88.8 %, 0.653; fresh-4 81.9 %, 0.557; fresh-5 82.5 %, 0.601. The lexicon's third pass was written from the
  // misses of fresh-1 and fresh-2, so only fresh-3 to -5 measure unseen reviews; the floors catch a change that loses
  // ground.
  const floors = [
    { file: 'tests/data/causes-fresh-1.jsonl', inLabelled: 0.86, macroF1: 0.55, top2: 0.94 },
    { file: 'tests/data/causes-fresh-2.jsonl', inLabelled: 0.82, macroF1: 0.64, top2: 0.92 },
    { file: 'tests/data/causes-fresh-3.jsonl', inLabelled: 0.86, macroF1: 0.62, top2: 0.92 },
    { file: 'tests/data/causes-fresh-4.jsonl', inLabelled: 0.79, macroF1: 0.52, top2: 0.91 },
    { file: 'tests/data/causes-fresh-5.jsonl', inLabelled: 0.8, macroF1: 0.56, top2: 0.92 },
  ];
  // Top-2 (either chip among the labelled causes), measured: 95.3 %, 93.8 %, 93.8 %, 92.5 %, 93.8 % since the second chip
  // divides out the class weights (before: 95.0 %, 90.6 %, 92.5 %, 89.4 %, 90.0 %).
  it.each(floors)('$file stays above its floor', ({ file, inLabelled, macroF1, top2 }) => {
    const read = readLabelledFiles([resolve(root, file)], root);
    expect(read.bad).toEqual([]);
    const report = evaluate(
      read.rows.map((r) => {
        const result = classifyCauses(r.text);
        return { gold: r.primary, goldSet: r.causes, predicted: result.primary, second: result.chips[1]?.code };
      }),
    );
    expect(report.inLabelledRate).toBeGreaterThanOrEqual(inLabelled);
    expect(report.top2Rate).toBeGreaterThanOrEqual(top2);
    expect(report.macroF1).toBeGreaterThanOrEqual(macroF1);
  });
});

describe('triggers for what the model found', () => {
  it('quotes whole n-grams of the review, not single characters, when the lexicon has no cue for the cause', () => {
    const { rows } = readTrainFiles();
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
