"""OpenCV DNN side of opencv_yolo.sh: perturbs the batch-norm statistics of an exported Darknet
.weights file (so the check covers them), runs cv2.dnn.readNetFromDarknet on a 416x416 image and
compares its [region] output with dlkit's raw output (.npy), decoded the same way; times batch-1
inference with the given thread count.

usage: opencv_yolo.py perturb CFG WEIGHTS OUT_WEIGHTS
       opencv_yolo.py compare CFG WEIGHTS IMAGE DLKIT_NPY THREADS RUNS
"""
import sys
import time

import numpy as np


def layout(cfg):
    """(filters, size, in_channels, batch_normalize) of every [convolutional], in order."""
    sections, cur = [], None
    for line in open(cfg):
        line = line.split('#')[0].strip()
        if not line:
            continue
        if line.startswith('['):
            cur = {'type': line.strip('[]')}
            sections.append(cur)
        else:
            k, v = line.split('=', 1)
            cur[k.strip()] = v.strip()
    channels, out, convs = int(sections[0].get('channels', 3)), [], []
    for s in sections[1:]:
        t = s['type']
        if t in ('convolutional', 'conv'):
            f = int(s['filters'])
            convs.append((f, int(s['size']), channels, int(s.get('batch_normalize', 0))))
            channels = f
        elif t == 'route':
            idx = [int(v) for v in s['layers'].split(',')]
            idx = [i if i >= 0 else len(out) + i for i in idx]
            channels = sum(out[i] for i in idx)
        elif t == 'reorg':
            channels *= int(s.get('stride', 2)) ** 2
        out.append(channels)
    return convs


def perturb(cfg, weights, target):
    data = open(weights, 'rb').read()
    major, minor = np.frombuffer(data[:8], '<i4')
    head = 20 if (major * 10 + minor) >= 2 else 16
    w = np.frombuffer(data[head:], '<f4').copy()
    rng = np.random.default_rng(7)
    at = 0
    for f, size, cin, bn in layout(cfg):
        at += f  # biases (beta)
        if bn:
            w[at:at + f] = rng.uniform(0.5, 1.5, f)       # scales (gamma)
            w[at + f:at + 2 * f] = rng.uniform(-0.2, 0.2, f)  # rolling mean
            w[at + 2 * f:at + 3 * f] = rng.uniform(0.5, 2.0, f)  # rolling variance
            at += 3 * f
        at += f * cin * size * size
    assert at == len(w), (at, len(w))
    open(target, 'wb').write(data[:head] + w.astype('<f4').tobytes())


def compare(cfg, weights, image, npy, threads, runs):
    import cv2
    cv2.setNumThreads(int(threads))
    net = cv2.dnn.readNetFromDarknet(cfg, weights)
    img = cv2.imread(image)
    blob = cv2.dnn.blobFromImage(img, 1 / 255.0, (img.shape[1], img.shape[0]), swapRB=True, crop=False)
    net.setInput(blob)
    ocv = net.forward()  # [S*S*B, 5 + C]: x, y, w, h (fractions), objectness, class scores
    raw = np.load(npy)[0]  # [S, S, B, 5 + C] raw
    s, _, b, d = raw.shape
    anchors = [float(v) for v in
               [l for l in open(cfg) if l.strip().startswith('anchors')][0].split('=')[1].split(',')]
    sig = lambda v: 1 / (1 + np.exp(-v))
    rows, cols = np.meshgrid(np.arange(s), np.arange(s), indexing='ij')
    x = (cols[..., None] + sig(raw[..., 0])) / s
    y = (rows[..., None] + sig(raw[..., 1])) / s
    aw = np.array(anchors[0::2])[None, None, :]
    ah = np.array(anchors[1::2])[None, None, :]
    w = np.exp(raw[..., 2]) * aw / s
    h = np.exp(raw[..., 3]) * ah / s
    obj = sig(raw[..., 4])
    e = np.exp(raw[..., 5:] - raw[..., 5:].max(-1, keepdims=True))
    cls = e / e.sum(-1, keepdims=True) * obj[..., None]
    ours = np.concatenate([x[..., None], y[..., None], w[..., None], h[..., None], obj[..., None], cls], -1)
    ours = ours.reshape(-1, d)
    box_diff = np.abs(ours[:, :5] - ocv[:, :5]).max()
    kept = ocv[:, 5:] > 0  # OpenCV zeroes class scores under its threshold
    cls_diff = np.abs(ours[:, 5:][kept] - ocv[:, 5:][kept]).max() if kept.any() else 0.0
    print(f"outputs: {ocv.shape[0]} boxes x {d} values; max |dlkit - OpenCV|: boxes+objectness "
          f"{box_diff:.2e}, class scores {cls_diff:.2e} ({int(kept.sum())} compared)")
    for _ in range(3):
        net.setInput(blob)
        net.forward()
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(int(runs)):
        net.setInput(blob)
        net.forward()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"OpenCV {cv2.__version__} {img.shape[1]}x{img.shape[0]} batch 1: {int(runs) / wall:.2f} images/s "
          f"({runs} runs, {wall:.2f} s wall, {cpu:.2f} s CPU, {threads} threads)")
    return box_diff < 1e-3 and cls_diff < 1e-3


if __name__ == '__main__':
    if sys.argv[1] == 'perturb':
        perturb(*sys.argv[2:5])
    else:
        sys.exit(0 if compare(*sys.argv[2:8]) else 1)
