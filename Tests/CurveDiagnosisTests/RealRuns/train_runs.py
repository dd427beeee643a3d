#!/usr/bin/env python3
"""Regenerate the real training runs in this folder.

Every run trains a small numpy network (softmax output, optional tanh hidden layers) with a
plain mini-batch SGD loop (optional momentum and L2) on a data set that ships inside
scikit-learn (no downloads): load_digits, load_breast_cancer, load_wine, load_iris.

Each run is written as a Keras-CSVLogger-style CSV, `epoch,accuracy,loss,val_accuracy,val_loss`,
0-based epochs, where, as in Keras:
  loss      = mean cross-entropy over the epoch's mini-batches (each measured before its update),
  accuracy  = mean accuracy over the epoch's mini-batches (same running measure),
  val_loss  = log loss on the held-out validation split after the epoch,
  val_accuracy = accuracy on that split after the epoch.
The L2 penalty is not included in `loss` (data loss only).

    python3 train_runs.py [OUTPUT_DIR]      # default: the folder holding this script

Requires numpy and scikit-learn. Deterministic: every run is seeded.
"""
import csv
import math
import os
import sys

import numpy as np
from sklearn.datasets import load_breast_cancer, load_digits, load_iris, load_wine
from sklearn.model_selection import train_test_split

LOADERS = {
    "digits": load_digits,
    "breast_cancer": load_breast_cancer,
    "wine": load_wine,
    "iris": load_iris,
}


def log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


class MLP:
    def __init__(self, sizes, rng):
        self.W, self.b = [], []
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
            self.W.append(rng.normal(0.0, 1.0 / math.sqrt(fan_in), size=(fan_in, fan_out)))
            self.b.append(np.zeros(fan_out))
        self.vW = [np.zeros_like(w) for w in self.W]
        self.vb = [np.zeros_like(b) for b in self.b]

    def forward(self, x):
        acts = [x]
        h = x
        for i, (w, b) in enumerate(zip(self.W, self.b)):
            z = h @ w + b
            h = z if i == len(self.W) - 1 else np.tanh(z)
            acts.append(h)
        return acts  # last entry: logits

    def loss_acc(self, x, y):
        with np.errstate(all="ignore"):
            logp = log_softmax(self.forward(x)[-1])
            loss = float(-logp[np.arange(len(y)), y].mean())
            acc = float((logp.argmax(axis=1) == y).mean())
        return loss, acc

    def step(self, x, y, lr, l2, momentum):
        with np.errstate(all="ignore"):
            acts = self.forward(x)
            logp = log_softmax(acts[-1])
            loss = float(-logp[np.arange(len(y)), y].mean())
            acc = float((logp.argmax(axis=1) == y).mean())
            g = np.exp(logp)
            g[np.arange(len(y)), y] -= 1.0
            g /= len(y)
            for i in reversed(range(len(self.W))):
                gW = acts[i].T @ g + l2 * self.W[i]
                gb = g.sum(axis=0)
                if i > 0:
                    g = (g @ self.W[i].T) * (1.0 - acts[i] ** 2)
                self.vW[i] = momentum * self.vW[i] - lr * gW
                self.vb[i] = momentum * self.vb[i] - lr * gb
                self.W[i] += self.vW[i]
                self.b[i] += self.vb[i]
        return loss, acc


# name: data set, hidden sizes, learning rate, batch size, L2, momentum, epochs,
#       number of training examples (None = whole training split), standardize features, seed
RUNS = {
    # sound settings
    "digits_h64_sound": dict(data="digits", hidden=[64], lr=0.05, batch=32, l2=1e-4, momentum=0.9, epochs=40, n_train=None, scale=True, seed=1),
    "breast_cancer_logreg_sound": dict(data="breast_cancer", hidden=[], lr=0.01, batch=16, l2=1e-4, momentum=0.9, epochs=40, n_train=None, scale=True, seed=2),
    "wine_h16_sound": dict(data="wine", hidden=[16], lr=0.02, batch=8, l2=1e-4, momentum=0.9, epochs=50, n_train=None, scale=True, seed=3),
    "iris_h8_sound": dict(data="iris", hidden=[8], lr=0.05, batch=8, l2=1e-4, momentum=0.9, epochs=60, n_train=None, scale=True, seed=4),
    # tiny training subsets, big hidden layers, no regularization, many epochs
    "digits_n60_h256_long": dict(data="digits", hidden=[256, 256], lr=0.05, batch=8, l2=0.0, momentum=0.9, epochs=200, n_train=60, scale=True, seed=5),
    "breast_cancer_n30_h256_long": dict(data="breast_cancer", hidden=[256, 256], lr=0.05, batch=4, l2=0.0, momentum=0.9, epochs=200, n_train=30, scale=True, seed=6),
    "wine_n20_h256_long": dict(data="wine", hidden=[256], lr=0.05, batch=4, l2=0.0, momentum=0.9, epochs=200, n_train=20, scale=True, seed=7),
    "iris_n15_h128_long": dict(data="iris", hidden=[128, 128], lr=0.05, batch=3, l2=0.0, momentum=0.9, epochs=200, n_train=15, scale=True, seed=8),
    # too small a model, very strong L2, tiny learning rate
    "digits_lr1e-4_plain_sgd": dict(data="digits", hidden=[32], lr=1e-4, batch=32, l2=0.0, momentum=0.0, epochs=40, n_train=None, scale=True, seed=9),
    "digits_h2_bottleneck": dict(data="digits", hidden=[2], lr=0.02, batch=32, l2=1e-4, momentum=0.9, epochs=60, n_train=None, scale=True, seed=10),
    "wine_l2_strong": dict(data="wine", hidden=[16], lr=0.02, batch=8, l2=2.0, momentum=0.9, epochs=50, n_train=None, scale=True, seed=11),
    "breast_cancer_lr1e-5_plain_sgd": dict(data="breast_cancer", hidden=[8], lr=1e-5, batch=16, l2=0.0, momentum=0.0, epochs=40, n_train=None, scale=True, seed=12),
    # very high learning rate, batch size 1-4
    "digits_lr1_bs2": dict(data="digits", hidden=[64], lr=1.0, batch=2, l2=0.0, momentum=0.0, epochs=40, n_train=None, scale=True, seed=13),
    "breast_cancer_lr2_bs1": dict(data="breast_cancer", hidden=[32], lr=2.0, batch=1, l2=0.0, momentum=0.0, epochs=40, n_train=None, scale=True, seed=14),
    "wine_lr1_bs1_momentum": dict(data="wine", hidden=[32], lr=1.0, batch=1, l2=0.0, momentum=0.9, epochs=50, n_train=None, scale=True, seed=15),
    # unscaled raw features (0-4254) with a large learning rate and momentum
    "breast_cancer_raw_features_lr0.5": dict(data="breast_cancer", hidden=[], lr=0.5, batch=16, l2=0.0, momentum=0.9, epochs=30, n_train=None, scale=False, seed=16),
}


def fmt(v):
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return f"{v:.6g}"


def train(name, cfg, out_dir):
    rng = np.random.default_rng(cfg["seed"])
    x, y = LOADERS[cfg["data"]](return_X_y=True)
    x_tr, x_va, y_tr, y_va = train_test_split(
        x, y, test_size=0.25, stratify=y, random_state=cfg["seed"])
    if cfg["n_train"] is not None:
        x_tr, _, y_tr, _ = train_test_split(
            x_tr, y_tr, train_size=cfg["n_train"], stratify=y_tr, random_state=cfg["seed"])
    if cfg["scale"]:
        mu, sd = x_tr.mean(axis=0), x_tr.std(axis=0)
        sd[sd == 0] = 1.0
        x_tr, x_va = (x_tr - mu) / sd, (x_va - mu) / sd
    n_classes = int(y.max()) + 1
    net = MLP([x.shape[1], *cfg["hidden"], n_classes], rng)
    rows = []
    for epoch in range(cfg["epochs"]):
        order = rng.permutation(len(y_tr))
        losses, accs, weights = [], [], []
        for start in range(0, len(order), cfg["batch"]):
            idx = order[start:start + cfg["batch"]]
            loss, acc = net.step(x_tr[idx], y_tr[idx], cfg["lr"], cfg["l2"], cfg["momentum"])
            losses.append(loss)
            accs.append(acc)
            weights.append(len(idx))
        with np.errstate(all="ignore"):
            tr_loss = float(np.average(losses, weights=weights))
            tr_acc = float(np.average(accs, weights=weights))
        va_loss, va_acc = net.loss_acc(x_va, y_va)
        rows.append((epoch, tr_acc, tr_loss, va_acc, va_loss))
    path = os.path.join(out_dir, f"{name}.csv")
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["epoch", "accuracy", "loss", "val_accuracy", "val_loss"])
        for r in rows:
            w.writerow([r[0], *map(fmt, r[1:])])
    return path, len(y_tr), len(y_va)


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out_dir, exist_ok=True)
    for name, cfg in RUNS.items():
        path, n_tr, n_va = train(name, cfg, out_dir)
        print(f"{path}: train {n_tr}, validation {n_va}")


if __name__ == "__main__":
    main()
