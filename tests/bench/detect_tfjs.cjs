// The TF.js peer of `dlkit detect DIR` (run both through detect_compare.sh), and the maker of its
// photo folder. Needs @tensorflow/tfjs, @tensorflow/tfjs-backend-wasm and jpeg-js on NODE_PATH.
// Usage: node detect_tfjs.cjs make SRC_DIR OUT_DIR N
//          N JPEG copies of SRC_DIR's *.jpg photos at several sizes (bilinear, quality 90)
//        node detect_tfjs.cjs detect NANODET_JSON DIR
//          per photo: jpeg-js decode, stretch to the 416x416 input (bilinear, half-pixel centres as
//          dlkit's Bilinear), RGB / 255 NCHW, run
//          the graph, decode NanoDet's GFL outputs, score 0.25, per-class NMS IoU 0.45, at most
//          300 boxes, boxes back to the photo's pixels (dlkit's defaults and rules; no drawing).
//          Prints one JSON line: images, detections, seconds, images_per_s, counts per file.
const fs = require('fs');
const path = require('path');
const jpeg = require('jpeg-js');

const SCALES = [1.0, 0.8, 0.6, 0.45, 1.25];
const CONF = 0.25, IOU = 0.45, MAX_DET = 300, CLASSES = 80, BINS = 11;

function resizeRgba(src, w, h) {  // bilinear, pixel centres aligned, RGBA in and out
  const out = Buffer.alloc(w * h * 4);
  const sx = src.width / w, sy = src.height / h;
  for (let y = 0; y < h; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), src.height - 1);
    const y0 = Math.floor(fy), y1 = Math.min(y0 + 1, src.height - 1), wy = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), src.width - 1);
      const x0 = Math.floor(fx), x1 = Math.min(x0 + 1, src.width - 1), wx = fx - x0;
      for (let c = 0; c < 4; c++) {
        const p = (yy, xx) => src.data[(yy * src.width + xx) * 4 + c];
        const top = p(y0, x0) * (1 - wx) + p(y0, x1) * wx;
        const bottom = p(y1, x0) * (1 - wx) + p(y1, x1) * wx;
        out[(y * w + x) * 4 + c] = Math.round(top * (1 - wy) + bottom * wy);
      }
    }
  }
  return { width: w, height: h, data: out };
}

function make(srcDir, outDir, n) {
  const photos = fs.readdirSync(srcDir).filter((f) => /\.jpe?g$/i.test(f)).sort();
  if (photos.length === 0) throw new Error(`no .jpg photos in ${srcDir}`);
  const decoded = photos.map((f) => jpeg.decode(fs.readFileSync(path.join(srcDir, f)),
    { useTArray: true, maxMemoryUsageInMB: 1024 }));
  fs.mkdirSync(outDir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const k = i % photos.length;
    const scale = SCALES[Math.floor(i / photos.length) % SCALES.length];
    const src = decoded[k];
    const w = Math.max(16, Math.round(src.width * scale)), h = Math.max(16, Math.round(src.height * scale));
    const img = scale === 1.0 ? src : resizeRgba(src, w, h);
    const name = `${String(i).padStart(3, '0')}-${path.parse(photos[k]).name}-${w}x${h}.jpg`;
    fs.writeFileSync(path.join(outDir, name), jpeg.encode(img, 90).data);
  }
}

function fileHandler(file) {
  return {
    load: async () => {
      const m = JSON.parse(fs.readFileSync(file, 'utf8'));
      const all = Buffer.concat(m.weightsManifest.flatMap((g) => g.paths)
        .map((p) => fs.readFileSync(path.join(path.dirname(file), p))));
      return {
        modelTopology: m.modelTopology, format: m.format, generatedBy: m.generatedBy,
        convertedBy: m.convertedBy, signature: m.signature,
        weightSpecs: m.weightsManifest.flatMap((g) => g.weights),
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      };
    },
  };
}

function expectation(d, from) {  // sum_k k * softmax(d[from .. from + BINS))_k
  let max = -Infinity, sum = 0, weighted = 0;
  for (let k = 0; k < BINS; k++) max = Math.max(max, d[from + k]);
  for (let k = 0; k < BINS; k++) { const e = Math.exp(d[from + k] - max); sum += e; weighted += k * e; }
  return weighted / sum;
}

function decodeLevel(scores, dist, size, out) {  // NanoDetDecoder.decodeLevel, boxes in input pixels
  const cells = scores.length / CLASSES, grid = Math.round(Math.sqrt(cells)), stride = size / grid;
  for (let cell = 0; cell < cells; cell++) {
    let box = null;
    for (let c = 0; c < CLASSES; c++) {
      const score = scores[cell * CLASSES + c];
      if (!(score >= CONF)) continue;
      if (box === null) {
        const cx = (cell % grid + 0.5) * stride, cy = (Math.floor(cell / grid) + 0.5) * stride;
        const b = cell * 4 * BINS;
        box = [cx - expectation(dist, b) * stride, cy - expectation(dist, b + BINS) * stride,
          cx + expectation(dist, b + 2 * BINS) * stride, cy + expectation(dist, b + 3 * BINS) * stride];
      }
      out.push({ box, c, score });
    }
  }
}

function iou(a, b) {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]), h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h, area = (r) => (r[2] - r[0]) * (r[3] - r[1]);
  return inter / (area(a) + area(b) - inter);
}

function nms(cands) {  // per class, highest score first, at most MAX_DET
  const byClass = new Map();
  for (const d of cands) (byClass.get(d.c) || byClass.set(d.c, []).get(d.c)).push(d);
  const kept = [];
  for (const group of byClass.values()) {
    group.sort((a, b) => b.score - a.score);
    const mine = [];
    for (const d of group) {
      if (mine.length >= MAX_DET) break;
      if (mine.every((k) => iou(k.box, d.box) <= IOU)) mine.push(d);
    }
    kept.push(...mine);
  }
  return kept.sort((a, b) => b.score - a.score).slice(0, MAX_DET);
}

async function detect(jsonPath, dir) {
  const tf = require('@tensorflow/tfjs');
  const wasm = require('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + '/');
  await tf.setBackend('wasm');
  await tf.ready();
  const model = await tf.loadGraphModel(fileHandler(jsonPath));
  const size = model.inputs[0].shape[2];
  const outs = model.outputs.map((o) => o.name);
  const files = fs.readdirSync(dir).filter((f) => /\.jpe?g$/i.test(f)).sort();
  const counts = {};
  let total = 0;
  const t0 = process.hrtime.bigint();
  for (const f of files) {
    const img = jpeg.decode(fs.readFileSync(path.join(dir, f)), { useTArray: true, formatAsRGBA: false });
    const x = tf.tidy(() => tf.image.resizeBilinear(
      tf.tensor3d(img.data, [img.height, img.width, 3], 'int32').toFloat(), [size, size], false, true)
      .div(255).transpose([2, 0, 1]).expandDims(0));
    const ys = model.execute(x, outs);
    const data = await Promise.all(ys.map((y) => y.data()));
    const shapes = ys.map((y) => y.shape);
    tf.dispose([x, ...ys]);
    const cands = [];
    shapes.forEach((s, i) => {
      if (s[2] !== CLASSES) return;
      const j = shapes.findIndex((t) => t[1] === s[1] && t[2] === 4 * BINS);
      decodeLevel(data[i], data[j], size, cands);
    });
    const sx = img.width / size, sy = img.height / size;
    const kept = nms(cands).map((d) => ({ ...d, box: [d.box[0] * sx, d.box[1] * sy, d.box[2] * sx, d.box[3] * sy] }))
      .filter((d) => Math.min(d.box[2], img.width) > Math.max(d.box[0], 0)
        && Math.min(d.box[3], img.height) > Math.max(d.box[1], 0));
    counts[f] = kept.length;
    total += kept.length;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({ backend: tf.getBackend(), threads: wasm.getThreadsCount(), images: files.length,
    detections: total, seconds, images_per_s: files.length / seconds, counts }));
}

const [mode, a, b, c] = process.argv.slice(2);
if (mode === 'make' && c) make(a, b, Number(c));
else if (mode === 'detect' && b) detect(a, b).catch((e) => { console.error('error: ' + e.message); process.exit(1); });
else { console.error('usage: detect_tfjs.cjs make SRC_DIR OUT_DIR N | detect NANODET_JSON DIR'); process.exit(2); }
