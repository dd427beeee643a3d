#!/usr/bin/env bash
# Builds CurveLab's fuzz targets with libFuzzer and AddressSanitizer and runs each for a while.
#
#   Fuzz/run.sh [SECONDS] [TARGET...]     # default: 30 seconds, every target
#   Fuzz/run.sh 600 json-parser csv-logs  # ten minutes each for two targets
#
# Targets: json-parser, csv-parser, json-logs, csv-logs, tensorboard. Each starts from a seed
# corpus made of the test fixtures (and what earlier runs found, kept in .build/fuzz/corpus).
# A crash leaves its input in .build/fuzz/crashes/<target>/ and makes this script fail; add
# that input to the test suite as a regression fixture (see Fuzz/README.md). Environment:
# JOBS (parallel workers per target, default 1), FUZZ_FLAGS (extra libFuzzer flags).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-30}
shift || true
all=(json-parser csv-parser json-logs csv-logs tensorboard)
targets=("${@:-${all[@]}}")
build=$root/.build/fuzz
mkdir -p "$build/lib" "$build/bin" "$build/corpus" "$build/crashes"

swift_flags=(
  -sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 -package-name CurveLab
  -enable-upcoming-feature ExistentialAny -enable-upcoming-feature InternalImportsByDefault
  -I "$build/lib" -L "$build/lib"
)

# One static library per module, in dependency order, from the package's own sources.
module() {
  local name=$1; shift
  local sources
  mapfile -t sources < <(find "Sources/$name" -name '*.swift' | sort)
  if [ "$build/lib/lib$name.a" -nt "$(ls -t "${sources[@]}" | head -1)" ]; then return; fi
  echo "== building $name"
  swiftc "${swift_flags[@]}" -module-name "$name" -emit-module \
    -emit-module-path "$build/lib/$name.swiftmodule" -emit-library -static \
    -o "$build/lib/lib$name.a" "$@" "${sources[@]}" 2>&1 | grep -v 'warning: ' || true
  test -f "$build/lib/lib$name.a"
}
module CurveCore
module JSONCoding
module CSVCoding
module CurveIO -lCurveCore -lJSONCoding -lCSVCoding

target_sources() {
  case $1 in
    json-parser) echo "Fuzz/Targets/JSONParser.swift Tests/JSONCodingTests/Oracle/JSONOracle.swift" ;;
    csv-parser) echo "Fuzz/Targets/CSVParser.swift" ;;
    json-logs) echo "Fuzz/Targets/JSONLogs.swift Fuzz/Targets/Shared/LoadCheck.swift Fuzz/Targets/Shared/ReaderInput.swift Tests/CurveIOTests/Hostile/LoadInvariants.swift" ;;
    csv-logs) echo "Fuzz/Targets/CSVLogs.swift Fuzz/Targets/Shared/LoadCheck.swift Fuzz/Targets/Shared/ReaderInput.swift Tests/CurveIOTests/Hostile/LoadInvariants.swift" ;;
    tensorboard) echo "Fuzz/Targets/TensorBoardEvents.swift Fuzz/Targets/Shared/LoadCheck.swift Fuzz/Targets/Shared/ReaderInput.swift Tests/CurveIOTests/Hostile/LoadInvariants.swift" ;;
    *) echo "unknown target: $1 (one of ${all[*]})" >&2; exit 2 ;;
  esac
}

# Seeds: the fixtures each target reads, one file per seed.
seed() {
  local target=$1 corpus=$2
  mkdir -p "$corpus"
  local pattern
  case $target in
    json-parser|json-logs) pattern='.*\.(json|jsonl)$' ;;
    csv-parser|csv-logs) pattern='.*(\.csv|\.log|/metrics/[^/]*)$' ;;
    tensorboard) pattern='.*tfevents.*' ;;
  esac
  find Tests/CurveIOTests/Fixtures Tests/CurveDiagnosisTests/PublicRuns \
    -type f -regextype posix-extended -regex "$pattern" -size -200k |
    while read -r file; do
      local name
      name=$(printf '%s' "$file" | cksum | cut -d' ' -f1)
      # The reader targets take a first byte that picks the format: 0 is detection.
      if [ "$target" = json-logs ] || [ "$target" = csv-logs ] || [ "$target" = tensorboard ]; then
        { printf '\0'; cat "$file"; } > "$corpus/seed-$name"
      else
        cp "$file" "$corpus/seed-$name"
      fi
    done
}

# The Swift backtracer would race ASan for a crashing input; libFuzzer reports it instead.
export SWIFT_BACKTRACE=enable=no
status=0
for target in "${targets[@]}"; do
  binary=$build/bin/$target
  read -r -a sources <<< "$(target_sources "$target")"
  echo "== building $target"
  libs=(-lCurveIO -lCSVCoding -lJSONCoding -lCurveCore)
  [ "$target" = json-parser ] && libs=(-lJSONCoding)
  [ "$target" = csv-parser ] && libs=(-lCSVCoding)
  swiftc "${swift_flags[@]}" -module-name "Fuzz_${target//-/_}" "${sources[@]}" "${libs[@]}" \
    -o "$binary" 2>&1 | grep -v 'warning: ' || true
  test -x "$binary"
  corpus=$build/corpus/$target
  seed "$target" "$corpus"
  crashes=$build/crashes/$target
  mkdir -p "$crashes"
  echo "== fuzzing $target for $seconds s ($(find "$corpus" -type f | wc -l) inputs in the corpus)"
  # Several workers each write fuzz-N.log into the working folder: run from the build folder.
  parallel=()
  if [ "${JOBS:-1}" -gt 1 ]; then parallel=(-jobs="$JOBS" -workers="$JOBS"); fi
  rm -f "$build"/fuzz-*.log
  # shellcheck disable=SC2086
  if ! (cd "$build" && "$binary" "$corpus" -max_total_time="$seconds" -max_len=65536 \
      -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 ${parallel[@]+"${parallel[@]}"} \
      -artifact_prefix="$crashes/" ${FUZZ_FLAGS:-} > "$build/$target.log" 2>&1); then
    echo "!! $target found a problem; input(s) in $crashes, log in $build/$target.log"
    status=1
  fi
  grep -hE '^stat::number_of_executed_units|^stat::peak_rss_mb|Done [0-9]+ runs' \
    "$build/$target.log" "$build"/fuzz-*.log 2>/dev/null | tail -3 || true
done
exit $status
