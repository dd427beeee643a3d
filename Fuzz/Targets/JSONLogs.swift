// libFuzzer target: the JSON-based log readers (trainer_state.json, CurveLab JSON, JSON Lines,
// JSON histories) through LogLoader, as `curvelab diagnose` reads a file; the input's first
// byte picks the format, or detection.
import CurveCore
import CurveIO

private let formats: [LogFormat?] = [nil, .trainerState, .curveLabJSON, .jsonLines, .historyJSON]
private let names = ["trainer_state.json", "run.json", "metrics.jsonl", "history.json"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard let input = readerInput(data, size, formats: formats, names: names) else { return 0 }
  checkLoad(input.bytes, name: input.name, format: input.format)
  return 0
}
