// Inference throughput of a TF.js graph model in node with @tensorflow/tfjs-backend-wasm, the
// peer of `dlkit bench infer --model NAME` (run both through tfjs_compare.sh).
// Usage: NODE_PATH=DIR/node_modules node tfjs_infer.cjs MODEL_JSON HxWx3|3xHxW THREADS WARMUP ITERS
// Feeds one random float32 batch of 1 (the same input every iteration, as dlkit does) and prints
// one JSON line: {"model": ..., "threads": ..., "iters": ..., "images_per_s": ..., "ms_per_iter": ...}.
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const wasm = require('@tensorflow/tfjs-backend-wasm');

const [jsonPath, shapeArg, threadsArg, warmupArg, itersArg] = process.argv.slice(2);
if (!itersArg) {
  console.error('usage: tfjs_infer.cjs MODEL_JSON HxWx3|3xHxW THREADS WARMUP ITERS');
  process.exit(2);
}

function fileHandler(file) {
  return {
    load: async () => {
      const m = JSON.parse(fs.readFileSync(file, 'utf8'));
      const bins = m.weightsManifest.flatMap((g) => g.paths)
        .map((p) => fs.readFileSync(path.join(path.dirname(file), p)));
      const all = Buffer.concat(bins);
      return {
        modelTopology: m.modelTopology, format: m.format, generatedBy: m.generatedBy,
        convertedBy: m.convertedBy, signature: m.signature,
        userDefinedMetadata: m.userDefinedMetadata,
        weightSpecs: m.weightsManifest.flatMap((g) => g.weights),
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      };
    },
  };
}

async function runOnce(model, x) {
  const out = model.execute(x);
  const list = Array.isArray(out) ? out : [out];
  for (const t of list) await t.data();
  tf.dispose(list);
}

(async () => {
  wasm.setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + '/');
  wasm.setThreadsCount(Number(threadsArg));
  await tf.setBackend('wasm');
  await tf.ready();
  const model = await tf.loadGraphModel(fileHandler(jsonPath));
  const dims = shapeArg.split('x').map(Number);
  const x = tf.randomUniform([1, ...dims], 0, 1, 'float32', 42);
  for (let i = 0; i < Number(warmupArg); i++) await runOnce(model, x);
  const iters = Number(itersArg);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iters; i++) await runOnce(model, x);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({
    model: path.basename(jsonPath, '.json'), backend: tf.getBackend(),
    threads: wasm.getThreadsCount(), iters, images_per_s: iters / seconds,
    ms_per_iter: (seconds * 1000) / iters,
  }));
})().catch((e) => { console.error('error: ' + e.message); process.exit(1); });
