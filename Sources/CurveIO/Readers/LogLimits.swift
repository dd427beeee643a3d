import JSONCoding

/// The bounds every reader keeps, so that no file, however made, can make a load crash, hang
/// or take the machine's memory.
///
/// `curvelab diagnose --help` states them too. They are far beyond what real logs need: a
/// million-record `trainer_state.json` is about 170 MB and a long Lightning `metrics.csv` a
/// few hundred MB.
///
/// ```swift
/// LogLimits.maximumFileSize  // 4_294_967_296 (4 GiB)
/// LogLimits.largestStep      // 9_007_199_254_740_992 (2^53)
/// ```
public enum LogLimits {
  /// The largest file one log may be: 4 GiB. A larger file is refused before it is read.
  public static let maximumFileSize = 4 << 30

  /// The largest step, epoch or iteration a log may record: 2^53, the last whole number a
  /// `Double` holds exactly (so a step survives the engine's arithmetic unchanged).
  ///
  /// Steps and epochs are numbers from 0 to this; a record outside that range is an error
  /// that names the file, the place and the field.
  public static let largestStep = 1 << 53

  /// The most values (numbers, strings, keys, arrays and objects) one JSON log may hold:
  /// 2^28, about 268 million, some 4 GiB of parsed document. A 4 GiB `trainer_state.json`
  /// holds about 260 million.
  public static let maximumJSONValues = 1 << 28

  /// The most cells one CSV log may hold: 2^29, about 537 million.
  public static let maximumCSVCells = 1 << 29

  /// The longest column, key or tag name a log may use: 1,024 bytes. Real names are short
  /// (W&B's `<run> - <metric>__MIN` is among the longest); a longer one means the file is not
  /// a log, and is an error naming the place.
  public static let maximumNameLength = 1024

  /// The bytes read first to tell the format and refuse binary content before reading the
  /// rest.
  static let sniffedBytes = 64 * 1024

  /// The longest piece of a file (a cell, a name) a message quotes, in characters.
  public static let excerptLength = 48
}

extension JSONParsingOptions {
  /// What the JSON-based readers accept: Python's output (bare `NaN`, `Infinity`), nesting up
  /// to 128 levels, and at most ``LogLimits/maximumJSONValues`` values.
  static var logs: JSONParsingOptions {
    JSONParsingOptions(maximumValues: LogLimits.maximumJSONValues)
  }
}
