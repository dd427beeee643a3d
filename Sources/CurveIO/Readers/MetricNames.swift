/// The one rule that gives the names in a log their meaning.
///
/// Every reader that meets a column, key or tag name asks this rule what it holds. The rule
/// first normalises the name, then reads a role from the normalised form.
///
/// **Normalising** (``normalized(_:)``):
///
/// 1. Lowercase it and turn the separators `/`, `-`, `.`, `#` and spaces into `_` (runs of `_`
///    count once, and leading or trailing ones go): `Loss/train` → `loss_train`,
///    `lr-Adam` → `lr_adam`, W&B's `_step` → `step`, `Epoch#` → `epoch`.
/// 2. Timing and bookkeeping names are ignored: anything with `runtime`, `per_second`,
///    `timestamp` or `flos` in it, anything ending in `_time` (`epoch_time`,
///    `eval_model_preparation_time`), starting with `time_` (`time_sec`) or ending in `_sec`,
///    `_secs`, `_seconds` (`epoch_sec`), and `time`, `hp_metric`, `num_input_tokens_seen`,
///    `memory` (OpenMMLab's GPU memory in MB).
/// 3. `step`, `global_step`, `train_global_step`, `trainer_global_step`, `iteration`, `iter` are
///    the step counter; `epoch`, `train_epoch` the epoch.
/// 4. A trailing `_step` or `_epoch` is a variant (Lightning's `train_loss_step`,
///    `train_loss_epoch`), and so is Keras' TensorBoard prefix `epoch_` (`epoch_loss`).
/// 5. The split comes from a prefix: `train_`, `training_` (training); `val_`, `valid_`,
///    `validation_`, `eval_`, `evaluation_`, `dev_` (validation); `test_` (test). Without a
///    prefix, a suffix `_train`, `_val`, `_valid`, `_validation`, `_eval`, `_dev`, `_test`
///    says it (PyTorch's `Loss/train`). What remains is the base name. Without either, a split
///    word inside the name before a loss or an accuracy says it, for logs of several
///    evaluation sets (`real_val_loss` is a validation loss, of the set `real`).
/// 6. Base names with one meaning: `loss` (and the plural `losses` that loops' history
///    dictionaries use, and `total_loss`, the sum Detectron2 and multi-task loops log beside its
///    parts); `acc`, `accuracy`, `binary_accuracy`, `categorical_accuracy`,
///    `sparse_categorical_accuracy`, `top1_accuracy`, `acc1`, `top1` (timm's `eval_top1`), `accs`,
///    `accuracies` (accuracy);
///    `lr`, `learning_rate`, `lr_<group>` (learning rate); `grad_norm`, `gradient_norm`.
///
/// **Roles** (``role(of:)``):
///
/// - training loss: `loss`, `train_loss`, `train/loss`, `train_loss_epoch`, `training_loss`;
/// - validation loss: `val_loss`, `eval_loss`, `valid_loss`, `validation_loss`, `val/loss`,
///   `eval/loss`;
/// - test loss: `test_loss`, which becomes the validation loss only when the log has no
///   validation loss or accuracy at all;
/// - training accuracy: `accuracy`, `acc`, `train_acc`, `train_accuracy`, `binary_accuracy`;
/// - validation accuracy: `val_accuracy`, `val_acc`, `eval_accuracy`, `valid_accuracy`;
/// - test accuracy: `test_acc`, `test_accuracy`, promoted like the test loss;
/// - loss on the whole training set at an evaluation: `train_eval_loss` (CurveLab's CSV);
/// - learning rate: `lr`, `learning_rate`, `lr-Adam`, `lr/pg0`, `train/learning_rate`;
/// - gradient norm: `grad_norm`, `train/grad_norm`;
/// - step and epoch: as in step 3;
/// - anything else (`eval_f1`, `metrics/mAP50(B)`, `val_wer`): a metric, kept under its
///   original name.
///
/// When two columns claim one role, the one without a variant suffix wins, then `_epoch`, then
/// `_step`, then a plain name before a `total_` one, then the earlier column; a losing
/// validation-side column stays as a metric, a losing training-side column is left out with a
/// warning. Formats whose unprefixed metrics are computed on the validation set (fastai's
/// `accuracy`) say so to the reader, and a ``MetricMapping`` overrides the rule for the
/// training loss, validation loss and validation accuracy.
///
/// ```swift
/// MetricNames.role(of: "val/loss")          // .validationLoss
/// MetricNames.role(of: "train_loss_epoch")  // .trainingLoss
/// MetricNames.role(of: "Loss/train")        // .trainingLoss
/// MetricNames.role(of: "eval_f1")           // .metric
/// ```
public enum MetricNames {
  /// The data set a name refers to.
  public enum Split: String, Sendable, Equatable, Hashable {
    /// The training set (`train_`, `training_`).
    case training
    /// The validation set (`val_`, `valid_`, `validation_`, `eval_`, `evaluation_`, `dev_`).
    case validation
    /// A held-out test set (`test_`).
    case test
    /// No prefix or suffix says.
    case unspecified
  }

  /// How often a value was aggregated, from Lightning's suffixes and Keras' `epoch_` prefix.
  public enum Variant: String, Sendable, Equatable, Hashable {
    /// One batch's value (`_step`).
    case step
    /// The mean over an epoch (`_epoch`, `epoch_`).
    case epoch
  }

  /// What a logged series holds.
  public enum Role: String, Sendable, Equatable, Hashable {
    /// The step counter.
    case step
    /// The (fractional) epoch.
    case epoch
    /// Mean training loss since the previous record.
    case trainingLoss
    /// Loss on the validation set.
    case validationLoss
    /// Loss on a test set; the validation loss when nothing else is.
    case testLoss
    /// Accuracy on the training set.
    case trainingAccuracy
    /// Accuracy on the validation set.
    case validationAccuracy
    /// Accuracy on a test set; the validation accuracy when nothing else is.
    case testAccuracy
    /// Loss on the whole training set at an evaluation (CurveLab's `train_eval_loss`).
    case trainingEvaluationLoss
    /// The learning rate.
    case learningRate
    /// The gradient norm.
    case gradientNorm
    /// Timing and bookkeeping, not a curve.
    case ignored
    /// Any other metric, kept by its original name.
    case metric
  }

  /// A name taken apart by the rule.
  public struct Name: Sendable, Equatable, Hashable {
    /// The normalised text, before the split and variant were taken off.
    public var text: String
    /// The data set.
    public var split: Split
    /// What is measured, with aliases resolved: `loss`, `accuracy`, `learning_rate`,
    /// `grad_norm`, `step`, `epoch`, or the remaining text.
    public var base: String
    /// The aggregation suffix, if any.
    public var variant: Variant?
  }

  /// Takes a name apart by the normalising steps described on ``MetricNames``.
  ///
  /// ```swift
  /// MetricNames.normalized("Loss/train").split  // .training
  /// MetricNames.normalized("lr-Adam").base      // "learning_rate"
  /// ```
  public static func normalized(_ name: String) -> Name {
    // No name the rule knows is this long; a reader refuses such names before asking.
    guard name.utf8.count <= LogLimits.maximumNameLength else {
      return Name(text: name, split: .unspecified, base: name, variant: nil)
    }
    let text = normalizedText(name)
    if isIgnored(text) { return Name(text: text, split: .unspecified, base: "", variant: nil) }
    if stepNames.contains(text) {
      return Name(text: text, split: .unspecified, base: "step", variant: nil)
    }
    if epochNames.contains(text) {
      return Name(text: text, split: .unspecified, base: "epoch", variant: nil)
    }
    var rest = Substring(text)
    var variant: Variant?
    if rest.count > 5, rest.hasSuffix("_step") {
      variant = .step
      rest = rest.dropLast(5)
    } else if rest.count > 6, rest.hasSuffix("_epoch") {
      variant = .epoch
      rest = rest.dropLast(6)
    }
    if rest.count > 14, rest.hasSuffix("_vs_iterations") { rest = rest.dropLast(14) }
    var split = Split.unspecified
    for (prefix, prefixSplit) in splitPrefixes where rest.count > prefix.count {
      if rest.hasPrefix(prefix) {
        split = prefixSplit
        rest = rest.dropFirst(prefix.count)
        break
      }
    }
    if split == .unspecified {
      for (suffix, suffixSplit) in splitSuffixes where rest.count > suffix.count {
        if rest.hasSuffix(suffix) {
          split = suffixSplit
          rest = rest.dropLast(suffix.count)
          break
        }
      }
    }
    if variant == nil, rest.count > 6, rest.hasPrefix("epoch_") {
      variant = .epoch
      rest = rest.dropFirst(6)
    }
    if split == .unspecified, let inner = innerSplit(rest) {
      return Name(text: text, split: inner.split, base: inner.base, variant: variant)
    }
    return Name(text: text, split: split, base: canonicalBase(String(rest)), variant: variant)
  }

  /// A split named inside a name of several evaluation sets (`real_val_loss`, `font_val_acc`,
  /// `cifar_test_accuracy`): the split and a loss or accuracy base after it, or `nil`.
  private static func innerSplit(_ name: Substring) -> (split: Split, base: String)? {
    let words = name.split(separator: "_")
    guard words.count >= 3 else { return nil }
    for index in words.indices.dropFirst().dropLast() {
      guard let split = splitPrefixes.first(where: { $0.0 == words[index] + "_" })?.1 else {
        continue
      }
      let base = canonicalBase(words[(index + 1)...].joined(separator: "_"))
      if base == "loss" || base == "accuracy" { return (split, base) }
    }
    return nil
  }

  /// The role of a name under the rule.
  ///
  /// - Parameter name: A column, key or tag name as the log spells it.
  /// - Returns: The role; test-set losses and accuracies come back as ``Role/testLoss`` and
  ///   ``Role/testAccuracy``, which readers promote only when the log has no validation set.
  public static func role(of name: String) -> Role {
    role(of: normalized(name), unprefixedAccuracy: .training)
  }

  /// The role of a taken-apart name; `unprefixedAccuracy` says which set an accuracy without
  /// a split belongs to (the validation set for fastai, whose metrics are all validation
  /// metrics).
  static func role(of name: Name, unprefixedAccuracy: Split) -> Role {
    if name.base.isEmpty { return .ignored }
    switch name.base {
    case "step": return .step
    case "epoch": return name.variant == nil ? .epoch : .metric
    case "learning_rate": return .learningRate
    case "grad_norm": return .gradientNorm
    case "time": return .ignored
    case "eval_loss" where name.split == .training: return .trainingEvaluationLoss
    case "loss":
      switch name.split {
      case .training, .unspecified: return .trainingLoss
      case .validation: return .validationLoss
      case .test: return .testLoss
      }
    case "accuracy":
      switch name.split == .unspecified ? unprefixedAccuracy : name.split {
      case .training, .unspecified: return .trainingAccuracy
      case .validation: return .validationAccuracy
      case .test: return .testAccuracy
      }
    default: return .metric
    }
  }

  /// Lowercase, separators to `_`, runs of `_` collapsed, `_` trimmed at both ends.
  static func normalizedText(_ name: String) -> String {
    var result = ""
    result.reserveCapacity(name.utf8.count)
    var pendingUnderscore = false
    for character in name.lowercased() {
      switch character {
      case "/", "-", ".", " ", "\t", "_", "#":
        pendingUnderscore = !result.isEmpty
      default:
        if pendingUnderscore { result.append("_") }
        pendingUnderscore = false
        result.append(character)
      }
    }
    return result
  }

  /// Whether a base name (without split or variant) means accuracy: `accuracy`, `acc`, ...
  static func isAccuracy(_ base: String) -> Bool {
    accuracyNames.contains(normalizedText(base))
  }

  private static func isIgnored(_ text: String) -> Bool {
    if ignoredNames.contains(text) || text.hasSuffix("_time") || text.hasPrefix("time_")
      || ["_sec", "_secs", "_seconds"].contains(where: { text.hasSuffix($0) })
    {
      return true
    }
    return ignoredFragments.contains { fragment in
      text.utf8.count >= fragment.utf8.count
        && text.utf8.indices.contains { start in
          text.utf8[start...].starts(with: fragment.utf8)
        }
    }
  }

  private static func canonicalBase(_ base: String) -> String {
    if base == "loss" || base == "losses" || base == "total_loss" { return "loss" }
    // An average over the epoch's batches (`avg_loss`, `mean_acc`, `running_loss`) is the
    // epoch's value, which is what a history logs.
    for prefix in ["avg_", "average_", "mean_", "running_"] where base.hasPrefix(prefix) {
      let rest = canonicalBase(String(base.dropFirst(prefix.count)))
      if rest == "loss" || rest == "accuracy" { return rest }
    }
    if accuracyNames.contains(base) { return "accuracy" }
    if base == "lr" || base == "learning_rate" || base == "learningrate" || base.hasPrefix("lr_")
      || base.hasPrefix("learning_rate_")
    {
      return "learning_rate"
    }
    if base == "grad_norm" || base == "gradient_norm" || base == "gradnorm" { return "grad_norm" }
    return base
  }

  private static let ignoredNames: Set<String> = [
    "time", "wall_time", "walltime", "epoch_time", "elapsed", "duration", "hp_metric",
    "seconds", "secs", "sec",
    "num_input_tokens_seen", "total_flos", "train_train_loss", "memory", "max_memory",
  ]
  private static let ignoredFragments = ["runtime", "per_second", "timestamp", "flos"]
  private static let stepNames: Set<String> = [
    "step", "steps", "global_step", "train_global_step", "trainer_global_step", "iteration",
    "iter",
  ]
  private static let epochNames: Set<String> = ["epoch", "epochs", "train_epoch", "trainer_epoch"]
  private static let splitPrefixes: [(String, Split)] = [
    ("validation_", .validation), ("evaluation_", .validation), ("training_", .training),
    ("train_", .training), ("valid_", .validation), ("eval_", .validation), ("val_", .validation),
    ("dev_", .validation), ("test_", .test),
  ]
  private static let splitSuffixes: [(String, Split)] = [
    ("_validation", .validation), ("_training", .training), ("_train", .training),
    ("_valid", .validation), ("_eval", .validation), ("_val", .validation), ("_dev", .validation),
    ("_test", .test),
  ]
  private static let accuracyNames: Set<String> = [
    "acc", "accuracy", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy",
    "top1_accuracy", "accuracy_top1", "top_1_accuracy", "acc1", "acc_top1", "binary_acc",
    "top1", "top_1",
    "accs", "accuracies",
  ]
}
