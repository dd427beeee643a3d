import CurveCore
import CurveIO
import Foundation
import Testing
import _CurveLabTestSupport

/// Paths to the fixture files beside the tests, and a loader that reads them.
enum Fixture {
  /// The `Fixtures` folder.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures").path

  /// The path of a fixture, relative to `Fixtures`.
  static func path(_ relative: String) -> String { folder + "/" + relative }

  /// Loads a fixture file or folder.
  static func load(
    _ relative: String, format: LogFormat? = nil, mapping: MetricMapping = MetricMapping()
  ) throws -> LoadedLog {
    try LogLoader().load(path: path(relative), format: format, mapping: mapping)
  }

  /// The error loading a fixture throws, or `nil`.
  static func error(
    _ relative: String, format: LogFormat? = nil, mapping: MetricMapping = MetricMapping()
  ) -> LogReadError? {
    do {
      _ = try LogLoader().load(path: path(relative), format: format, mapping: mapping)
      return nil
    } catch {
      return error
    }
  }

  /// The bytes of a fixture.
  static func bytes(_ relative: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(relative))))
  }
}

/// Whether two optional values agree: both absent, both NaN, or approximately equal.
func agree(_ a: Double?, _ b: Double?, tolerance: Double = 1e-12) -> Bool {
  switch (a, b) {
  case (nil, nil): return true
  case (let a?, let b?):
    if a.isNaN && b.isNaN { return true }
    return isApproximatelyEqual(a, b, absoluteTolerance: tolerance, relativeTolerance: tolerance)
  default: return false
  }
}

/// A description of the first difference between two lists of training entries, or `nil`.
func difference(_ a: [TrainingEntry], _ b: [TrainingEntry], lossTolerance: Double = 1e-12)
  -> String?
{
  guard a.count == b.count else { return "\(a.count) training entries, expected \(b.count)" }
  for (x, y) in zip(a, b) {
    if x.step != y.step || !agree(x.epoch, y.epoch)
      || !agree(x.loss, y.loss, tolerance: lossTolerance)
      || !agree(x.learningRate, y.learningRate) || !agree(x.gradientNorm, y.gradientNorm)
    {
      return "training entry differs: \(x) vs \(y)"
    }
  }
  return nil
}

/// A description of the first difference between two lists of evaluations, or `nil`.
func difference(_ a: [EvaluationEntry], _ b: [EvaluationEntry]) -> String? {
  guard a.count == b.count else { return "\(a.count) evaluations, expected \(b.count)" }
  for (x, y) in zip(a, b) {
    let sameMetrics =
      Set(x.metrics.keys) == Set(y.metrics.keys)
      && x.metrics.keys.allSatisfy { agree(x.metrics[$0], y.metrics[$0]) }
    if x.step != y.step || !agree(x.epoch, y.epoch) || !agree(x.loss, y.loss)
      || !agree(x.accuracy, y.accuracy) || !agree(x.trainingLoss, y.trainingLoss)
      || !agree(x.trainingAccuracy, y.trainingAccuracy) || !sameMetrics
    {
      return "evaluation differs: \(x) vs \(y)"
    }
  }
  return nil
}
