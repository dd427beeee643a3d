import CurveCore

/// The one rule for the steps and epochs of every log format.
///
/// - **Range.** A step (or an epoch or iteration that serves as the step counter) is a whole
///   number from 0 to ``LogLimits/largestStep`` (2^53). A fractional epoch is a finite number
///   in the same range. Anything else (negative, fractional where a whole number is needed,
///   NaN, infinite, or beyond 2^53 such as 2^63 - 1) is an error that names the file, the
///   place and the field, because a record at an impossible step is damage, not data.
/// - **Repeats.** Records at one step merge into that step's entries. A value logged twice at
///   one step (a final `trainer.evaluate()` after training repeats the last evaluation) keeps
///   the first; one warning per file counts the repeats.
/// - **Going back.** A step lower than the one before marks a resumed or appended run: the
///   records the earlier attempt wrote from that step on are dropped, with a warning (see
///   ``LogAssembler``).
/// - **Never advancing.** When a step or epoch column holds one value on every row while the
///   rows repeat their metrics (a Keras `CSVLogger` created anew each epoch writes epoch 0
///   every time), the rows are numbered in file order instead, with a warning.
///
/// ```swift
/// try StepRule.step(12.0, field: "step", at: LogLocation(file: "log.csv", line: 3))  // 12
/// try StepRule.step(9.3e18, field: "step", at: ...)  // throws .stepOutOfRange
/// ```
enum StepRule {
  /// A step from a number read as a double.
  ///
  /// - Throws: ``LogReadError/stepOutOfRange(_:field:at:)`` when it is not a whole number in
  ///   `0...LogLimits.largestStep`.
  static func step(
    _ value: Double, field: String, at location: @autoclosure () -> LogLocation
  ) throws(LogReadError) -> Int {
    guard value >= 0, value <= Double(LogLimits.largestStep), value.rounded(.down) == value,
      let step = Int(checked: value)
    else {
      throw .stepOutOfRange(text(value), field: field, at: location())
    }
    return step
  }

  /// A step from a number read as an integer.
  ///
  /// - Throws: ``LogReadError/stepOutOfRange(_:field:at:)`` outside
  ///   `0...LogLimits.largestStep`.
  static func step(
    _ value: Int64, field: String, at location: @autoclosure () -> LogLocation
  ) throws(LogReadError) -> Int {
    guard value >= 0, value <= Int64(LogLimits.largestStep) else {
      throw .stepOutOfRange(String(value), field: field, at: location())
    }
    return Int(truncatingIfNeeded: value)
  }

  /// Whether a whole number is a step the rule accepts.
  static func isStep(_ value: Int) -> Bool {
    value >= 0 && value <= LogLimits.largestStep
  }

  /// A fractional epoch.
  ///
  /// - Throws: ``LogReadError/stepOutOfRange(_:field:at:)`` when it is not finite or lies
  ///   outside `0...LogLimits.largestStep`.
  static func epoch(
    _ value: Double, field: String = "epoch", at location: @autoclosure () -> LogLocation
  ) throws(LogReadError) -> Double {
    guard value >= 0, value <= Double(LogLimits.largestStep) else {
      throw .stepOutOfRange(text(value), field: field, at: location())
    }
    return value
  }

  /// A number as the file most likely wrote it: `Infinity`, `NaN`, `-3`, `2.5`.
  private static func text(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "Infinity" : "-Infinity" }
    if let whole = Int(exactly: value) { return String(whole) }
    return String(value)
  }
}
