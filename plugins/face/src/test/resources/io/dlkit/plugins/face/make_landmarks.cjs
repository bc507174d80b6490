// Writes face-api-landmarks-samples1-3.json: face-api 1.7.15's own 68 landmarks and dlib-aligned
// boxes on ../shared/data/images/faces/sample1-3.jpg, the same run as
// ../shared/data/reference/face-api-reference.cjs (node, @tensorflow/tfjs 4.22.0 + wasm backend,
// jpeg-js decoding, SSD MobileNet-V1 with minConfidence 0.5).
// npm install @vladmandic/face-api@1.7.15 @tensorflow/tfjs@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0 jpeg-js
// node make_landmarks.cjs /work/shared/data/images/faces/sample{1,2,3}.jpg
const fs = require('fs'); const jpeg = require('jpeg-js');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const tf = faceapi.tf;
const MODEL = process.env.FACE_API_MODELS || '/work/shared/data/models/face-api';
(async () => {
  const wasm = require('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(__dirname + '/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
  await tf.setBackend('wasm'); await tf.ready();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(MODEL);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(MODEL);
  const out = {};
  for (const f of process.argv.slice(2)) {
    const raw = jpeg.decode(fs.readFileSync(f), {useTArray: true, maxMemoryUsageInMB: 1024});
    const rgb = new Uint8Array(raw.width * raw.height * 3);
    for (let i = 0, j = 0; i < raw.data.length; i += 4) { rgb[j++] = raw.data[i]; rgb[j++] = raw.data[i + 1]; rgb[j++] = raw.data[i + 2]; }
    const t = tf.tensor3d(rgb, [raw.height, raw.width, 3], 'int32');
    const res = await faceapi.detectAllFaces(t, new faceapi.SsdMobilenetv1Options({minConfidence: 0.5})).withFaceLandmarks();
    out[f.split('/').pop()] = res.map((r) => ({
      box: r.detection.box,
      landmarks: r.landmarks.positions.map((p) => [Math.round(p.x * 1e4) / 1e4, Math.round(p.y * 1e4) / 1e4]),
      aligned: r.landmarks.align(null, {useDlibAlignment: true}),
    }));
    t.dispose();
  }
  fs.writeFileSync('face-api-landmarks-samples1-3.json', JSON.stringify(out));
})().catch((e) => { console.error('ERR', e); process.exit(1); });
