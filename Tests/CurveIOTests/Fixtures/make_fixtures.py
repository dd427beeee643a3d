#!/usr/bin/env python3
"""Writes CurveIO's text fixtures in the shapes the tools themselves write.

Each writer below imitates its tool's own code path (noted per function): key order, number
formatting (Python's repr, `round(x, 4)` for Trainer losses), line ends, padding and missing
markers. Values come from fixed seeds, so running it again gives the same files. The event
files are written by tensorboard/make_events.py. Run from this folder: python3 make_fixtures.py
"""
import csv
import io
import json
import math
import os
import random
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def path(*parts):
    full = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    return full


def write_text(parts, text, newline="\n"):
    with open(path(*parts), "w", newline="") as f:
        f.write(text if newline == "\n" else text.replace("\n", newline))


# --- Hugging Face Trainer: json.dumps(dataclasses.asdict(state), indent=2, sort_keys=True) ---

def trainer_state(state, parts):
    write_text(parts, json.dumps(state, indent=2, sort_keys=True) + "\n")


def bert_sst2():
    """transformers 4.4x: grad_norm, best_global_step, stateful_callbacks, a NaN grad_norm
    from an fp16 overflow, a loss rounded to 0.0, and the final evaluation logged twice by a
    trainer.evaluate() after load_best_model_at_end."""
    rng = random.Random(11)
    steps_per_epoch, epochs = 300, 3
    history = []
    evals = {300: (0.3322, 0.8807, 0.8791), 600: (0.2961, 0.9002, 0.8994), 900: (0.3408, 0.8956, 0.8941)}
    for step in range(50, 901, 50):
        loss = round(0.69 * math.exp(-step / 260) + rng.uniform(0, 0.02), 4)
        if step == 850:
            loss = 0.0
        grad = float("nan") if step == 150 else rng.uniform(1.5, 9.0)
        history.append({"epoch": step / steps_per_epoch, "grad_norm": grad,
                        "learning_rate": 2e-05 * (1 - step / 900), "loss": loss, "step": step})
        if step in evals:
            l, a, f1 = evals[step]
            history.append({"epoch": step / steps_per_epoch, "eval_accuracy": a, "eval_f1": f1,
                            "eval_loss": l, "eval_runtime": 3.1812, "eval_samples_per_second": 274.108,
                            "eval_steps_per_second": 8.645, "step": step})
    history.append({"epoch": 3.0, "step": 900, "total_flos": 1893743627673600.0,
                    "train_loss": 0.19874316, "train_runtime": 412.7731,
                    "train_samples_per_second": 69.77, "train_steps_per_second": 2.18})
    l, a, f1 = evals[600]  # load_best_model_at_end, then trainer.evaluate()
    history.append({"epoch": 3.0, "eval_accuracy": a, "eval_f1": f1, "eval_loss": l,
                    "eval_runtime": 3.0415, "eval_samples_per_second": 286.7,
                    "eval_steps_per_second": 9.042, "step": 900})
    state = {
        "best_global_step": 600, "best_metric": 0.2961,
        "best_model_checkpoint": "bert-sst2/checkpoint-600", "epoch": 3.0, "eval_steps": 300,
        "global_step": 900, "is_hyper_param_search": False, "is_local_process_zero": True,
        "is_world_process_zero": True, "log_history": history, "logging_steps": 50,
        "max_steps": 900, "num_input_tokens_seen": 0, "num_train_epochs": 3, "save_steps": 300,
        "stateful_callbacks": {"TrainerControl": {"args": {
            "should_epoch_stop": False, "should_evaluate": False, "should_log": False,
            "should_save": True, "should_training_stop": True}, "attributes": {}}},
        "total_flos": 1893743627673600.0, "train_batch_size": 32, "trial_name": None,
        "trial_params": None,
    }
    trainer_state(state, ["trainer-state", "bert-sst2", "trainer_state.json"])


def wav2vec2_ctc():
    """transformers 4.2x, as the speech-recognition examples ran it: no grad_norm, no
    best_global_step, no logging_steps / eval_steps / train_batch_size at the top, epochs
    rounded to 2 decimals, CTC losses in the thousands (ctc_loss_reduction="sum"), eval_wer,
    and best_metric = the WER of checkpoint-400."""
    history = []
    losses = [3321.4211, 2893.0512, 1874.6643, 1112.9802, 687.3317, 401.2209, 288.7142, 231.0098,
              198.5521, 176.3314, 161.9921, 150.4418]
    evals = {200: (1624.7352, 1.0), 400: (301.4458, 0.5123), 600: (262.9012, 0.5311)}
    for i, loss in enumerate(losses):
        step = (i + 1) * 50
        history.append({"epoch": round(step / 83.0, 2), "learning_rate": 3e-04 * min(1, step / 250),
                        "loss": loss, "step": step})
        if step in evals:
            l, wer = evals[step]
            history.append({"epoch": round(step / 83.0, 2), "eval_loss": l, "eval_runtime": 41.2231,
                            "eval_samples_per_second": 12.129, "eval_steps_per_second": 1.528,
                            "eval_wer": wer, "step": step})
    history.append({"epoch": 7.23, "step": 600, "total_flos": 2.107412399841792e+18,
                    "train_loss": 992.2214, "train_runtime": 2876.1124,
                    "train_samples_per_second": 6.676, "train_steps_per_second": 0.209})
    state = {"best_metric": 0.5123, "best_model_checkpoint": "./wav2vec2-base-timit/checkpoint-400",
             "epoch": 7.23, "global_step": 600, "is_hyper_param_search": False,
             "is_local_process_zero": True, "is_world_process_zero": True, "log_history": history,
             "max_steps": 600, "num_train_epochs": 8, "total_flos": 2.107412399841792e+18,
             "trial_name": None, "trial_params": None}
    trainer_state(state, ["trainer-state", "wav2vec2-ctc", "trainer_state.json"])


def several_eval_sets():
    """eval_dataset={"validation": ..., "test": ...}: each set logs its own record with
    eval_<set>_ keys, and a callback scoring the training set logs train_loss/train_accuracy."""
    history = []
    for epoch in (1, 2, 3):
        step = epoch * 125
        history.append({"epoch": epoch - 0.2, "grad_norm": 3.2 / epoch, "learning_rate": 5e-5 * (1 - step / 400),
                        "loss": round(0.62 / epoch, 4), "step": step - 25})
        history.append({"epoch": float(epoch), "step": step, "train_accuracy": 0.8 + 0.05 * epoch,
                        "train_loss": 0.5 / epoch})
        history.append({"epoch": float(epoch), "eval_validation_accuracy": 0.78 + 0.03 * epoch,
                        "eval_validation_loss": 0.55 - 0.05 * epoch, "eval_validation_runtime": 2.5,
                        "eval_validation_samples_per_second": 400.0, "eval_validation_steps_per_second": 12.5,
                        "step": step})
        history.append({"epoch": float(epoch), "eval_test_accuracy": 0.75 + 0.03 * epoch,
                        "eval_test_loss": 0.6 - 0.05 * epoch, "eval_test_runtime": 2.6,
                        "eval_test_samples_per_second": 390.0, "eval_test_steps_per_second": 12.2,
                        "step": step})
    state = {"best_global_step": None, "best_metric": None, "best_model_checkpoint": None,
             "epoch": 3.0, "eval_steps": 500, "global_step": 375, "is_hyper_param_search": False,
             "is_local_process_zero": True, "is_world_process_zero": True, "log_history": history,
             "logging_steps": 100, "max_steps": 375, "num_input_tokens_seen": 0, "num_train_epochs": 3,
             "save_steps": 500, "stateful_callbacks": {}, "total_flos": 0, "train_batch_size": 16,
             "trial_name": None, "trial_params": None}
    trainer_state(state, ["trainer-state", "several-eval-sets", "trainer_state.json"])


def checkpoint_folder():
    """A run folder with checkpoint-90, checkpoint-500 and checkpoint-1000: the newest is
    1000, which sorts before 500 as text."""
    for n in (90, 500, 1000):
        history = [{"epoch": s / 500, "learning_rate": 1e-4, "loss": round(1.0 / (1 + s / 100), 4), "step": s}
                   for s in (range(10, n + 1, 10) if n == 90 else range(250, n + 1, 250))]
        trainer_state({"best_metric": None, "best_model_checkpoint": None, "epoch": n / 500,
                       "global_step": n, "log_history": history, "max_steps": 1000,
                       "num_train_epochs": 2, "total_flos": 0},
                      ["trainer-state", "run", f"checkpoint-{n}", "trainer_state.json"])


def truncated_state():
    with open(path("trainer-state", "bert-sst2", "trainer_state.json")) as f:
        text = f.read()
    write_text(["malformed", "truncated", "trainer_state.json"], text[:1500])


# --- Keras CSVLogger: csv.DictWriter(dialect=excel) -> "\r\n"; NA for missing keys ---

def keras_rows(rows, keys, sep=","):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["epoch"] + keys, delimiter=sep)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue()  # lines end in \r\n, as Keras writes on Linux


def keras():
    rng = random.Random(5)
    keys = ["accuracy", "learning_rate", "loss", "val_accuracy", "val_loss"]
    rows = []
    for epoch in range(12):
        loss = 0.69 * 0.82 ** epoch + rng.uniform(0, 0.01)
        val = 0.66 * 0.86 ** epoch + 0.004 * max(0, epoch - 7) ** 2
        rows.append({"epoch": epoch, "accuracy": 0.55 + 0.035 * epoch, "learning_rate": 0.0010000000474974513,
                     "loss": loss, "val_accuracy": 0.53 + 0.03 * min(epoch, 9), "val_loss": val})
    with open(path("keras", "training.log"), "w", newline="") as f:
        f.write(keras_rows(rows, keys))

    # Windows: csv writes \r\n into a text-mode file, which turns \n into \r\n again.
    win = keras_rows(rows[:5], keys, sep=";").replace("\r\n", "\r\r\n")
    with open(path("keras", "windows-semicolon.csv"), "w", newline="") as f:
        f.write(win)

    # CSVLogger(append=True): a first run diverges (loss nan), the second starts again at
    # epoch 0 under the same header, with validation_freq=2 (NA in between).
    keys = ["accuracy", "loss", "val_accuracy", "val_loss"]
    first = [{"epoch": 0, "accuracy": 0.52, "loss": 0.7105, "val_accuracy": 0.5, "val_loss": 0.6983},
             {"epoch": 1, "accuracy": 0.49, "loss": 3.0991, "val_accuracy": 0.5, "val_loss": 12.227},
             {"epoch": 2, "accuracy": 0.5, "loss": float("nan"), "val_accuracy": 0.5, "val_loss": float("nan")}]
    second = []
    for epoch in range(6):
        has_val = epoch % 2 == 1
        second.append({"epoch": epoch, "accuracy": 0.6 + 0.05 * epoch, "loss": 0.65 - 0.07 * epoch,
                       "val_accuracy": 0.58 + 0.05 * epoch if has_val else "NA",
                       "val_loss": 0.66 - 0.06 * epoch if has_val else "NA"})
    text = keras_rows(first, keys) + keras_rows(second, keys).split("\r\n", 1)[1]
    with open(path("keras", "appended.csv"), "w", newline="") as f:
        f.write(text)

    # Two processes appending to one log: the header appears again mid-file.
    keys = ["loss", "val_loss"]
    block = keras_rows([{"epoch": e, "loss": 0.5 - 0.1 * e, "val_loss": 0.55 - 0.08 * e} for e in range(3)], keys)
    again = keras_rows([{"epoch": e, "loss": 0.5 - 0.1 * e, "val_loss": 0.55 - 0.08 * e} for e in range(3, 5)], keys)
    with open(path("keras", "repeated-header.csv"), "w", newline="") as f:
        f.write(block + again)


# --- PyTorch Lightning CSVLogger: one row per log_metrics call, sparse ---

def lightning():
    rng = random.Random(8)
    keys = ["epoch", "step", "train_acc_epoch", "train_loss_epoch", "train_loss_step", "val_acc", "val_loss"]
    rows = []
    steps_per_epoch = 200  # log_every_n_steps=50 -> steps 49, 99, 149, 199
    for epoch in range(3):
        for k in range(1, 5):
            step = epoch * steps_per_epoch + k * 50 - 1
            rows.append({"epoch": epoch, "step": step, "train_loss_step": 1.2 * 0.7 ** (epoch + k / 4) + rng.uniform(0, 0.05)})
        last = (epoch + 1) * steps_per_epoch - 1
        rows.append({"epoch": epoch, "step": last, "val_acc": 0.71 + 0.06 * epoch, "val_loss": 0.82 * 0.8 ** epoch})
        rows.append({"epoch": epoch, "step": last, "train_acc_epoch": 0.68 + 0.08 * epoch,
                     "train_loss_epoch": 0.95 * 0.72 ** epoch})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=keys, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_text(["lightning", "lightning_logs", "version_3", "metrics.csv"], out.getvalue())
    # An older version_1, to check the newest version folder is picked.
    write_text(["lightning", "lightning_logs", "version_1", "metrics.csv"], "epoch,step,val_loss\n0,99,9.0\n")

    # Lightning 1.x: keys in set order, not sorted; `on_step=False, on_epoch=True` -> no suffix.
    old = "val_loss,epoch,train_loss,step,val_acc\n"
    for epoch in range(4):
        step = (epoch + 1) * 120 - 1
        old += f",{epoch},{0.9 * 0.75 ** epoch},{step},\n"
        old += f"{0.95 * 0.8 ** epoch},{epoch},,{step},{0.6 + 0.07 * epoch}\n"
    write_text(["lightning", "old", "metrics.csv"], old)

    # A damaged cell: line 57, column val_loss.
    lines = ["epoch,step,train_loss,val_loss"]
    for i in range(60):
        step = i * 10 + 9
        if i % 5 == 4:
            lines.append(f"{i // 5},{step},,{0.7 - i * 0.004:.6f}")
        else:
            lines.append(f"{i // 5},{step},{0.8 - i * 0.005:.6f},")
    lines[56] = lines[56].rsplit(",", 1)[0] + ",abc"
    write_text(["lightning", "bad-number", "metrics.csv"], "\n".join(lines) + "\n")


# --- TensorBoard "Download CSV": Wall time,Step,Value; file run-<run>-tag-<tag>.csv ---

def tensorboard_csv():
    def series(name, points):
        text = "Wall time,Step,Value\n" + "".join(f"{1700000000.0 + s * 1.25:.3f},{s},{v}\n" for s, v in points)
        write_text(["tensorboard-csv", name], text)
    series("run-.-tag-train_loss.csv", [(s, 0.9 * math.exp(-s / 300) + 0.1) for s in range(49, 1000, 50)])
    series("run-.-tag-val_loss.csv", [(s, 0.8 * math.exp(-s / 350) + 0.18) for s in (249, 499, 749, 999)])
    series("run-.-tag-val_acc.csv", [(s, 0.6 + s / 4000) for s in (249, 499, 749, 999)])
    text = "Wall time,Step,Value\n" + "".join(f"{1700000000 + e},{e},{0.6 - 0.05 * e}\n" for e in range(4))
    write_text(["tensorboard-csv", "keras", "run-train-tag-epoch_loss.csv"], text)
    text = "Wall time,Step,Value\n" + "".join(f"{1700000000 + e},{e},{0.62 - 0.04 * e}\n" for e in range(4))
    write_text(["tensorboard-csv", "keras", "run-validation-tag-epoch_loss.csv"], text)
    text = "Wall time,Step,Value\n1700000000.5,100,0.51\n1700000100.5,200,0.47\n"
    write_text(["tensorboard-csv", "named", "exp3_val_loss.csv"], text)


# --- Weights & Biases exports ---

def wandb():
    runs = ["bert-lr3e-5", "bert-lr1e-4"]
    header = ['"Step"']
    for run in runs:
        header += [f'"{run} - eval/loss"', f'"{run} - eval/loss__MIN"', f'"{run} - eval/loss__MAX"']
    lines = [",".join(header)]
    for step in (500, 1000, 1500, 2000):
        cells = [str(step)]
        for i, run in enumerate(runs):
            v = 0.42 - step / 20000 + 0.03 * i
            cells += [f'"{v}"', f'"{v - 0.01}"', f'"{v + 0.01}"']
        lines.append(",".join(cells))
    lines.append('2500,"","","","0.2969","0.2869","0.3069"')
    write_text(["wandb", "wandb_export_2024-05-14T09_31_07.412+02_00.csv"], "\n".join(lines) + "\n")

    # run.history() / "Export as CSV" of a Trainer run: sparse, W&B's own _step counts calls.
    keys = ["_step", "_runtime", "_timestamp", "train/loss", "train/grad_norm", "train/learning_rate",
            "train/epoch", "train/global_step", "eval/loss", "eval/accuracy", "eval/runtime",
            "eval/samples_per_second", "eval/steps_per_second"]
    rows = []
    call = 0
    for step in range(100, 1001, 100):
        rows.append({"_step": call, "_runtime": 12.5 * call, "_timestamp": 1715670000.25 + 12.5 * call,
                     "train/loss": round(0.7 * math.exp(-step / 600), 4), "train/grad_norm": 2.5,
                     "train/learning_rate": 5e-5 * (1 - step / 1000), "train/epoch": step / 500,
                     "train/global_step": step})
        call += 1
        if step % 500 == 0:
            rows.append({"_step": call, "_runtime": 12.5 * call, "_timestamp": 1715670000.25 + 12.5 * call,
                         "train/epoch": step / 500, "train/global_step": step,
                         "eval/loss": 0.41 - step / 10000, "eval/accuracy": 0.8 + step / 10000,
                         "eval/runtime": 4.2, "eval/samples_per_second": 238.1, "eval/steps_per_second": 7.4})
            call += 1
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=keys, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_text(["wandb", "history.csv"], out.getvalue())


# --- fastai CSVLogger: epoch,train_loss,valid_loss,<metrics>,time ---

def fastai():
    lines = ["epoch,train_loss,valid_loss,accuracy,error_rate,time"]
    for epoch in range(5):
        lines.append(f"{epoch},{0.9 * 0.7 ** epoch:.6f},{0.7 * 0.78 ** epoch:.6f},"
                     f"{0.78 + 0.03 * epoch:.6f},{0.22 - 0.03 * epoch:.6f},00:{14 + epoch:02d}")
    write_text(["fastai", "history.csv"], "\n".join(lines) + "\n")


# --- MLflow file store: mlruns/<exp>/<run>/metrics/<name>: "<ms> <value> <step>" ---

def mlflow():
    run = ["mlflow", "mlruns", "1", "5c1f0e7a9d2b4e6f8a3c"]
    write_text(run + ["meta.yaml"], "artifact_uri: file:///tmp/mlruns/1/5c1f0e7a9d2b4e6f8a3c/artifacts\n"
               "end_time: 1715673000512\nexperiment_id: '1'\nlifecycle_stage: active\n"
               "run_id: 5c1f0e7a9d2b4e6f8a3c\nrun_name: keras-autolog\nstart_time: 1715670000101\n"
               "status: 3\n")
    write_text(run + ["params", "epochs"], "6")
    t = 1715670000101
    def metric(name, values):
        write_text(run + ["metrics", name], "".join(f"{t + 1000 * s} {v} {s}\n" for s, v in values))
    metric("loss", [(s, 0.68 * 0.8 ** s) for s in range(6)])
    metric("val_loss", [(s, 0.7 * 0.85 ** s) for s in range(6)])
    metric("accuracy", [(s, 0.6 + 0.05 * s) for s in range(6)])
    metric("val_accuracy", [(s, 0.58 + 0.05 * s) for s in range(6)])


# --- Ultralytics results.csv ---

def ultralytics():
    names = ["epoch", "train/box_loss", "train/cls_loss", "train/dfl_loss", "metrics/precision(B)",
             "metrics/recall(B)", "metrics/mAP50(B)", "metrics/mAP50-95(B)", "val/box_loss",
             "val/cls_loss", "val/dfl_loss", "lr/pg0", "lr/pg1", "lr/pg2"]
    # YOLOv8 8.0.x: every header and cell right-aligned to 23 characters (pandas' to_csv of a
    # padded frame in ultralytics' save_metrics), epochs counted from 0 ... and later from 1.
    lines = [",".join("%23s" % n for n in names)]
    for epoch in range(4):
        values = [epoch, 1.25 - 0.1 * epoch, 2.1 - 0.3 * epoch, 1.3 - 0.05 * epoch, 0.5 + 0.08 * epoch,
                  0.4 + 0.07 * epoch, 0.45 + 0.09 * epoch, 0.28 + 0.06 * epoch, 1.35 - 0.07 * epoch,
                  1.9 - 0.2 * epoch, 1.35 - 0.03 * epoch, 0.00332 * (epoch + 1), 0.00332 * (epoch + 1),
                  0.0701 - 0.0198 * epoch]
        lines.append(",".join("%23s" % (str(v) if isinstance(v, int) else "%.5g" % v) for v in values))
    write_text(["ultralytics", "yolov8-padded", "results.csv"], "\n".join(lines) + "\n")

    names11 = ["epoch", "time"] + names[1:]
    lines = [",".join(names11)]
    for epoch in range(1, 6):
        values = [epoch, 9.9 * epoch, 1.12 - 0.02 * epoch, 1.17 - 0.05 * epoch, 1.15 - 0.01 * epoch,
                  0.65 + 0.02 * epoch, 0.75 - 0.01 * epoch, 0.77 + 0.01 * epoch, 0.5 + 0.005 * epoch,
                  1.31 - 0.02 * epoch, 1.33 - 0.03 * epoch, 1.25 - 0.003 * epoch, 3.334e-05 * epoch,
                  3.334e-05 * epoch, 3.334e-05 * epoch]
        lines.append(",".join(str(v) if isinstance(v, int) else "%.6g" % v for v in values))
    write_text(["ultralytics", "yolo11", "results.csv"], "\n".join(lines) + "\n")

    lines = ["epoch,time,train/loss,metrics/accuracy_top1,metrics/accuracy_top5,val/loss,lr/pg0,lr/pg1,lr/pg2"]
    for epoch in range(1, 4):
        lines.append(f"{epoch},{4.2 * epoch:.3f},{2.2 - 0.4 * epoch:.5f},{0.41 + 0.1 * epoch:.5f},"
                     f"{0.8 + 0.05 * epoch:.5f},{2.1 - 0.35 * epoch:.5f},0.000237,0.000237,0.000237")
    write_text(["ultralytics", "classify", "results.csv"], "\n".join(lines) + "\n")


# --- CurveLab's own formats and generic shapes ---

def curvelab():
    lines = [
        '{"event": "train", "step": 10, "epoch": 0.31, "loss": 0.6931, "learning_rate": 5e-05}',
        '{"event": "train", "step": 20, "epoch": 0.62, "loss": 0.6512, "learning_rate": 4.5e-05}',
        '',
        '{"event": "train", "step": 30, "epoch": 0.94, "loss": NaN, "learning_rate": 4e-05, "grad_norm": null}',
        '{"event": "eval", "step": 32, "epoch": 1.0, "eval_loss": 0.52, "eval_accuracy": 0.8, "eval_f1": 0.79}',
        '{"event": "train", "step": 40, "epoch": 1.25, "loss": 0.5011, "learning_rate": 3.5e-05}',
        '{"event": "eval", "step": 64, "epoch": 2.0, "eval_loss": 0.47, "eval_accuracy": 0.83, "eval_f1": 0.82}',
        '{"epoch": 2.0, "step": 64, "total_flos": 0.0, "train_loss": 0.59, "train_runtime": 12.5}',
    ]
    write_text(["jsonl", "metrics.jsonl"], "\n".join(lines) + "\n")
    doc = {"evaluation": [], "format": "curvelab-log", "metadata": {"source": "simulator"},
           "training": [{"loss": 0.5, "step": 1}], "version": 2}
    write_text(["curvelab", "version-2.json"], json.dumps(doc, indent=2, sort_keys=True) + "\n")
    write_text(["csv", "generic.csv"],
               "iteration,train_loss,val_loss,val_acc,notes\n100,0.71,,,warmup\n200,0.62,0.66,0.61,\n"
               "300,0.55,,,\n400,0.51,0.58,0.67,best so far\n")
    write_text(["csv", "columns-unknown.csv"], "round,reward,kl\n1,0.5,0.01\n2,0.7,0.02\n")


# --- Shapes of real logs found in public repositories (see SOURCE.md, "Real shapes") ---

def shapes():
    rng = random.Random(17)
    epochs = 12
    loss = [0.69 * 0.8 ** e + rng.uniform(0, 0.01) for e in range(epochs)]
    val_loss = [0.66 * 0.85 ** e + 0.003 * max(0, e - 8) ** 2 for e in range(epochs)]
    acc = [0.55 + 0.035 * e for e in range(epochs)]
    val_acc = [0.53 + 0.03 * min(e, 9) for e in range(epochs)]

    # Keras: json.dump(history.history, f) after model.fit; one line, keys in the order fit
    # logs them (Keras 3 adds learning_rate).
    history = {"accuracy": acc, "loss": loss, "val_accuracy": val_acc, "val_loss": val_loss,
               "learning_rate": [0.0010000000474974513] * epochs}
    with open(path("shapes", "keras-history", "history.json"), "w") as f:
        json.dump(history, f)

    # A PyTorch loop's dictionary, accuracy in percent, json.dump(indent=4), with an epoch
    # list counted from 1 and single values for the best epoch.
    pct = {"epochs": list(range(1, epochs + 1)),
           "train_loss": [round(x, 4) for x in loss],
           "train_acc": [round(100 * x, 2) for x in acc],
           "val_loss": [round(x, 4) for x in val_loss],
           "val_acc": [round(100 * x, 2) for x in val_acc],
           "best_epoch": 9, "best_val_loss": round(min(val_loss), 4)}
    with open(path("shapes", "pytorch-percent", "training_history.json"), "w") as f:
        json.dump(pct, f, indent=4)

    # pandas: pd.DataFrame(history.history).to_json("history.json") (orient="columns").
    columns = {key: {str(i): v for i, v in enumerate(values)} for key, values in history.items()
               if key != "learning_rate"}
    write_text(["shapes", "pandas-json", "history.json"], json.dumps(columns, separators=(",", ":")))

    # A list of records: json.dump([{"epoch": e, ...}, ...], indent=2), epochs from 0.
    records = [{"epoch": e, "train_loss": loss[e], "val_loss": val_loss[e], "val_acc": val_acc[e]}
               for e in range(epochs)]
    write_text(["shapes", "records", "metrics.json"], json.dumps(records, indent=2) + "\n")

    # Per split, one level down: {"train": {"loss": [...]}, "val": {...}}.
    nested = {"train": {"loss": loss, "acc": acc}, "val": {"loss": val_loss, "acc": val_acc}}
    write_text(["shapes", "nested", "history.json"], json.dumps(nested, indent=2) + "\n")

    # Per-batch training losses beside per-epoch validation values (a custom callback).
    batches = [0.7 * 0.97 ** b + rng.uniform(0, 0.02) for b in range(4 * 10)]
    mixed = {"loss": batches, "val_loss": val_loss[:4], "val_accuracy": val_acc[:4]}
    write_text(["shapes", "per-batch", "history.json"], json.dumps(mixed) + "\n")

    # CSVLogger(append=True) created anew for every model.fit(epochs=1) call in a loop: the
    # header once, then every row says epoch 0.
    keys = ["accuracy", "loss", "val_accuracy", "val_loss"]
    rows = [{"epoch": 0, "accuracy": acc[e], "loss": loss[e], "val_accuracy": val_acc[e],
             "val_loss": val_loss[e]} for e in range(8)]
    with open(path("shapes", "keras-stuck-epoch", "training.log"), "w", newline="") as f:
        f.write(keras_rows(rows, keys))

    # pandas: pd.DataFrame(history.history).to_csv("history.csv"): an unnamed index column.
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["", "loss", "accuracy", "val_loss", "val_accuracy"])
    for e in range(epochs):
        writer.writerow([e, repr(loss[e]), repr(acc[e]), repr(val_loss[e]), repr(val_acc[e])])
    write_text(["shapes", "pandas-index", "history.csv"], out.getvalue())

    # A PyTorch loop writing its own CSV, accuracy in percent, epochs from 1.
    lines = ["epoch,train_loss,train_acc,val_loss,val_acc"]
    for e in range(epochs):
        lines.append(f"{e + 1},{loss[e]:.4f},{100 * acc[e]:.2f},{val_loss[e]:.4f},{100 * val_acc[e]:.2f}")
    write_text(["shapes", "percent-csv", "log.csv"], "\n".join(lines) + "\n")

    # Lightning after trainer.fit then trainer.test: the test metrics in rows of their own at
    # the last step (ExperimentWriter rewrites the header with every key seen).
    keys = ["epoch", "step", "test_acc", "test_loss", "train_loss_epoch", "train_loss_step", "val_acc", "val_loss"]
    rows = []
    for epoch in range(3):
        for k in range(1, 5):
            rows.append({"epoch": epoch, "step": epoch * 200 + k * 50 - 1,
                         "train_loss_step": 1.1 * 0.7 ** (epoch + k / 4) + rng.uniform(0, 0.05)})
        last = (epoch + 1) * 200 - 1
        rows.append({"epoch": epoch, "step": last, "val_acc": 0.7 + 0.06 * epoch, "val_loss": 0.8 * 0.8 ** epoch})
        rows.append({"epoch": epoch, "step": last, "train_loss_epoch": 0.9 * 0.72 ** epoch})
    rows.append({"epoch": 3, "step": 600, "test_acc": 0.8125, "test_loss": 0.5322})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=keys, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_text(["shapes", "lightning-test-rows", "metrics.csv"], out.getvalue())

    # W&B: a panel of one metric per seed exported as CSV; no loss, no accuracy.
    lines = ['"Step","seed 1 - test FID_B","seed 1 - test FID_B__MIN","seed 1 - test FID_B__MAX"']
    fid = [96.4, 71.2, 60.3, 55.8, 54.1, 55.0, 57.9, 59.6]
    for i, value in enumerate(fid):
        lines.append(f"{(i + 1) * 1000},{value},{value},{value}")
    write_text(["shapes", "wandb-one-metric", "wandb_export_2024-03-02T11_20_41.118+01_00.csv"],
               "\n".join(lines) + "\n")


def float32(x):
    """A float32 as Python prints it after `tensor.item()`: the nearest float32, as a double."""
    return struct.unpack("f", struct.pack("f", x))[0]


# --- Shapes added for issue 10/13 follow-ups (own seeds, so the shapes above stay as they are) ---

def lightning_validation_batches():
    # Lightning 2.x, `self.log("val_loss", loss, on_step=True, on_epoch=True)` (and val_f1) in
    # validation_step: the logger connector's update_eval_step_metrics passes the index of the
    # validation batch as the step (from 0 at every validation) and adds no epoch; the
    # epoch-level rows and the training rows carry the global step and the epoch. 10 epochs of
    # 40 batches, log_every_n_steps=10, 5 validation batches; keys sorted as CSVLogger writes them.
    rng = random.Random(23)
    keys = ["epoch", "step", "train_loss_epoch", "train_loss_step", "val_f1_epoch", "val_f1_step",
            "val_loss_epoch", "val_loss_step"]
    rows = []
    for epoch in range(10):
        for k in range(1, 5):
            rows.append({"epoch": epoch, "step": epoch * 40 + k * 10 - 1,
                         "train_loss_step": float32(0.9 * 0.82 ** (epoch + k / 4) + rng.uniform(0, 0.06))})
        losses, scores = [], []
        for batch in range(5):
            loss = float32(0.7 * 0.86 ** epoch + 0.02 * max(0, epoch - 6) + rng.uniform(-0.05, 0.05))
            score = float32(min(0.99, 0.55 + 0.04 * epoch + rng.uniform(-0.04, 0.04)))
            losses.append(loss)
            scores.append(score)
            rows.append({"step": batch, "val_f1_step": score, "val_loss_step": loss})
        last = (epoch + 1) * 40 - 1
        rows.append({"epoch": epoch, "step": last, "val_f1_epoch": float32(sum(scores) / 5),
                     "val_loss_epoch": float32(sum(losses) / 5)})
        rows.append({"epoch": epoch, "step": last,
                     "train_loss_epoch": float32(0.9 * 0.82 ** (epoch + 0.5) + 0.03)})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=keys, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_text(["shapes", "lightning-validation-batches", "metrics.csv"], out.getvalue())


def nested_reports():
    # A training report that wraps the history in an object of its own beside the run's
    # settings and summaries (json.dump(report, f, indent=2)): timestamp, config,
    # training_history {train_loss, val_loss, val_accuracy}, memory_stats, performance_metrics
    # with a per-epoch time list, total_time; the layout project READMEs document for their
    # `training_report.json`.
    rng = random.Random(31)
    epochs = 10
    report = {
        "timestamp": "2024-02-10T19:30:00",
        "config": {"batch_size": 32, "epochs": epochs, "learning_rate": 0.001, "model": "cnn"},
        "training_history": {
            "train_loss": [0.92 * 0.8 ** e + rng.uniform(0, 0.02) for e in range(epochs)],
            "val_loss": [0.95 * 0.84 ** e + 0.004 * max(0, e - 6) ** 2 for e in range(epochs)],
            "val_accuracy": [round(0.58 + 0.035 * min(e, 8), 4) for e in range(epochs)],
        },
        "memory_stats": {"peak_gpu_memory_gb": 2.5, "avg_cpu_percent": 45.2},
        "performance_metrics": {"epoch_time": [round(41.5 + rng.uniform(-2, 2), 2) for _ in range(epochs)]},
        "total_time": 421.7,
    }
    write_text(["shapes", "nested-report", "training_report.json"], json.dumps(report, indent=2) + "\n")

    # Keras history.history saved inside model metadata (a model registry's save step):
    # version, created_at, config, then {"training_history": {"loss", "val_loss", "accuracy",
    # "val_accuracy"}} and a performance summary.
    loss = [0.69 * 0.82 ** e + rng.uniform(0, 0.01) for e in range(8)]
    metadata = {
        "version": "v3", "created_at": "2024-06-01T08:12:44.120391",
        "config": {"units": 64, "dropout": 0.2},
        "training_history": {
            "loss": loss,
            "val_loss": [0.7 * 0.86 ** e for e in range(8)],
            "accuracy": [0.55 + 0.04 * e for e in range(8)],
            "val_accuracy": [0.54 + 0.035 * e for e in range(8)],
        },
        "performance": {"test_loss": 0.41, "test_accuracy": 0.8},
    }
    write_text(["shapes", "nested-metadata", "model_metadata.json"], json.dumps(metadata, indent=2) + "\n")


def summary_rows():
    # A loop's own CSV log (csv.writer, values as f"{x:.4f}", epochs from 1), then after
    # training a closing row with a word where the epoch goes: the best checkpoint's scores
    # re-evaluated (`writerow(["best", ...])`, as training scripts append after their loop).
    rng = random.Random(41)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["epoch", "train_loss", "train_acc", "val_loss", "val_acc"])
    rows = []
    for e in range(1, 9):
        rows.append((e, 0.8 * 0.8 ** e + rng.uniform(0, 0.02), 0.6 + 0.04 * e,
                     0.82 * 0.85 ** e + 0.01 * max(0, e - 5) ** 2, 0.58 + 0.035 * min(e, 6)))
        writer.writerow([rows[-1][0]] + [f"{x:.4f}" for x in rows[-1][1:]])
    best = min(rows, key=lambda r: r[3])
    writer.writerow(["best"] + [f"{x:.4f}" for x in best[1:]])
    write_text(["shapes", "summary-rows", "metrics.csv"], out.getvalue())


def setfit():
    # SetFit 1.x: its Trainer.log adds "epoch" and "step" to what it logs: training records
    # {"embedding_loss": round(loss, 4), "learning_rate": ...}, evaluations
    # {"eval_embedding_loss": round(loss, 4), "learning_rate": ...} (no runtime keys), then
    # transformers' TrainerState.save_to_json (indent=2, sort_keys=True). 500 steps, logging and
    # evaluating every 50.
    rng = random.Random(53)
    history = []
    total = 500
    for step in [1] + list(range(50, total + 1, 50)):
        rate = 2e-05 * min(step / 50, 1) * (1 - max(0, step - 50) / (total - 50)) if step > 1 else 2e-05 / 50
        history.append({"embedding_loss": round(0.26 * math.exp(-step / 180) + 0.01 + rng.uniform(0, 0.015), 4),
                        "epoch": step / total, "learning_rate": rate, "step": step})
        if step % 50 == 0:
            history.append({"epoch": step / total,
                            "eval_embedding_loss": round(0.24 * math.exp(-step / 260) + 0.05 + rng.uniform(0, 0.01), 4),
                            "learning_rate": rate, "step": step})
    state = {
        "best_global_step": None, "best_metric": None, "best_model_checkpoint": None, "epoch": 1.0,
        "eval_steps": 50, "global_step": total, "is_hyper_param_search": False,
        "is_local_process_zero": True, "is_world_process_zero": True, "log_history": history,
        "logging_steps": 50, "max_steps": total, "num_input_tokens_seen": 0, "num_train_epochs": 1,
        "save_steps": 500, "stateful_callbacks": {}, "total_flos": 0, "train_batch_size": 16,
        "trial_name": None, "trial_params": None,
    }
    trainer_state(state, ["shapes", "setfit", "checkpoint-500", "trainer_state.json"])


def long_table():
    # One row per set and epoch, as loops that write their own CSV do (csv.writer, \r\n):
    # header epoch,split,loss,acc,f1,time_sec; a "train" and a "valid" row per epoch with
    # f"{x:.4f}" values, then after the loop the best checkpoint on the test set in a row
    # whose epoch cell is "best" (writerow(["best", "test", ...])).
    rng = random.Random(61)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["epoch", "split", "loss", "acc", "f1", "time_sec"])
    total = 0.0
    for ep in range(1, 11):
        dt = 61.0 + rng.uniform(-3, 3)
        total += dt
        tr = (0.45 * 0.82 ** ep + 0.05 + rng.uniform(0, 0.01), 0.80 + 0.012 * ep, 0.55 + 0.03 * ep)
        va = (0.42 * 0.86 ** ep + 0.09 + 0.002 * max(0, ep - 7) ** 2 + rng.uniform(0, 0.006),
              0.81 + 0.01 * min(ep, 7), 0.56 + 0.025 * min(ep, 7))
        writer.writerow([ep, "train", f"{tr[0]:.4f}", f"{tr[1]:.4f}", f"{tr[2]:.4f}", f"{dt:.2f}"])
        writer.writerow([ep, "valid", f"{va[0]:.4f}", f"{va[1]:.4f}", f"{va[2]:.4f}", f"{dt:.2f}"])
    writer.writerow(["best", "test", "0.1512", "0.8790", "0.7301", f"{total:.2f}"])
    write_text(["shapes", "long-table", "metrics.csv"], out.getvalue())


def openmmlab_log_json():
    # mmcv's TextLoggerHook (mmdetection 2.x, by-epoch runner): before_run dumps runner.meta,
    # then one json.dump per log() call: mode, epoch, iter (the iteration within the epoch,
    # every interval=50), lr, memory, then the log buffer (data_time, the loss parts, loss,
    # time); floats rounded to 5 places. After each epoch the EvalHook's record: mode "val",
    # iter = the validation loader's length, lr, bbox_mAP... and a copypaste string.
    rng = random.Random(71)
    lines = [json.dumps({"env_info": "sys.platform: linux\nPython: 3.7.11 (default, Jul 27 2021, 14:32:16) [GCC 7.5.0]\nCUDA available: True",
                         "config": "model = dict(\n    type='FasterRCNN',\n    backbone=dict(type='ResNet', depth=50))\n",
                         "seed": 0, "exp_name": "faster_rcnn_r50_fpn_1x_voc0712.py"})]
    per_epoch = 300
    for epoch in range(1, 5):
        for it in range(50, per_epoch + 1, 50):
            t = (epoch - 1) * per_epoch + it
            parts = [0.3 * math.exp(-t / 300) + 0.02, 0.08 * math.exp(-t / 500) + 0.01,
                     0.7 * math.exp(-t / 400) + 0.12, 0.35 * math.exp(-t / 600) + 0.1]
            parts = [p + rng.uniform(0, 0.02) for p in parts]
            record = {"mode": "train", "epoch": epoch, "iter": it,
                      "lr": round(0.02 * min(1.0, t / 500), 5), "memory": 3821,
                      "data_time": round(rng.uniform(0.004, 0.06), 5),
                      "loss_rpn_cls": round(parts[0], 5), "loss_rpn_bbox": round(parts[1], 5),
                      "loss_cls": round(parts[2], 5), "acc": round(86 + 2.5 * epoch + rng.uniform(0, 1.5), 5),
                      "loss_bbox": round(parts[3], 5), "loss": round(sum(parts), 5),
                      "time": round(rng.uniform(0.38, 0.45), 5)}
            lines.append(json.dumps(record))
        m = 0.32 + 0.09 * epoch - 0.012 * epoch ** 2
        lines.append(json.dumps({"mode": "val", "epoch": epoch, "iter": 619, "lr": round(0.02 * min(1.0, epoch * per_epoch / 500), 5),
                                 "bbox_mAP": round(m, 4), "bbox_mAP_50": round(m + 0.25, 4),
                                 "bbox_mAP_copypaste": f"{m:.3f} {m + 0.25:.3f} -1.000 -1.000 -1.000 -1.000"}))
    write_text(["shapes", "openmmlab", "20220314_101512.log.json"], "\n".join(lines) + "\n")


def mmengine_scalars():
    # MMEngine's LoggerHook through LocalVisBackend.add_scalars (json.dumps of the tag, then
    # "step" added last): training records every 50 iterations at step = runner.iter + 1 with
    # lr, data_time, the loss and its parts, time, epoch, iter, memory; after each epoch the
    # validation metrics without time keys at step = runner.epoch (log_metric_by_epoch=True).
    rng = random.Random(83)
    lines = []
    per_epoch = 250
    for epoch in range(1, 5):
        for inner in range(50, per_epoch + 1, 50):
            step = (epoch - 1) * per_epoch + inner
            parts = [0.6 * math.exp(-step / 350) + 0.15 + rng.uniform(0, 0.03),
                     0.4 * math.exp(-step / 500) + 0.12 + rng.uniform(0, 0.02)]
            lines.append(json.dumps({"lr": round(0.01 * min(1.0, step / 300), 8),
                                     "data_time": round(rng.uniform(0.003, 0.02), 4),
                                     "loss": round(sum(parts), 4), "loss_cls": round(parts[0], 4),
                                     "loss_bbox": round(parts[1], 4), "time": round(rng.uniform(0.3, 0.36), 4),
                                     "epoch": epoch, "iter": step, "memory": 4210, "step": step}))
        m = 0.21 + 0.07 * epoch - 0.008 * epoch ** 2
        lines.append(json.dumps({"coco/bbox_mAP": round(m, 4), "coco/bbox_mAP_50": round(m + 0.21, 4),
                                 "coco/bbox_mAP_75": round(m - 0.04, 4), "step": epoch}))
    write_text(["shapes", "mmengine", "vis_data", "scalars.json"], "\n".join(lines) + "\n")


def timm_summary():
    # timm's train.py update_summary: an OrderedDict epoch, train_<k>, eval_<k>, lr written by
    # csv.DictWriter in append mode (header once, \r\n line ends), epochs from 0; eval_top1
    # and eval_top5 in percent, values as Python prints them.
    rng = random.Random(97)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["epoch", "train_loss", "eval_loss", "eval_top1", "eval_top5", "lr"])
    writer.writeheader()
    for epoch in range(12):
        lr = 0.05 * min(1.0, (epoch + 1) / 3) * 0.5 * (1 + math.cos(math.pi * epoch / 12))
        top1 = 42.0 + 30 * (1 - math.exp(-epoch / 4)) + rng.uniform(-0.8, 0.8)
        writer.writerow({"epoch": epoch, "train_loss": 2.1 * math.exp(-epoch / 6) + 0.9 + rng.uniform(0, 0.04),
                         "eval_loss": 1.9 * math.exp(-epoch / 5) + 1.05 + rng.uniform(0, 0.03),
                         "eval_top1": round(top1, 3), "eval_top5": round(min(99.9, top1 + 21.5), 3), "lr": lr})
    write_text(["shapes", "timm", "summary.csv"], out.getvalue())


def set_named_lists():
    # nanoGPT's estimate_loss() returns {"train": loss, "val": loss}; scripts that keep its
    # results per evaluation and json.dump them write lists named only by their set. A
    # character model's losses (falling from ln 65), and a classifier's accuracies kept the
    # same way (rising within 0 to 1).
    rng = random.Random(61)
    train, val = [], []
    for i in range(8):
        train.append(round(1.42 + 2.75 * 0.5 ** (1.3 * i) + rng.uniform(0, 0.01), 4))
        val.append(round(1.72 + 2.45 * 0.5 ** (1.3 * i) + rng.uniform(0, 0.01), 4))
    write_text(["shapes", "set-named-lists", "losses.json"],
               json.dumps({"train": train, "val": val}) + "\n")
    train = [round(0.5 + 0.36 * (1 - 0.6 ** i) + rng.uniform(0, 0.01), 3) for i in range(6)]
    val = [round(0.5 + 0.27 * (1 - 0.6 ** i) + rng.uniform(0, 0.01), 3) for i in range(6)]
    write_text(["shapes", "set-named-lists", "accuracies.json"],
               json.dumps({"train": train, "val": val}) + "\n")


def malformed():
    write_text(["malformed", "empty.csv"], "")
    rng = random.Random(99)
    with open(path("malformed", "garbage.bin"), "wb") as f:
        f.write(bytes(rng.randrange(256) for _ in range(2048)))


if __name__ == "__main__":
    bert_sst2()
    wav2vec2_ctc()
    several_eval_sets()
    checkpoint_folder()
    truncated_state()
    keras()
    lightning()
    tensorboard_csv()
    wandb()
    fastai()
    mlflow()
    ultralytics()
    curvelab()
    malformed()
    shapes()
    lightning_validation_batches()
    nested_reports()
    summary_rows()
    setfit()
    long_table()
    openmmlab_log_json()
    mmengine_scalars()
    timm_summary()
    set_named_lists()
