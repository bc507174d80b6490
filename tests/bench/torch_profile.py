#!/usr/bin/python3
"""Where PyTorch's time goes on the step `dlkit bench train|infer --profile` profiles, by op type.

Usage: /usr/bin/python3 tests/bench/torch_profile.py MODEL [--mode train|infer] [--threads N]
           [--batch B] [--steps S] [--timing-only]
MODEL: mlp (784-512-512-10), lenet5 (as ../shared/bench/torch_train.py), resnet50 (torchvision,
       inference only). Training is one Adam(1e-3) step on softmax cross-entropy, as torch_train.py;
       inference runs under torch.no_grad() in eval mode, as torch_infer.py.
Prints steps/s untraced, then torch.profiler's self CPU time per step for each op, largest first
(aten::mkldnn_convolution, aten::max_pool2d_with_indices_backward, ...), grouped as forward,
backward (autograd), optimizer (Adam) and other, so the figures can be set against dlkit's op types.
Random inputs (speed only). Run with Debian's Python (apt-get install python3-torch).
"""
import argparse, json, os, time
# as torch_train.py: one BLAS thread under PyTorch's own OpenMP threads (PyTorch at its best here)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch, torch.nn as nn
from torch.profiler import profile, ProfilerActivity, record_function


def model(name):
    if name == "mlp":
        return nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10)), (784,)
    if name == "lenet5":
        return nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                             nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10)), (1, 28, 28)
    import torchvision
    return torchvision.models.resnet50(weights=None), (3, 224, 224)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model", choices=["mlp", "lenet5", "resnet50"])
    ap.add_argument("--mode", choices=["train", "infer"], default="train")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--steps", type=int, default=30)
    ap.add_argument("--timing-only", action="store_true",
                    help="print one JSON line with samples_per_s and CPU ms per step, no profile")
    a = ap.parse_args()
    torch.set_num_threads(a.threads); torch.manual_seed(0)
    net, shape = model(a.model)
    x = torch.rand(a.batch, *shape); y = torch.randint(0, 10, (a.batch,))
    if a.mode == "train":
        if a.model == "resnet50":
            ap.error("resnet50: --mode infer only")
        opt = torch.optim.Adam(net.parameters(), 1e-3); lossf = nn.CrossEntropyLoss()
        def step():
            with record_function("## forward"):
                l = lossf(net(x), y)
            with record_function("## backward"):
                opt.zero_grad(); l.backward()
            with record_function("## optimizer"):
                opt.step()
            return l.item()
    else:
        net.eval()
        def step():
            with torch.no_grad(), record_function("## forward"):
                return net(x)
    for _ in range(5): step()
    t0 = time.perf_counter(); c0 = time.process_time()
    for _ in range(a.steps): step()
    dt = time.perf_counter() - t0; cpu = time.process_time() - c0
    if a.timing_only:
        print(json.dumps({"peer": "pytorch " + torch.__version__, "model": a.model, "mode": a.mode,
                          "threads": a.threads, "batch": a.batch, "steps": a.steps,
                          "samples_per_s": round(a.batch * a.steps / dt, 1),
                          "cpu_ms_per_step": round(cpu * 1e3 / a.steps, 3)}))
        return
    print(f"pytorch {torch.__version__} {a.model} {a.mode} threads={a.threads} batch={a.batch}: "
          f"{a.batch * a.steps / dt:.1f} samples/s, {dt * 1e3 / a.steps:.3f} ms/step wall, "
          f"{cpu * 1e3 / a.steps:.3f} ms/step CPU (untraced)")
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        for _ in range(a.steps): step()
    events = prof.key_averages()
    # the ## ranges give each phase's wall time; ops are attributed to the phase they ran in
    phases = {e.key: e.cpu_time_total / a.steps / 1e3 for e in events if e.key.startswith("## ")}
    print("phases, ms per step (wall, traced): " + ", ".join(f"{k[3:]} {v:.3f}" for k, v in phases.items()))
    rows = [(e.self_cpu_time_total / a.steps / 1e3, e.count / a.steps, e.key) for e in events
            if not e.key.startswith("## ") and e.self_cpu_time_total > 0]
    rows.sort(reverse=True)
    total = sum(r[0] for r in rows)
    print(f"self CPU time per step by op, ms (sum {total:.3f}; autograd::engine::evaluate_function rows"
          f" are the backward nodes' own overhead):")
    for ms, n, key in rows[:40]:
        print(f"  {key:60s} {ms:9.3f}  ({n:.1f} per step)")


if __name__ == "__main__":
    main()
