import JSONCoding

/// Reads a training history saved as one JSON document, the way scripts save one by hand.
///
/// Three shapes are common in public repositories:
///
/// - **an object of lists**, one value per epoch: `json.dump(history.history, f)` after
///   Keras' `model.fit` (`{"loss": [...], "accuracy": [...], "val_loss": [...],
///   "val_accuracy": [...]}`), and the `{"train_loss": [...], "val_acc": [...]}` dictionaries
///   PyTorch loops fill. Lists may sit one level down, per split (`{"train": {"loss": [...]},
///   "val": {...}}` reads as `train/loss`, `val/loss`). An `epoch` or `step` list, when there
///   is one, counts the rows; otherwise row *i* is epoch *i* + 1. A history wrapped in an
///   object of its own (`{"config": {...}, "training_history": {"train_loss": [...]}}`, or
///   `history`, `metrics`, `results`) is read from there, with a note; see ``NestedHistory``
///   for how nested lists are named. Lists of another length than
///   most (per-batch losses beside per-epoch ones) are left out with a warning, and so are
///   single values (`"best_epoch": 12`) and lists of anything but numbers;
/// - **an object of index-keyed objects**, as pandas' `DataFrame.to_json()` writes:
///   `{"loss": {"0": 0.69, "1": 0.52}}`; rows follow the index;
/// - **a list of records**, as `json.dump(list_of_dicts)` or pandas' `to_json(orient=
///   "records")` writes: `[{"epoch": 0, "loss": 0.69}, ...]`, read like JSON Lines.
///
/// Accuracies logged in percent are read as fractions (``PercentAccuracy``); `NaN` and
/// `Infinity` as Python writes them are kept.
struct JSONHistoryReader: LogReader {
  var format: LogFormat { .historyJSON }

  func read(_ sources: [LogSource], mapping: MetricMapping) throws(LogReadError) -> LoadedLog {
    let source = try single(sources)
    let document = try JSONDocument.log(source)
    var warnings: [String] = []
    var root = document.root
    if root.kind == .string {
      // json.dump(str(history.history)): a Python dict's repr inside a JSON string.
      guard let text = root.stringValue, let converted = Self.pythonLiteral(text) else {
        throw .malformed(
          LogLocation(file: source.path, line: 1, column: 1),
          problem: "the file holds one JSON string, not a history; it was saved with "
            + "json.dump(str(...)): save the dictionary itself with json.dump(history.history, f)")
      }
      warnings.append(
        "\(source.path): the file holds a Python dictionary written as text inside a JSON "
          + "string (json.dump(str(history.history))); read the dictionary it spells")
      root = converted.root
    }
    let numeric: NumericCSV
    var hasCounter = true
    switch root.kind {
    case .array:
      var rows = JSONRecordRows(file: source.path, mapping: mapping)
      var locator = JSONLocator()
      for record in root.elements { try rows.add(record, line: locator.location(of: record).line) }
      try rows.checkNotOnlySummaries()
      if let warning = rows.summaryWarning { warnings.append(warning) }
      numeric = rows.table(warnings: &warnings)
    case .object:
      numeric = try Self.columns(of: root, file: source.path, warnings: &warnings)
      hasCounter = false
    default:
      throw .malformed(
        LogLocation(file: source.path, line: root.location.line, column: root.location.column),
        problem: "expected an object of lists (as json.dump(history.history) writes) or a list "
          + "of records, found \(root.kind)")
    }
    let log = try numeric.assembledLog(
      file: source.path, format: format, mapping: mapping, warnsWithoutCounter: hasCounter,
      warnings: &warnings)
    return LoadedLog(log: log, warnings: warnings)
  }

  /// The JSON document a Python literal of a dictionary of lists spells (`{'loss': [0.5,
  /// nan]}`): single quotes, `nan`, `inf`, `True`, `False` and `None` made JSON; `nil` when
  /// the text is anything else.
  static func pythonLiteral(_ text: String) -> JSONDocument? {
    guard text.first == "{", text.utf8.count <= LogLimits.maximumFileSize else { return nil }
    var json = ""
    json.reserveCapacity(text.utf8.count)
    var word = ""
    var inString = false
    func flush() {
      switch word {
      case "nan": json += "NaN"
      case "inf": json += "Infinity"
      case "True": json += "true"
      case "False": json += "false"
      case "None": json += "null"
      default: json += word
      }
      word = ""
    }
    for character in text {
      if inString {
        switch character {
        case "'": inString = false; json.append("\"")
        case "\"": json += "\\\""
        default: json.append(character)
        }
      } else if character == "'" {
        flush()
        inString = true
        json.append("\"")
      } else if character.isLetter {
        word.append(character)
      } else {
        flush()
        json.append(character)
      }
    }
    flush()
    return try? JSONDocument(parsing: json, options: .logs)
  }

  /// One named list of values, with the node of each value for the line numbers.
  private struct Series {
    var name: String
    var values: [Double?]
    var nodes: [JSONNode]
  }

  /// The table of an object of lists (or of index-keyed objects).
  private static func columns(of root: JSONNode, file: String, warnings: inout [String])
    throws(LogReadError) -> NumericCSV
  {
    var series: [Series] = []
    var names: Set<String> = []
    var singles: [String] = []
    var notNumbers: [String] = []
    var wrappers: [String] = []
    // The object a list was found in, when its name was shortened (timing lists don't count).
    func noteWrapper(_ parent: String?, of name: String, at path: String) {
      guard let parent, name != path, !wrappers.contains(parent),
        MetricNames.role(of: name) != .ignored
      else { return }
      wrappers.append(parent)
    }
    func add(_ path: String, as name: String, _ node: JSONNode, inside parent: String? = nil) {
      switch node.kind {
      case .array:
        if let values = numbers(node.elements) {
          series.append(Series(name: name, values: values, nodes: Array(node.elements)))
          names.insert(name)
          noteWrapper(parent, of: name, at: path)
        } else {
          notNumbers.append(path)
        }
      case .object:
        if let indexed = indexedColumn(node) {
          series.append(Series(name: name, values: indexed.values, nodes: indexed.nodes))
          names.insert(name)
          noteWrapper(parent, of: name, at: path)
        } else {
          for (inner, value) in node.members {
            let innerPath = "\(path)/\(inner)"
            guard value.kind == .array || value.kind == .object else {
              singles.append(innerPath)
              continue
            }
            var innerName = NestedHistory.name(of: inner, inside: name)
            if names.contains(innerName) { innerName = innerPath }
            add(innerPath, as: innerName, value, inside: path)
          }
        }
      default:
        singles.append(path)
      }
    }
    for (key, value) in root.members {
      try LogReadError.check(
        name: key, at: LogLocation(file: file, line: value.location.line))
      add(key, as: key, value)
    }
    if !wrappers.isEmpty {
      warnings.append(
        "\(file): the lists were found nested inside \(LogText.list(wrappers.map { "'\($0)'" }, limit: 8)); "
          + "read from there")
    }
    for entry in series {
      try LogReadError.check(name: entry.name, at: LogLocation(file: file))
    }
    if series.isEmpty, !singles.isEmpty {
      throw .malformed(
        LogLocation(file: file, line: root.location.line),
        problem: "\(LogText.list(singles, limit: 6)) \(singles.count == 1 ? "is a single value" : "are single values"): "
          + "a summary of a run (such as the Trainer's all_results.json), not a history with "
          + "one value per epoch or step. The Trainer keeps the curves in trainer_state.json, "
          + "in the output folder or its last checkpoint-N folder")
    }
    if !singles.isEmpty {
      warnings.append(
        "\(file): \(LogText.list(singles, limit: 8)) \(singles.count == 1 ? "is a single value" : "are single values"), "
          + "not one per epoch; left out")
    }
    if !notNumbers.isEmpty {
      warnings.append(
        "\(file): \(LogText.list(notNumbers, limit: 8)) \(notNumbers.count == 1 ? "holds" : "hold") "
          + "values that are not numbers; left out")
    }
    // Rows are the length most lists share (the longest of equally common lengths).
    var counts: [Int: Int] = [:]
    for entry in series { counts[entry.values.count, default: 0] += 1 }
    let length = counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
    let odd = series.filter { $0.values.count != length }
    if !odd.isEmpty {
      warnings.append(
        "\(file): \(LogText.list(odd.map { "\($0.name) (\($0.values.count) values)" }, limit: 8)) "
          + "\(odd.count == 1 ? "does" : "do") not match the \(length) values of the other lists "
          + "(per batch, or every few epochs?); left out")
    }
    let kept = series.filter { $0.values.count == length }
    var numeric = NumericCSV(header: kept.map(\.name))
    numeric.rows.reserveCapacity(rows: length, cells: length * kept.count)
    var locator = JSONLocator()
    for row in 0..<length {
      numeric.rows.append(kept.map { $0.values[row] })
      numeric.lines.append(kept.first.map { locator.location(of: $0.nodes[row]).line } ?? 1)
    }
    return numeric
  }

  /// The values of a list of numbers (`null` and missing markers as nothing logged, strings
  /// that spell numbers as numbers), or `nil` if it holds anything else.
  private static func numbers(_ elements: JSONNode.Elements) -> [Double?]? {
    var values: [Double?] = []
    values.reserveCapacity(elements.count)
    for element in elements {
      switch element.kind {
      case .number: values.append(element.doubleValue)
      case .null: values.append(nil)
      case .string:
        switch NumericText.value(of: element.stringValue ?? "") {
        case .number(let value): values.append(value)
        case .missing: values.append(nil)
        case .text: return nil
        }
      default: return nil
      }
    }
    return values
  }

  /// A pandas column (`{"0": 0.69, "1": 0.52}`): values in the order of the whole-number
  /// keys, or `nil` when a key is not a whole number or a value not a number.
  private static func indexedColumn(_ node: JSONNode) -> (values: [Double?], nodes: [JSONNode])? {
    guard node.count > 0 else { return nil }
    var entries: [(index: Int, value: Double?, node: JSONNode)] = []
    for (key, value) in node.members {
      guard let index = Int(key), index >= 0 else { return nil }
      let number: Double?
      switch value.kind {
      case .number: number = value.doubleValue
      case .null: number = nil
      default: return nil
      }
      entries.append((index, number, value))
    }
    entries.sort { $0.index < $1.index }
    return (entries.map(\.value), entries.map(\.node))
  }
}
