// Faces embedded per second by face-api itself (the peer of `dlkit face bench`): node,
// @vladmandic/face-api 1.7.15 with the tfjs wasm backend, SSD MobileNet-V1 detection (minConfidence
// 0.5), 68 landmarks, alignment and the 128-d descriptor, exactly as
// ../shared/data/reference/face-api-reference.cjs runs it. The photos are decoded once (jpeg-js);
// WARMUP untimed passes, then ITERS timed passes over all photos.
// Usage: NODE_PATH=DIR/node_modules node face_embed.cjs MODELS_DIR WARMUP ITERS IMG...
// Prints one JSON line: {"images", "faces", "seconds", "cpu_seconds", "faces_per_s", "threads"}.
const fs = require('fs');
const path = require('path');
const jpeg = require('jpeg-js');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const tf = faceapi.tf;

const [models, warmupArg, itersArg, ...files] = process.argv.slice(2);
if (!files.length) {
  console.error('usage: face_embed.cjs MODELS_DIR WARMUP ITERS IMG...');
  process.exit(2);
}

async function pass(tensors) {
  let faces = 0;
  for (const t of tensors) {
    const res = await faceapi
      .detectAllFaces(t, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 }))
      .withFaceLandmarks()
      .withFaceDescriptors();
    faces += res.length;
  }
  return faces;
}

(async () => {
  const wasm = require('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + '/');
  wasm.setThreadsCount(2);
  await tf.setBackend('wasm');
  await tf.ready();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(models);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(models);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(models);
  const tensors = files.map((f) => {
    const raw = jpeg.decode(fs.readFileSync(f), { useTArray: true, maxMemoryUsageInMB: 1024 });
    const rgb = new Uint8Array(raw.width * raw.height * 3);
    for (let i = 0, j = 0; i < raw.data.length; i += 4) {
      rgb[j++] = raw.data[i]; rgb[j++] = raw.data[i + 1]; rgb[j++] = raw.data[i + 2];
    }
    return tf.tensor3d(rgb, [raw.height, raw.width, 3], 'int32');
  });
  for (let i = 0; i < Number(warmupArg); i++) await pass(tensors);
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let faces = 0;
  for (let i = 0; i < Number(itersArg); i++) faces += await pass(tensors);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({
    images: tensors.length * Number(itersArg), faces, seconds,
    cpu_seconds: (cpu.user + cpu.system) / 1e6, faces_per_s: faces / seconds,
    threads: wasm.getThreadsCount ? wasm.getThreadsCount() : 'n/a', backend: tf.getBackend(),
  }));
})().catch((e) => { console.error('ERR', e); process.exit(1); });
