"""PyTorch peer of `dlkit style --model VGG19_DIR`: the notes' neural style transfer on
torchvision's vgg19 (random weights, nothing downloaded), the same costs, layers, weights and Adam
on the pixels, clipped to [0, 255]. Prints one JSON line with seconds (wall and process CPU) per
iteration over all iterations, the first included (as dlkit counts them).

Usage: python3 torch_nst.py --size 512 --iterations 10 --threads 2
"""
import argparse
import json
import time

import torch
import torchvision

# torchvision vgg19.features indices of the ReLU after block1_conv1, block2_conv1, block3_conv1,
# block4_conv1, block4_conv2 (content) and block5_conv1: Keras' layer outputs are post-ReLU
STYLE = [1, 6, 11, 20, 29]
CONTENT = 22
BGR_MEAN = torch.tensor([103.939, 116.779, 123.68]).view(1, 3, 1, 1)


def activations(features, x):
    """Caffe pre-processing (BGR, minus the means) as dlkit's DirNetworks, then the layers."""
    h = x.flip(1) - BGR_MEAN
    out = {}
    for i, layer in enumerate(features[: max(STYLE) + 1]):
        h = layer(h)
        if i in STYLE or i == CONTENT:
            out[i] = h
    return out


def gram(a):
    n_c = a.shape[1]
    m = a.reshape(n_c, -1)
    return m @ m.t()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=512)
    p.add_argument("--iterations", type=int, default=10)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--content-weight", type=float, default=10.0)
    p.add_argument("--style-weight", type=float, default=200.0)
    p.add_argument("--lr", type=float, default=5.0)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    features = torchvision.models.vgg19(weights=None).features.eval()
    for w in features.parameters():
        w.requires_grad_(False)
    shape = (1, 3, a.size, a.size)
    content = torch.rand(shape) * 255
    style = torch.rand(shape) * 255
    with torch.no_grad():
        a_c = activations(features, content)[CONTENT]
        g_s = [gram(activations(features, style)[i]) for i in STYLE]
    # --init noise: 0.6 uniform(-20, 20) + 0.4 content, clipped
    x = (0.6 * (torch.rand(shape) * 40 - 20) + 0.4 * content).clamp(0, 255).requires_grad_(True)
    adam = torch.optim.Adam([x], lr=a.lr, betas=(0.9, 0.999), eps=1e-8)
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(a.iterations):
        adam.zero_grad()
        acts = activations(features, x)
        ag = acts[CONTENT]
        j_content = ((a_c - ag) ** 2).sum() / (4 * ag.numel())
        j_style = 0
        for i, target in zip(STYLE, g_s):
            al = acts[i]
            n_c, n_hw = al.shape[1], al.shape[2] * al.shape[3]
            j_style = j_style + ((target - gram(al)) ** 2).sum() / (4 * n_c**2 * n_hw**2) / len(STYLE)
        j = a.content_weight * j_content + a.style_weight * j_style
        j.backward()
        adam.step()
        with torch.no_grad():
            x.clamp_(0, 255)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(json.dumps({
        "seconds_per_iteration": wall / a.iterations,
        "cpu_seconds_per_iteration": cpu / a.iterations,
        "iterations": a.iterations,
        "size": a.size,
        "threads": a.threads,
        "torch": torch.__version__,
    }))


if __name__ == "__main__":
    main()
