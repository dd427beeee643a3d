// libFuzzer target: the CSV-based log readers (Keras, Lightning, W&B, fastai, Ultralytics,
// TensorBoard CSV downloads, MLflow metric files, CurveLab's CSV) through LogLoader; the
// input's first byte picks the format, or detection.
import CurveCore
import CurveIO

private let formats: [LogFormat?] = [
  nil, .keras, .lightning, .wandb, .fastai, .ultralytics, .tensorBoardCSV, .mlflow, .csv,
]
private let names = [
  "training.log", "metrics.csv", "wandb_export.csv", "history.csv", "results.csv",
  "run-.-tag-val_loss.csv", "metrics/val_loss", "log.csv",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard let input = readerInput(data, size, formats: formats, names: names) else { return 0 }
  checkLoad(input.bytes, name: input.name, format: input.format)
  return 0
}
