/// Loads a training log from any format CurveLab reads, detecting the format unless told.
///
/// Give it a file, a run folder, or several files that hold one series each (TensorBoard CSV
/// downloads, MLflow metric files, event files). It returns the log and the warnings the
/// reader gathered; anything it cannot read is a ``LogReadError`` that names the file and the
/// place.
///
/// ```swift
/// let loaded = try LogLoader().load(path: "runs/bert/checkpoint-500")
/// print(loaded.log.evaluationEntries.count, loaded.warnings)
///
/// let keras = try LogLoader().load(
///   path: "training.log", format: .keras, mapping: MetricMapping(validationLoss: "val_loss"))
/// ```
///
/// A folder is searched in this order: a top-level `trainer_state.json`; the
/// `checkpoint-N/trainer_state.json` with the largest N; TensorBoard event files anywhere below
/// (Keras' `train/` and `validation/` subfolders are kept apart by prefixing their tags); an
/// MLflow run's `metrics/` folder (or the folder itself when it holds metric files);
/// `metrics.csv` (Lightning, the newest `lightning_logs/version_N`), `results.csv`,
/// `history.csv`; TensorBoard CSV downloads; finally a single readable log file.
public struct LogLoader: Sendable {
  /// Creates a loader.
  public init() {}

  /// Loads one file or one run folder.
  ///
  /// - Parameters:
  ///   - path: A file or folder.
  ///   - format: The format, or `nil` to detect it from the name and the first bytes.
  ///   - mapping: Explicit names for the training loss, validation loss and validation
  ///     accuracy.
  /// - Returns: The log (its `metadata.source` is the file read, or the folder for formats
  ///   that merge several files) and the warnings.
  /// - Throws: ``LogReadError``.
  public func load(
    path: String, format: LogFormat? = nil, mapping: MetricMapping = MetricMapping()
  ) throws(LogReadError) -> LoadedLog {
    if FileSystem.isDirectory(path) {
      let (folderFormat, files) = try LogFolder.resolve(path, format: format)
      var loaded = try load(files: files, format: folderFormat, mapping: mapping)
      if files.count > 1 { loaded.log.metadata.source = path }
      return loaded
    }
    return try load(files: [path], format: format, mapping: mapping)
  }

  /// Loads several files of one format into one log, merging their series by step.
  ///
  /// Meant for formats that keep one series per file: TensorBoard CSV downloads
  /// (`run-.-tag-train_loss.csv`, `run-.-tag-val_loss.csv`), MLflow metric files, TensorBoard
  /// event files. A single path behaves like ``load(path:format:mapping:)``.
  ///
  /// ```swift
  /// let loaded = try LogLoader().load(
  ///   paths: ["run-.-tag-train_loss.csv", "run-.-tag-val_loss.csv"])
  /// ```
  ///
  /// - Throws: ``LogReadError``; ``LogReadError/cannotMerge(_:paths:)`` when the files are of
  ///   a format that reads one file at a time, or of different formats.
  public func load(
    paths: [String], format: LogFormat? = nil, mapping: MetricMapping = MetricMapping()
  ) throws(LogReadError) -> LoadedLog {
    guard paths.count > 1 else {
      guard let path = paths.first else { throw .fileNotFound(path: "") }
      return try load(path: path, format: format, mapping: mapping)
    }
    var files: [String] = []
    var folderFormat = format
    for path in paths {
      if FileSystem.isDirectory(path) {
        let resolved = try LogFolder.resolve(path, format: format)
        folderFormat = folderFormat ?? resolved.format
        files += resolved.files
      } else {
        files.append(path)
      }
    }
    return try load(files: files, format: folderFormat, mapping: mapping)
  }

  /// Loads a log held in memory, such as an upload or a test fixture.
  ///
  /// - Parameters:
  ///   - bytes: The file's contents.
  ///   - name: A file name or path for detection and messages.
  ///   - format: The format, or `nil` to detect it.
  ///   - mapping: Explicit names for the main curves.
  /// - Throws: ``LogReadError``.
  public func load(
    bytes: [UInt8], name: String, format: LogFormat? = nil,
    mapping: MetricMapping = MetricMapping()
  ) throws(LogReadError) -> LoadedLog {
    try read([LogSource(path: name, bytes: bytes)], format: format, mapping: mapping)
  }

  /// The format ``load(path:format:mapping:)`` would pick for a file or folder.
  ///
  /// - Throws: ``LogReadError`` when the file cannot be read or its format is unknown.
  public func detectFormat(path: String) throws(LogReadError) -> LogFormat {
    if FileSystem.isDirectory(path) { return try LogFolder.resolve(path, format: nil).format }
    let prefix = try LogSource.prefix(path: path)
    return try Self.format(of: LogSource(path: path, bytes: prefix))
  }

  private func load(files: [String], format: LogFormat?, mapping: MetricMapping)
    throws(LogReadError) -> LoadedLog
  {
    var sources: [LogSource] = []
    for file in files {
      sources.append(
        try LogSource.read(path: file) { prefix throws(LogReadError) in
          try Self.refuseBinary(prefix, path: file, format: format)
        })
    }
    return try read(sources, format: format, mapping: mapping)
  }

  /// Refuses a file whose first bytes are binary, before the rest of it is read, unless it is
  /// a TensorBoard event file (binary by nature) or was said to be one.
  static func refuseBinary(_ prefix: [UInt8], path: String, format: LogFormat?)
    throws(LogReadError)
  {
    if format == .tensorBoard { return }
    if format == nil, LogFormat.detect(fileName: path, prefix: prefix) == .tensorBoard { return }
    if LogFormat.looksBinary(prefix) { throw .binaryContent(path: path) }
  }

  private func read(_ sources: [LogSource], format: LogFormat?, mapping: MetricMapping)
    throws(LogReadError) -> LoadedLog
  {
    var chosen = format
    if chosen == nil {
      for source in sources {
        let detected = try Self.format(of: source)
        if let previous = chosen, previous != detected {
          throw .cannotMerge(detected, paths: sources.map(\.path))
        }
        chosen = detected
      }
    }
    guard let chosen else { throw .fileNotFound(path: "") }
    for source in sources {
      if Self.isBlank(source.bytes) { throw .emptyFile(path: source.path) }
      try Self.refuseBinary(
        Array(source.bytes.prefix(LogLimits.sniffedBytes)), path: source.path, format: chosen)
    }
    if sources.count > 1 && !chosen.mergesFiles {
      throw .cannotMerge(chosen, paths: sources.map(\.path))
    }
    return try Self.reader(for: chosen).read(sources, mapping: mapping)
  }

  /// The detected format of one file, or the error that explains why there is none.
  static func format(of source: LogSource) throws(LogReadError) -> LogFormat {
    if let format = LogFormat.detect(fileName: source.path, prefix: source.bytes) { return format }
    if isBlank(source.bytes) { throw .emptyFile(path: source.path) }
    if LogFormat.looksBinary(source.bytes) { throw .binaryContent(path: source.path) }
    throw .unknownFormat(path: source.path)
  }

  static func isBlank(_ bytes: [UInt8]) -> Bool {
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    return bytes[start...].allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
  }

  static func reader(for format: LogFormat) -> any LogReader {
    switch format {
    case .trainerState: TrainerStateReader()
    case .keras: KerasCSVReader()
    case .lightning: LightningCSVReader()
    case .tensorBoardCSV: TensorBoardCSVReader()
    case .tensorBoard: TensorBoardEventReader()
    case .wandb: WandBCSVReader()
    case .fastai: FastaiCSVReader()
    case .mlflow: MLflowReader()
    case .ultralytics: UltralyticsCSVReader()
    case .curveLabJSON: CurveLabJSONReader()
    case .jsonLines: JSONLinesReader()
    case .historyJSON: JSONHistoryReader()
    case .csv: GenericCSVReader()
    }
  }
}
