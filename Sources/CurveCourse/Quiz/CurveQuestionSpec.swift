/// The `curve:` line of a question whose run comes from the simulator and whose options and key
/// come from the diagnosis engine.
///
/// ```
/// curve: ask=stop scenario=overfitting seed=12 patience=2 eval-size=40
/// ```
///
/// The reader checks only the shape of the line. Scenario names and knob overrides are checked
/// where the run is built.
public struct CurveQuestionSpec: Sendable, Equatable {
  /// What the question asks about the run.
  public enum Ask: String, Sendable, Equatable, CaseIterable {
    /// Which pattern does the run show?
    case pattern
    /// Where would early stopping stop, and which checkpoint is kept?
    case stop
    /// Which change helps most?
    case remedy
    /// About how many examples are in the evaluation set?
    case setSize = "set-size"
  }

  /// A knob override such as `eval-size=40`, kept as written.
  public struct Override: Sendable, Equatable {
    /// The knob's name, such as `eval-size`.
    public var key: String
    /// The value after `=`.
    public var value: String

    /// Creates an override.
    public init(key: String, value: String) {
      self.key = key
      self.value = value
    }
  }

  /// The `ask=` setting.
  public var ask: Ask
  /// The `scenario=` setting: a scenario name or `any`, which is also the default.
  public var scenario: String
  /// The `seed=` setting; `nil` derives the seed from the quiz seed and the question id.
  public var seed: UInt64?
  /// The `patience=` setting for ``Ask/stop``; `nil` means the default of 3.
  public var patience: Int?
  /// The other `key=value` settings, in file order.
  public var overrides: [Override]
  /// The 1-based line of the `curve:` header.
  public var line: Int

  /// Creates a curve spec from its parts.
  public init(
    ask: Ask, scenario: String = "any", seed: UInt64? = nil, patience: Int? = nil,
    overrides: [Override] = [], line: Int
  ) {
    self.ask = ask
    self.scenario = scenario
    self.seed = seed
    self.patience = patience
    self.overrides = overrides
    self.line = line
  }
}
