#!/usr/bin/env bash
# Turns an input the fuzzer found into a regression fixture of the normal test suite.
#
#   Fuzz/keep.sh TARGET CRASH-FILE LABEL
#   Fuzz/keep.sh csv-logs .build/fuzz/crashes/csv-logs/crash-00600ed2... lightning-negative-epoch
#
# Reader targets (json-logs, csv-logs, tensorboard) write the log the input stands for (its
# first byte, which picks the format and file name, decoded by the target itself) to
# Tests/CurveIOTests/Fixtures/fuzz/TARGET/LABEL--FORMAT--NAME, read by FuzzRegressionTests;
# json-parser and csv-parser write the input to Tests/JSONCodingTests/Fixtures/fuzz/ or
# Tests/CSVCodingTests/Fixtures/fuzz/. Fix the bug, then run swift test.
set -euo pipefail
cd "$(dirname "$0")/.."
target=$1 crash=$2 label=$3
binary=.build/fuzz/bin/$target
[ -x "$binary" ] || { echo "build the target first: Fuzz/run.sh 1 $target" >&2; exit 2; }
case $target in
  json-parser) mkdir -p Tests/JSONCodingTests/Fixtures/fuzz
    cp "$crash" "Tests/JSONCodingTests/Fixtures/fuzz/$label.json" ;;
  csv-parser) mkdir -p Tests/CSVCodingTests/Fixtures/fuzz
    cp "$crash" "Tests/CSVCodingTests/Fixtures/fuzz/$label.csv" ;;
  json-logs|csv-logs|tensorboard)
    read -r format name < <(CURVELAB_FUZZ_DESCRIBE=1 "$binary" "$crash" 2>/dev/null | head -1)
    folder=Tests/CurveIOTests/Fixtures/fuzz/$target
    mkdir -p "$folder"
    file="$folder/$label--$format--${name//\//~}"
    if [ "$target" = tensorboard ]; then
      CURVELAB_FUZZ_FRAMED=1 "$binary" "$crash" 2>/dev/null > "$file"
    else
      tail -c +2 "$crash" > "$file"
    fi ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
echo "kept as a regression fixture; now fix the bug and run swift test"
