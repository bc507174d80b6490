#!/usr/bin/python3
"""PyTorch side of tests/bench/accuracy.sh: LeNet-5 (ReLU) with dlkit's recipe, Adam 1e-3, batch 128,
10 epochs, pixels in [0, 1], reshuffled every epoch; prints the test accuracy.

--train / --test take IDX image files (gzipped), optionally with dlkit's row range PATH@FROM:TO;
labels are read from the matching *-labels-idx1-ubyte.gz (mnist-10k: labels-idx1-ubyte.gz)."""
import os
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import argparse, gzip, struct
import torch
from torch import nn


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return torch.frombuffer(bytearray(data[4 + 4 * dims:]), dtype=torch.uint8).reshape(shape)


def load(spec):
    path, rows = (spec.split("@") + [None])[:2]
    folder, name = os.path.split(path)
    labels = name.replace("images-idx3", "labels-idx1")
    x = idx(path).float().div(255).reshape(-1, 1, 28, 28)
    y = idx(os.path.join(folder, labels)).long()
    if rows:
        lo, hi = (int(v) for v in rows.split(":"))
        x, y = x[lo:hi], y[lo:hi]
    return x, y


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True); ap.add_argument("--test", required=True)
    ap.add_argument("--seed", type=int, default=1); ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--epochs", type=int, default=10); ap.add_argument("--batch", type=int, default=128)
    a = ap.parse_args()
    torch.set_num_threads(a.threads); torch.manual_seed(a.seed)
    x, y = load(a.train); xt, yt = load(a.test)
    net = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                        nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
    opt = torch.optim.Adam(net.parameters(), 1e-3); lossf = nn.CrossEntropyLoss()
    for _ in range(a.epochs):
        perm = torch.randperm(x.shape[0])
        for i in range(0, x.shape[0], a.batch):
            j = perm[i:i + a.batch]
            opt.zero_grad(); lossf(net(x[j]), y[j]).backward(); opt.step()
    with torch.no_grad():
        acc = (net(xt).argmax(1) == yt).float().mean().item()
    print(f"{acc:.4f}")


if __name__ == "__main__":
    main()
