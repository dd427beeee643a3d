#!/usr/bin/env python3
"""Writes the TensorBoard event-file fixtures without TensorFlow.

TFRecord framing (uint64 length, masked CRC-32C of the length, data, masked CRC-32C of the
data) and the protobuf messages Event / Summary / Summary.Value / TensorProto are written by
hand, the way tensorboardX, PyTorch's SummaryWriter and TensorFlow 2 write them:

- pytorch/: `simple_value` scalars (`train/loss`, `train/lr`, `val/loss`, `val/accuracy`),
  as torch.utils.tensorboard writes them, with the first `brain.Event:2` file-version record;
- keras/train, keras/validation: TensorFlow 2 tensor summaries (DT_FLOAT scalars with
  `tensor_content` in train/, `float_val` in validation/, plugin `scalars`) for `epoch_loss`,
  `epoch_accuracy`, `epoch_learning_rate`, and the batch-level
  `evaluation_loss_vs_iterations` Keras writes into validation/;
- truncated/: the PyTorch file with its last record cut in half (a file still being written);
- badcrc/: the PyTorch file with one byte of record 4's data changed;
- huge-step/: a Keras `epoch_loss` series whose last event sits at step 2^63 - 1 (a hostile
  file: the reader must refuse it with a message, not overflow);
- ultralytics/runs/detect/train/: tags as Ultralytics' TensorBoard callback writes them
  (`train/box_loss`, `val/box_loss`, `metrics/mAP50(B)`, `lr/pg0`, at step = epoch + 1) in
  the `runs/detect/train` folder Ultralytics uses by default, which is named like a split.

Run from this folder: python3 make_events.py
"""
import math
import os
import random
import struct

# CRC-32C (Castagnoli), reflected polynomial 0x82F63B78, as TFRecord uses.
_TABLE = []
for i in range(256):
    c = i
    for _ in range(8):
        c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
    _TABLE.append(c)


def crc32c(data: bytes) -> int:
    crc = 0xFFFFFFFF
    for b in data:
        crc = _TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def masked(crc: int) -> int:
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def frame(data: bytes) -> bytes:
    length = struct.pack("<Q", len(data))
    return (length + struct.pack("<I", masked(crc32c(length))) + data
            + struct.pack("<I", masked(crc32c(data))))


# Protocol buffer wire format.
def varint(n: int) -> bytes:
    n &= (1 << 64) - 1
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def key(field: int, wire: int) -> bytes:
    return varint(field << 3 | wire)


def length_delimited(field: int, payload: bytes) -> bytes:
    return key(field, 2) + varint(len(payload)) + payload


def event(wall_time: float, step: int = 0, summary: bytes = None, file_version: str = None):
    out = key(1, 1) + struct.pack("<d", wall_time)
    if step:
        out += key(2, 0) + varint(step)
    if file_version is not None:
        out += length_delimited(3, file_version.encode())
    if summary is not None:
        out += length_delimited(5, summary)
    return out


def simple_value(tag: str, value: float) -> bytes:
    return length_delimited(1, length_delimited(1, tag.encode()) + key(2, 5) + struct.pack("<f", value))


def scalars_metadata() -> bytes:
    plugin_data = length_delimited(1, b"scalars")  # PluginData.plugin_name
    return length_delimited(9, length_delimited(1, plugin_data))  # SummaryMetadata.plugin_data


def tensor_value(tag: str, value: float, content: bool) -> bytes:
    tensor = key(1, 0) + varint(1)  # dtype DT_FLOAT
    tensor += length_delimited(2, b"")  # tensor_shape {} (a scalar)
    if content:
        tensor += length_delimited(4, struct.pack("<f", value))  # tensor_content
    else:
        tensor += length_delimited(5, struct.pack("<f", value))  # packed float_val
    value_message = length_delimited(1, tag.encode()) + scalars_metadata() + length_delimited(8, tensor)
    return length_delimited(1, value_message)


def write(path: str, records: list) -> bytes:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = b"".join(frame(r) for r in records)
    with open(path, "wb") as f:
        f.write(data)
    return data


def pytorch_records():
    rng = random.Random(3)
    t = 1700000000.0
    records = [event(t, file_version="brain.Event:2")]
    for step in range(10, 201, 10):
        t += 4.25
        loss = 0.25 + 0.45 * math.exp(-step / 60) + rng.uniform(-0.01, 0.01)
        lr = 1e-3 * (1 - step / 200)
        records.append(event(t, step, simple_value("train/loss", loss) + simple_value("train/lr", lr)))
        if step % 50 == 0:
            t += 1.5
            val_loss = 0.3 + 0.4 * math.exp(-step / 70)
            summary = simple_value("val/loss", val_loss) + simple_value("val/accuracy", 0.6 + step / 800)
            records.append(event(t, step, summary))
    return records


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    name = "events.out.tfevents.1700000000.gpu-node.4242.0"
    records = pytorch_records()
    data = write(os.path.join(here, "pytorch", name), records)

    # Keras / TensorFlow 2: one event file per run folder, epoch-level tags at step = epoch.
    t = 1700003600.0
    train = [event(t, file_version="brain.Event:2")]
    validation = [event(t, file_version="brain.Event:2")]
    for epoch in range(6):
        t += 30.0
        loss = 0.7 * 0.8 ** epoch
        train.append(event(t, epoch, tensor_value("epoch_loss", loss, content=True)))
        train.append(event(t, epoch, tensor_value("epoch_accuracy", 0.55 + 0.07 * epoch, content=True)))
        train.append(event(t, epoch, tensor_value("epoch_learning_rate", 0.001, content=True)))
        val_loss = 0.72 * 0.85 ** epoch + 0.01 * epoch
        validation.append(event(t, epoch, tensor_value("epoch_loss", val_loss, content=False)))
        validation.append(event(t, epoch, tensor_value("epoch_accuracy", 0.52 + 0.06 * epoch, content=False)))
        validation.append(event(t, (epoch + 1) * 25, tensor_value("evaluation_loss_vs_iterations", val_loss, content=False)))
    write(os.path.join(here, "keras", "train", "events.out.tfevents.1700003600.laptop.77.0.v2"), train)
    write(os.path.join(here, "keras", "validation", "events.out.tfevents.1700003600.laptop.77.1.v2"), validation)

    # A file still being written: the last record is cut in half.
    last = frame(records[-1])
    write(os.path.join(here, "truncated", name), [])
    with open(os.path.join(here, "truncated", name), "wb") as f:
        f.write(data[: len(data) - len(last) // 2])

    # A damaged file: one byte inside record 4's data changed.
    damaged = bytearray(data)
    offset = sum(len(frame(r)) for r in records[:3]) + 12 + 5
    damaged[offset] ^= 0x40
    os.makedirs(os.path.join(here, "badcrc"), exist_ok=True)
    with open(os.path.join(here, "badcrc", name), "wb") as f:
        f.write(bytes(damaged))
    print("record 4 starts at byte", sum(len(frame(r)) for r in records[:3]))

    # A hostile file: a Keras epoch-level tag at step 2^63 - 1.
    t = 1700007000.0
    huge = [event(t, file_version="brain.Event:2")]
    for epoch in range(3):
        huge.append(event(t + epoch, epoch, tensor_value("epoch_loss", 0.5 - 0.1 * epoch, content=True)))
    huge.append(event(t + 9, (1 << 63) - 1, tensor_value("epoch_loss", 0.1, content=True)))
    write(os.path.join(here, "huge-step", "events.out.tfevents.1700007000.host.1.0.v2"), huge)

    # Ultralytics: PyTorch SummaryWriter scalars in runs/detect/train, one event per epoch.
    t = 1700009000.0
    yolo = [event(t, file_version="brain.Event:2")]
    for epoch in range(1, 9):
        t += 60.0
        box, cls, dfl = 1.6 * 0.9 ** epoch, 2.4 * 0.8 ** epoch, 1.3 * 0.95 ** epoch
        summary = (simple_value("train/box_loss", box) + simple_value("train/cls_loss", cls)
                   + simple_value("train/dfl_loss", dfl))
        yolo.append(event(t, epoch, summary))
        yolo.append(event(t, epoch, simple_value("lr/pg0", 0.0033 * (1 - epoch / 10))))
        metrics = (simple_value("metrics/precision(B)", 0.4 + 0.05 * epoch)
                   + simple_value("metrics/mAP50(B)", 0.3 + 0.06 * epoch)
                   + simple_value("val/box_loss", box * 1.1 + 0.01 * epoch)
                   + simple_value("val/cls_loss", cls * 1.2) + simple_value("val/dfl_loss", dfl * 1.05))
        yolo.append(event(t + 5, epoch, metrics))
    write(os.path.join(here, "ultralytics", "runs", "detect", "train",
                       "events.out.tfevents.1700009000.gpu.7.0"), yolo)


if __name__ == "__main__":
    main()
