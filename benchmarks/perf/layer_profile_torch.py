"""Per-layer forward/backward times of the PyTorch peer's DCGANs, the counterpart of `gan perf --layers`.

Each top-level layer of the peer's G and D (imported from peer/dcgan_nets.py, the networks the step peers
dcgan28.py and dcgan32.py train) runs alone, in training mode, on a random input of the shape it sees in training with
requires_grad set; the median forward and backward (sum of the output) over --repeats runs is printed.
  /usr/bin/python3 benchmarks/perf/layer_profile_torch.py [--threads 2] [--repeats 30] [--peer DIR]
"""
import argparse, os, statistics, sys, time

import torch


def profile(name, net, shape, warmup, repeats):
    rows = []
    for i, layer in enumerate(net):
        fwd, bwd = [], []
        for r in range(warmup + repeats):
            leaf = torch.randn(*shape, requires_grad=True)
            x = leaf.clone()  # a non-leaf: the peer's in-place ReLUs refuse a leaf that requires grad
            t0 = time.perf_counter()
            y = layer(x)
            t1 = time.perf_counter()
            y.sum().backward()
            t2 = time.perf_counter()
            if r >= warmup:
                fwd.append((t1 - t0) * 1e3)
                bwd.append((t2 - t1) * 1e3)
        rows.append((name, i, type(layer).__name__, tuple(shape), statistics.median(fwd), statistics.median(bwd)))
        with torch.no_grad():
            shape = layer(torch.randn(*shape)).shape
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--repeats", type=int, default=30)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--peer", default=os.path.join(os.path.dirname(__file__), "peer"))
    a = p.parse_args()
    sys.path.insert(0, os.path.abspath(a.peer))
    import dcgan_nets  # the peer's model definitions
    models = {"dcgan28": (dcgan_nets.generator(100, [128, 64], 7), dcgan_nets.discriminator([64, 128], 7),
                          (1, 28, 28), 100),
              "dcgan32": (dcgan_nets.generator(100, [256, 128, 64], 4), dcgan_nets.discriminator([64, 128, 256], 4),
                          (1, 32, 32), 100)}

    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, batch {a.batch}")
    print("model net idx layer input fwd_ms bwd_ms")
    for model in ("dcgan28", "dcgan32"):
        g, d, shape, nz = models[model]
        g.train(); d.train()
        rows = profile("G", g, (a.batch, nz), a.warmup, a.repeats)
        rows += profile("D", d, (a.batch,) + shape, a.warmup, a.repeats)
        for net, i, kind, s, f, b in rows:
            print(f"{model} {net} {i} {kind} {'x'.join(map(str, s))} {f:.3f} {b:.3f}")


if __name__ == "__main__":
    main()
