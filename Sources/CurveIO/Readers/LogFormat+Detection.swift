extension LogFormat {
  /// Guesses a file's format from its name and its first bytes, or returns `nil` when neither
  /// says.
  ///
  /// The content decides where it can: a `"log_history"` key means a `trainer_state.json`;
  /// `Wall time,Step,Value` a TensorBoard CSV; `"Step","<run> - <metric>"` or a `_step` column a
  /// W&B export; `train/box_loss` or `metrics/mAP50(B)` Ultralytics; `epoch,train_loss,
  /// valid_loss` fastai; `epoch` first without `step` Keras; `epoch` and `step` Lightning;
  /// lines of `<timestamp> <value> <step>` an MLflow metric file; TFRecord framing a
  /// TensorBoard event file. The name breaks ties (`trainer_state.json`, `metrics.csv`,
  /// `results.csv`, `*.jsonl`, `events.out.tfevents.*`, `run-*-tag-*.csv`).
  ///
  /// ```swift
  /// LogFormat.detect(fileName: "history.csv", prefix: Array("epoch,loss,val_loss\n".utf8))
  /// // .keras
  /// ```
  ///
  /// - Parameters:
  ///   - fileName: The file's name or path.
  ///   - prefix: The file's first bytes; 64 KB is plenty.
  public static func detect(fileName: String, prefix: some Collection<UInt8>) -> LogFormat? {
    let bytes = Array(prefix.prefix(64 * 1024))
    let name = (fileName.split(separator: "/").last.map(String.init) ?? fileName).lowercased()
    if name.contains("tfevents") || TFRecordFraming.looksLikeRecord(bytes) { return .tensorBoard }
    if looksBinary(bytes) { return nil }
    var text = Substring(decoding: bytes, as: UTF8.self)
    if text.first == "\u{FEFF}" { text = text.dropFirst() }
    let trimmed = text.drop { $0.isWhitespace }
    guard let first = trimmed.first else { return nil }
    if first == "{" || first == "[" { return detectJSON(name: name, text: trimmed) }
    // A JSON file holding one string: json.dump(str(history.history)) writes that.
    if first == "\"", name.hasSuffix(".json") { return .historyJSON }
    return detectText(name: name, text: trimmed)
  }

  /// Whether the bytes look like binary data rather than text: a NUL byte, many control
  /// bytes, or many bytes that are not UTF-8 in the first kilobytes.
  static func looksBinary(_ bytes: some Collection<UInt8>) -> Bool {
    let sample = Array(bytes.prefix(4096))
    var control = 0
    for byte in sample {
      if byte == 0 { return true }
      if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
        control += 1
      }
    }
    if control * 20 > sample.count { return true }
    // A cut in the middle of a multi-byte character at the end of the sample is not binary.
    let replaced = String(decoding: sample, as: UTF8.self).unicodeScalars.lazy
      .filter { $0 == "\u{FFFD}" }.count
    return replaced > 4 && replaced * 50 > sample.count
  }

  private static func detectJSON(name: String, text: Substring) -> LogFormat? {
    if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") { return .jsonLines }
    if text.contains("\"log_history\"") { return .trainerState }
    if text.contains("\"curvelab-log\"") { return .curveLabJSON }
    if name == "trainer_state.json" { return .trainerState }
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
      .trimmingSuffix(while: { $0.isWhitespace })
    let rest = text.dropFirst(firstLine.count).drop { $0.isWhitespace }
    // Several one-line objects: JSON Lines, whatever the first record holds.
    if firstLine.first == "{", firstLine.last == "}", rest.first == "{" { return .jsonLines }
    // A list of records, or an object whose first member holds a list or an object:
    // a history saved with json.dump (or pandas' to_json).
    if text.first == "[" {
      return text.dropFirst().drop { $0.isWhitespace }.first == "{" ? .historyJSON : nil
    }
    if let value = firstMemberValue(text), value == "[" || value == "{" { return .historyJSON }
    // Metadata first ("timestamp": "...", "seed": 3), then the lists of numbers, on one line
    // (json.dump without indent) or several.
    if hasListOfNumbers(text) { return .historyJSON }
    if firstLine.first == "{", firstLine.last == "}" { return .jsonLines }
    // Any other object in a .json file (a summary of single values, say): the history reader
    // says what it holds.
    if name.hasSuffix(".json"), text.first == "{" { return .historyJSON }
    return nil
  }

  /// Whether the text has a member whose value is a list that starts with a number
  /// (`"val_loss": [0.52`), allowing whitespace and line breaks.
  private static func hasListOfNumbers(_ text: Substring) -> Bool {
    var rest = text
    while let range = rest.firstRange(of: "\":") {
      rest = rest[range.upperBound...]
      let value = rest.drop { $0.isWhitespace }
      guard value.first == "[" else { continue }
      guard let first = value.dropFirst().drop(while: { $0.isWhitespace }).first else {
        return false
      }
      if first.isASCII && (first.isNumber || first == "-" || first == "N" || first == "I") {
        return true
      }
    }
    return false
  }

  /// The first character of the value of an object's first member (`{"loss": [` gives `[`),
  /// or `nil` when the text does not start that way.
  private static func firstMemberValue(_ text: Substring) -> Character? {
    var rest = text
    guard rest.first == "{" else { return nil }
    rest = rest.dropFirst().drop { $0.isWhitespace }
    guard rest.first == "\"" else { return nil }
    rest = rest.dropFirst()
    var isEscaped = false
    while let character = rest.first {
      rest = rest.dropFirst()
      if isEscaped {
        isEscaped = false
      } else if character == "\\" {
        isEscaped = true
      } else if character == "\"" {
        rest = rest.drop { $0.isWhitespace }
        guard rest.first == ":" else { return nil }
        return rest.dropFirst().drop { $0.isWhitespace }.first
      }
    }
    return nil
  }

  private static func detectText(name: String, text: Substring) -> LogFormat? {
    let firstLine = String(text.prefix { $0 != "\n" && $0 != "\r" })
    if isMLflowLine(firstLine) { return .mlflow }
    let fields = headerFields(firstLine)
    let lowered = fields.map { $0.lowercased() }
    if lowered == ["wall time", "step", "value"] { return .tensorBoardCSV }
    if lowered.first == "step", fields.dropFirst().contains(where: { $0.contains(" - ") }) {
      return .wandb
    }
    if lowered.contains("_step") || lowered.contains("_runtime") && lowered.contains("_timestamp") {
      return .wandb
    }
    if lowered.contains(where: { $0.hasPrefix("metrics/") || $0 == "train/box_loss" }) {
      return .ultralytics
    }
    if lowered.first == "epoch", lowered.contains("train_loss"), lowered.contains("valid_loss") {
      return .fastai
    }
    if Array(lowered.prefix(CSVLogWriter.columns.count)) == CSVLogWriter.columns { return .csv }
    let hasStep = lowered.contains("step")
    let hasLightningSuffixes = lowered.contains { $0.hasSuffix("_step") || $0.hasSuffix("_epoch") }
    if hasStep && (hasLightningSuffixes || name == "metrics.csv") { return .lightning }
    if lowered.first == "epoch" && !hasStep { return .keras }
    if name.hasSuffix(".csv") {
      if name.contains("-tag-") { return .tensorBoardCSV }
      if name == "results.csv" { return .ultralytics }
      if name == "metrics.csv" && hasStep { return .lightning }
      return .csv
    }
    if name.hasSuffix(".jsonl") { return .jsonLines }
    if fields.count >= 2 { return .csv }
    return nil
  }

  /// `<timestamp> <value> <step>`: an integer, a number, an integer.
  private static func isMLflowLine(_ line: String) -> Bool {
    let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard parts.count == 3, Int(parts[0]) != nil, Int(parts[2]) != nil else { return false }
    if case .number = NumericText.value(of: String(parts[1])) { return true }
    return false
  }

  /// The header's fields, split on the most frequent of `,`, `;` and tab, unquoted and trimmed.
  static func headerFields(_ line: String) -> [String] {
    let separators: [Character] = [",", ";", "\t"]
    let separator =
      separators.max { a, b in
        line.filter { $0 == a }.count < line.filter { $0 == b }.count
      } ?? ","
    return line.split(separator: separator, omittingEmptySubsequences: false).map { field in
      var field = field.drop { $0 == " " }.trimmingSuffix(while: { $0 == " " })
      if field.count >= 2, field.first == "\"", field.last == "\"" {
        field = field.dropFirst().dropLast()
      }
      return String(field)
    }
  }
}

extension Substring {
  /// The substring without trailing characters that satisfy `predicate`.
  func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
    var end = endIndex
    while end > startIndex {
      let before = index(before: end)
      guard predicate(self[before]) else { break }
      end = before
    }
    return self[startIndex..<end]
  }
}
