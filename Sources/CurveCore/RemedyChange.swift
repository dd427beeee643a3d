/// One concrete change to a run's setup, as data: what a remedy asks for, so that a tool (or
/// the simulator) can apply it rather than read it.
///
/// In the engine's JSON a change is an object:
///
/// | Change | JSON |
/// |---|---|
/// | `.scale(.learningRate, by: 10)` | `{"knob": "learning_rate", "factor": 10}` |
/// | `.set(.weightDecay, to: 0.01)` | `{"knob": "weight_decay", "value": 0.01}` |
/// | `.keepCheckpoint(step: 800)` | `{"action": "keep_checkpoint", "step": 800}` |
/// | `.checkData` | `{"action": "check_data"}` |
///
/// ```swift
/// let slower: [RemedyChange] = [.scale(.learningRate, by: 0.1), .scale(.epochs, by: 3)]
/// ```
public enum RemedyChange: Sendable, Equatable, Hashable {
  /// Multiply a setting by a factor (a tenth of the learning rate is a factor of 0.1).
  case scale(Setting, by: Double)
  /// Set a setting to a value (weight decay 0.01, gradient clipping at norm 1).
  case set(Setting, to: Double)
  /// Keep (restore) the checkpoint saved at this step instead of the last one.
  case keepCheckpoint(step: Int)
  /// Look at the data and its preprocessing: labels, scaling, leakage. Nothing to set.
  case checkData

  /// A setting a change can act on, by the name it has in the JSON (the Trainer's where it
  /// has one).
  public enum Setting: String, CaseIterable, Sendable, Codable {
    /// Peak learning rate.
    case learningRate = "learning_rate"
    /// Passes over the training set.
    case epochs
    /// Examples per update.
    case batchSize = "batch_size"
    /// Weight decay.
    case weightDecay = "weight_decay"
    /// Dropout probability of the hidden units.
    case dropout
    /// Gradient-norm clipping threshold (`max_grad_norm`; 0 turns it off).
    case maxGradNorm = "max_grad_norm"
    /// Updates over which the learning rate ramps up from 0.
    case warmupSteps = "warmup_steps"
    /// Share of the run's updates spent ramping the learning rate up from 0 (`warmup_ratio`).
    case warmupRatio = "warmup_ratio"
    /// Width of every hidden layer (a factor scales each; a value sets each).
    case hiddenWidth = "hidden_width"
    /// Training examples.
    case trainSize = "train_size"
    /// Validation examples.
    case evalSize = "eval_size"
    /// Evaluations without improvement before early stopping ends the run.
    case earlyStoppingPatience = "early_stopping_patience"
  }

  /// The setting this change acts on, if it acts on one.
  public var setting: Setting? {
    switch self {
    case .scale(let setting, _), .set(let setting, _): setting
    case .keepCheckpoint, .checkData: nil
    }
  }
}
