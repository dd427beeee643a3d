/// The kinds of training log that ``LogLoader`` reads.
///
/// Raw values double as the value of a `--format` flag, so a learner can override detection:
///
/// ```swift
/// let format = LogFormat(rawValue: "keras")  // .keras
/// LogFormat.allCases.map(\.rawValue).joined(separator: ", ")
/// ```
public enum LogFormat: String, Sendable, Equatable, Hashable, CaseIterable {
  /// The Hugging Face Trainer's `trainer_state.json`, or a run folder holding one.
  case trainerState = "trainer-state"
  /// The CSV that Keras' `CSVLogger` callback writes: one row per epoch.
  case keras
  /// The `metrics.csv` of PyTorch Lightning's `CSVLogger`: sparse rows keyed by step.
  case lightning
  /// A scalar series downloaded from TensorBoard as CSV (`Wall time,Step,Value`).
  case tensorBoardCSV = "tensorboard-csv"
  /// TensorBoard event files (`events.out.tfevents.*`), or a folder of them.
  case tensorBoard = "tensorboard"
  /// A Weights & Biases export: a chart's CSV or a run's history CSV.
  case wandb
  /// The `history.csv` of fastai's `CSVLogger`: one row per epoch.
  case fastai
  /// MLflow's file store: one file per metric of `<timestamp> <value> <step>` lines.
  case mlflow
  /// The `results.csv` that Ultralytics YOLO writes: one row per epoch.
  case ultralytics
  /// CurveLab's own JSON document, as ``CurveLabJSONWriter`` writes it.
  case curveLabJSON = "curvelab-json"
  /// JSON Lines: one flat record per line, such as `{"step": 10, "loss": 0.5}`.
  case jsonLines = "jsonl"
  /// A history saved as one JSON document: `json.dump(history.history)`'s object of lists
  /// (one value per epoch), pandas' `to_json()`, or a list of records.
  case historyJSON = "history-json"
  /// Any CSV with recognisable columns, including the one ``CSVLogWriter`` writes.
  case csv

  /// Creates a format from a `--format` value, ignoring case and accepting a few common
  /// spellings (`trainer_state`, `tfevents`, `json-lines`, `yolo`).
  ///
  /// ```swift
  /// LogFormat(argument: "TensorBoard")  // .tensorBoard
  /// ```
  public init?(argument: String) {
    let text = String(argument.lowercased().map { $0 == "_" ? "-" : $0 })
    if let format = LogFormat(rawValue: text) {
      self = format
      return
    }
    switch text {
    case "trainerstate", "hf", "huggingface", "transformers": self = .trainerState
    case "tfevents", "events", "tb": self = .tensorBoard
    case "tb-csv": self = .tensorBoardCSV
    case "json-lines", "ndjson": self = .jsonLines
    case "history", "json-history", "keras-json", "keras-history": self = .historyJSON
    case "curvelab", "json": self = .curveLabJSON
    case "yolo": self = .ultralytics
    case "pytorch-lightning", "pl": self = .lightning
    case "w-and-b", "weights-and-biases": self = .wandb
    default: return nil
    }
  }

  /// Whether one load may combine several files of this format (one series per file, or one
  /// event file per subfolder).
  var mergesFiles: Bool {
    switch self {
    case .tensorBoardCSV, .tensorBoard, .mlflow: true
    default: false
    }
  }
}
