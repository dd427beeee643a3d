extension TrainerEarlyStopping {
  /// Which transformers releases' best-checkpoint bookkeeping to follow.
  ///
  /// `EarlyStoppingCallback` is the same in all of them; what changed is when the Trainer
  /// measures `best_metric` and which checkpoint `load_best_model_at_end` loads. The three
  /// differ only when some evaluations write no checkpoint (`save_steps` a multiple of
  /// `eval_steps`), or when the first measured value is NaN:
  ///
  /// | release | `best_metric` is measured | `load_best_model_at_end` loads |
  /// | --- | --- | --- |
  /// | 4.46 and earlier | in `_save_checkpoint`, so only at evaluations that save | that checkpoint |
  /// | 4.47 to 4.49 | in `_determine_best_metric`, at every evaluation | `checkpoint-<best step>`, or nothing (a warning) if it was never written |
  /// | 4.50 and later, 5.x | at every evaluation (`best_global_step`) | the best evaluation's checkpoint if written, else the last written one that was best when saved |
  ///
  /// ```swift
  /// TrainerEarlyStopping.Version(release: "4.46.3")  // .legacy
  /// TrainerEarlyStopping.Version(release: "5.0")     // .current
  /// ```
  public enum Version: String, Sendable, Equatable, CaseIterable, Codable {
    /// 4.46 and earlier: the best is measured when a checkpoint is saved, with the metrics of
    /// the evaluation at that step; the first measured value becomes the best as it is, even
    /// NaN.
    case legacy = "4.46"
    /// 4.47 to 4.49: the best is measured at every evaluation and `best_model_checkpoint` names
    /// its step's checkpoint even when none was written there.
    case interim = "4.47"
    /// 4.50 and later, including 5.x: the best is measured at every evaluation
    /// (`best_global_step`); `best_model_checkpoint` only ever names a written checkpoint.
    case current = "4.50"

    /// The release a version string belongs to: `"4.46.3"`, `"4.48"`, `"5"`, `"5.2.0"`;
    /// `nil` for text that is not a version from 4.0 on.
    public init?(release text: String) {
      let parts = text.split(separator: ".", omittingEmptySubsequences: false)
      guard (1...3).contains(parts.count),
        parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
        let major = Int(parts[0]), let minor = parts.count > 1 ? Int(parts[1]) : 0, major >= 4
      else { return nil }
      switch (major, minor) {
      case (4, ..<47): self = .legacy
      case (4, 47...49): self = .interim
      default: self = .current
      }
    }

    /// The releases it stands for, for messages: "4.46 and earlier".
    public var releases: String {
      switch self {
      case .legacy: "4.46 and earlier"
      case .interim: "4.47 to 4.49"
      case .current: "4.50 and later"
      }
    }
  }
}
