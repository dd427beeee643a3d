/// Explicit column or tag names that override what ``MetricNames`` would pick.
///
/// Use it when a log names its curves in a way the rule does not recognise, or to pick one of
/// several candidates. A name matches a column exactly, or else ignoring case and surrounding
/// spaces; for TensorBoard event files it matches a tag with or without its run folder
/// (`validation/epoch_loss` or `epoch_loss`). The column that the rule would have picked for
/// the same role is kept as an ordinary metric.
///
/// ```swift
/// let mapping = MetricMapping(validationLoss: "eval_test_loss")
/// let loaded = try LogLoader().load(path: "trainer_state.json", mapping: mapping)
/// ```
public struct MetricMapping: Sendable, Equatable, Hashable {
  /// The column holding the training loss (`--train-loss`).
  public var trainingLoss: String?
  /// The column holding the validation loss (`--val-loss`).
  public var validationLoss: String?
  /// The column holding the validation accuracy (`--val-accuracy`).
  public var validationAccuracy: String?

  /// Creates a mapping; `nil` leaves a role to ``MetricNames``.
  public init(
    trainingLoss: String? = nil, validationLoss: String? = nil, validationAccuracy: String? = nil
  ) {
    self.trainingLoss = trainingLoss
    self.validationLoss = validationLoss
    self.validationAccuracy = validationAccuracy
  }

  /// Whether no override is set.
  public var isEmpty: Bool {
    trainingLoss == nil && validationLoss == nil && validationAccuracy == nil
  }

  /// The overrides with the role each one sets.
  var overrides: [(name: String, role: MetricNames.Role)] {
    [
      trainingLoss.map { ($0, MetricNames.Role.trainingLoss) },
      validationLoss.map { ($0, MetricNames.Role.validationLoss) },
      validationAccuracy.map { ($0, MetricNames.Role.validationAccuracy) },
    ].compactMap { $0 }
  }

  /// Whether `override` names `column`: exactly, or ignoring case and surrounding spaces.
  static func matches(_ override: String, _ column: String) -> Bool {
    override == column || normalizedForMatching(override) == normalizedForMatching(column)
  }

  private static func normalizedForMatching(_ text: String) -> String {
    String(text.lowercased().drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
