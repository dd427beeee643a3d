#!/usr/bin/env python3
"""Run `curvelab diagnose FILE --json` on every labelled public run and compare with the eye labels.

usage: python3 measure.py [CURVELAB] [OUT.md]
  CURVELAB  the binary (default: .build/release/curvelab from the package root)
  OUT.md    where to write the tables (default: /tmp/corpus-measure.md); also printed

Writes: reader failures (non-zero exit or unreadable JSON, with the error text), every log's
label beside the engine's pattern, confidence and headline, the agreement on clear cases and
on all labelled cases, and the list of disagreements. Labels come from labels.csv and are never
changed here.
"""
import collections
import csv
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def diagnose(binary, path):
    try:
        done = subprocess.run(
            [binary, "diagnose", path, "--json"], capture_output=True, text=True, timeout=120
        )
    except subprocess.TimeoutExpired:
        return {"error": "timed out after 120 s"}
    if done.returncode != 0:
        message = (done.stderr.strip() or done.stdout.strip()).replace("\n", " ")
        return {"error": f"exit {done.returncode}: {message}"}
    try:
        data = json.loads(done.stdout)
    except ValueError as error:
        return {"error": f"output is not JSON ({error})"}
    runs = data.get("runs") or []
    if not runs:
        return {"error": "no runs in the output"}
    run = runs[-1]
    return {
        "runs": len(runs),
        "pattern": run.get("pattern"),
        "confidence": run.get("confidence"),
        "runner_up": run.get("runner_up"),
        "cause": run.get("cause"),
        "headline": run.get("headline", ""),
        "format": run.get("format"),
        "warnings": run.get("warnings") or [],
        "patterns": [r.get("pattern") for r in runs],
    }


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "release", "curvelab")
    out_path = sys.argv[2] if len(sys.argv) > 2 else "/tmp/corpus-measure.md"
    labels = list(csv.DictReader(open(os.path.join(HERE, "labels.csv"), encoding="utf-8")))
    results = []
    for row in labels:
        path = os.path.join(HERE, row["id"], row["file"])
        results.append((row, diagnose(binary, path)))

    lines = []
    failures = [(row, r) for row, r in results if "error" in r]
    lines.append(f"## Reader failures ({len(failures)} of {len(results)})\n")
    lines.append("| id | label | error |")
    lines.append("| --- | --- | --- |")
    for row, r in failures:
        lines.append(f"| {row['id']} | {row['pattern']} | {cell(r['error'])} |")

    lines.append("\n## Every log\n")
    lines.append("| id | format read | label | clear | engine | conf. | runner-up | warnings | headline |")
    lines.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for row, r in results:
        if "error" in r:
            lines.append(f"| {row['id']} | - | {row['pattern']} | {row['clear']} | (refused) | | | | |")
            continue
        runs = f" ({r['runs']} runs: {', '.join(r['patterns'])})" if r["runs"] > 1 else ""
        lines.append(
            f"| {row['id']} | {r['format']} | {row['pattern']} | {row['clear']} | {r['pattern']}{runs} | "
            f"{r['confidence']} | {r['runner_up'] or ''} | {len(r['warnings'])} | {cell(r['headline'])} |"
        )

    def agreement(rows):
        judged = [(row, r) for row, r in rows if row["pattern"] != "unclear"]
        agree = [(row, r) for row, r in judged if "error" not in r and r["pattern"] == row["pattern"]]
        return len(agree), len(judged)

    clear = [(row, r) for row, r in results if row["clear"] == "yes"]
    a, n = agreement(clear)
    lines.append("\n## Agreement\n")
    lines.append(f"- clear cases: {a} of {n} ({100.0 * a / n:.0f}%)" if n else "- clear cases: none")
    by_label = collections.defaultdict(lambda: [0, 0])
    for row, r in clear:
        by_label[row["pattern"]][1] += 1
        if "error" not in r and r["pattern"] == row["pattern"]:
            by_label[row["pattern"]][0] += 1
    for label, (ok, total) in sorted(by_label.items()):
        lines.append(f"  - {label}: {ok} of {total}")
    read = [(row, r) for row, r in clear if "error" not in r]
    a3, n3 = agreement(read)
    if n3:
        lines.append(f"- clear cases the readers accepted: {a3} of {n3} ({100.0 * a3 / n3:.0f}%)")
    a2, n2 = agreement(results)
    lines.append(f"- all labelled cases (clear or not, 'unclear' left out): {a2} of {n2} ({100.0 * a2 / n2:.0f}%)")
    unclear = [(row, r) for row, r in results if row["pattern"] == "unclear"]
    said = collections.Counter(r.get("pattern", "refused") if "error" not in r else "refused" for _, r in unclear)
    lines.append(f"- 'unclear' logs ({len(unclear)}): engine said " + ", ".join(f"{k} {v}" for k, v in sorted(said.items())))

    lines.append("\n## Disagreements on clear cases\n")
    lines.append("| id | label | engine | conf. | headline | label's note |")
    lines.append("| --- | --- | --- | --- | --- | --- |")
    for row, r in clear:
        if "error" in r or r["pattern"] != row["pattern"]:
            engine = "(refused)" if "error" in r else r["pattern"]
            headline = r.get("error") if "error" in r else r["headline"]
            lines.append(
                f"| {row['id']} | {row['pattern']} | {engine} | {r.get('confidence', '')} | "
                f"{cell(headline)} | {cell(row['note'])} |"
            )
    lines.append("\n## Disagreements on cases that are not clear\n")
    lines.append("| id | label | engine | conf. | headline |")
    lines.append("| --- | --- | --- | --- | --- |")
    for row, r in results:
        if row["clear"] == "yes" or row["pattern"] == "unclear":
            continue
        if "error" in r or r["pattern"] != row["pattern"]:
            engine = "(refused)" if "error" in r else r["pattern"]
            headline = r.get("error") if "error" in r else r["headline"]
            lines.append(f"| {row['id']} | {row['pattern']} | {engine} | {r.get('confidence', '')} | {cell(headline)} |")

    text = "\n".join(lines) + "\n"
    with open(out_path, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(text)


if __name__ == "__main__":
    main()
