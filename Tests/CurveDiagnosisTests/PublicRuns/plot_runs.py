#!/usr/bin/env python3
"""Plot every public run in this folder, one PNG per run, for labelling by eye.

usage: python3 plot_runs.py [OUT_DIR]        (default /tmp/corpus-plots; needs matplotlib)

Independent of CurveLab's own readers on purpose: the labels must not depend on the code they
measure. Reads Hugging Face trainer_state.json (and a bare log_history list), Keras/PyTorch
history JSON (an object of lists), and CSV logs (Keras CSVLogger, Lightning metrics.csv,
Ultralytics results.csv, anything with a header row), tolerating CRLF, ';' separators, padded
headers, blank cells, title lines above the header and repeated headers. Draws, each on its own
axis: training loss, validation loss, both losses together (log scale when they span a lot),
accuracy-like metrics, and the learning rate, against the step or epoch the log records (or the
row number when the log restarts its epoch counter).
"""
import ast
import csv
import io
import json
import math
import os
import re
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
IGNORED = re.compile(
    r"(runtime|per_second|samples|flos|grad_norm|num_tokens|num_input_tokens|^epoch$|^step$|"
    r"^epoch#$|^time|timestamp|seconds|^phase_|memory|^batch$|^iteration$|^global_step$|^img_size$|total_steps)",
    re.I,
)


def number(text):
    text = text.strip().strip('"')
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        low = text.lower()
        if low in ("nan", "na", "n/a"):
            return math.nan
        if low in ("inf", "+inf", "infinity"):
            return math.inf
        if low in ("-inf", "-infinity"):
            return -math.inf
        return None


def kind(name):
    """'train', 'val', 'lr', 'metric' or None for a column or key name."""
    low = name.strip().lower()
    if IGNORED.search(low):
        return None
    if low in ("lr", "learning_rate") or low.startswith("lr/") or low.startswith("lr-") \
            or low.endswith("learning_rate") or low.endswith("_lr"):
        return "lr"
    if "loss" in low:
        if low.startswith(("val", "eval", "valid", "test")) or "/val" in low or "val_" in low:
            return "val"
        return "train"
    return "metric"


def from_records(records):
    """Series from a list of dicts (a Trainer log_history): name -> [(x, y)]."""
    series = {}
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            continue
        x = record.get("step", record.get("epoch", index))
        for key, value in record.items():
            if isinstance(value, bool):
                continue
            if isinstance(value, (int, float)) or value is None:
                y = math.nan if value is None else float(value)
                series.setdefault(key, []).append((x, y))
    return series, "step"


def from_lists(obj):
    series = {}
    for key, value in obj.items():
        if isinstance(value, list) and value and all(
            isinstance(v, (int, float)) or v is None for v in value
        ):
            series[key] = [(i, math.nan if v is None else float(v)) for i, v in enumerate(value)]
        elif isinstance(value, dict):  # {"history": {...}} and similar nests
            inner, _ = from_lists(value)
            for k, v in inner.items():
                series.setdefault(k, v)
    return series, "epoch (row)"


def from_csv(text):
    lines = [l for l in text.replace("\r", "").split("\n")]
    delimiter = ";" if max((l.count(";") for l in lines[:5]), default=0) > max(
        (l.count(",") for l in lines[:5]), default=0
    ) else ","
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header, series, xs = None, {}, {}
    row_number = 0
    epoch_resets = 0
    last_epoch = None
    for row in rows:
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        values = [number(c) for c in cells]
        numeric = sum(v is not None for v in values)
        if numeric == 0 or (header is None and numeric < len([c for c in cells if c])):
            # a header (or a title line above one): keep the last line with several names
            named = [c for c in cells if c and number(c) is None]
            if len(named) >= 2:
                header = cells
            continue
        if header is None:
            continue
        record = dict(zip(header, values))
        epoch = record.get("epoch", record.get("Epoch#"))
        if epoch is not None and last_epoch is not None and epoch < last_epoch:
            epoch_resets += 1
        if epoch is not None:
            last_epoch = epoch
        row_number += 1
        step = record.get("step")
        for name, value in record.items():
            if name and value is not None:
                series.setdefault(name, []).append((step if step is not None else row_number, value))
    axis = "step" if header and "step" in header else "row (epoch order)"
    return series, axis, epoch_resets


def load(path):
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        text = handle.read()
    stripped = text.lstrip()
    notes = []
    if "\r\n" in text:
        notes.append("CRLF" if "\r\r\n" not in text else "CR CR LF")
    if stripped[:1] in ("{", "[", '"'):
        try:
            data = json.loads(text)
        except ValueError as error:
            return {}, "?", [f"JSON error: {error}"]
        if isinstance(data, str):  # json.dump(str(history.history)): a Python dict repr in a string
            try:
                data = ast.literal_eval(data)
                notes.append("dict repr inside a JSON string")
            except (ValueError, SyntaxError):
                return {}, "?", ["a JSON string, not a history"]
        if isinstance(data, dict) and isinstance(data.get("log_history"), list):
            series, axis = from_records(data["log_history"])
            notes.append("trainer_state")
        elif isinstance(data, list):
            series, axis = from_records(data)
            notes.append("log_history list")
        else:
            series, axis = from_lists(data)
            notes.append("history lists")
        return series, axis, notes
    series, axis, resets = from_csv(text)
    if resets:
        notes.append(f"epoch restarts {resets}x")
    return series, axis, notes


def plot(run_id, path, out_dir):
    series, axis, notes = load(path)
    groups = {"train": {}, "val": {}, "metric": {}, "lr": {}}
    for name, points in series.items():
        k = kind(name)
        if k and points:
            groups[k][name] = points
    fig, axes = plt.subplots(2, 3, figsize=(16, 8.5))
    fig.suptitle(f"{run_id}  ({os.path.basename(path)}; {', '.join(notes)})", fontsize=11)

    def draw(ax, named, title, log=False):
        ax.set_title(title, fontsize=10)
        any_drawn = False
        for name, points in sorted(named.items()):
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            bad = [x for x, y in points if not math.isfinite(y)]
            ax.plot(xs, ys, marker="o" if len(points) <= 60 else None, ms=3, lw=1, label=name)
            for x in bad:
                ax.axvline(x, color="red", alpha=0.3)
            any_drawn = True
        if any_drawn:
            if log:
                finite = [p[1] for pts in named.values() for p in pts if math.isfinite(p[1]) and p[1] > 0]
                if finite and max(finite) / min(finite) > 30:
                    ax.set_yscale("log")
            ax.legend(fontsize=7)
            ax.grid(alpha=0.3)
        else:
            ax.text(0.5, 0.5, "not logged", ha="center", va="center", transform=ax.transAxes)
        ax.set_xlabel(axis, fontsize=8)

    draw(axes[0][0], groups["train"], "training loss")
    draw(axes[0][1], groups["val"], "validation loss")
    draw(axes[0][2], {**groups["train"], **groups["val"]}, "both losses (log if wide)", log=True)
    draw(axes[1][0], groups["metric"], "accuracy-like metrics")
    draw(axes[1][1], groups["lr"], "learning rate")
    text = []
    for name, points in sorted(series.items()):
        ys = [p[1] for p in points]
        finite = [y for y in ys if math.isfinite(y)]
        if finite and kind(name):
            text.append(f"{name}: n={len(ys)} first={ys[0]:.4g} min={min(finite):.4g} "
                        f"last={ys[-1]:.4g} nonfinite={len(ys) - len(finite)}")
    axes[1][2].axis("off")
    axes[1][2].text(0, 1, "\n".join(text[:24]), va="top", fontsize=7, family="monospace")
    fig.tight_layout()
    out = os.path.join(out_dir, f"{run_id}.png")
    fig.savefig(out, dpi=70)
    plt.close(fig)
    return out


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/corpus-plots"
    os.makedirs(out_dir, exist_ok=True)
    for run_id in sorted(os.listdir(HERE)):
        folder = os.path.join(HERE, run_id)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            print(plot(run_id, os.path.join(folder, name), out_dir))


if __name__ == "__main__":
    main()
