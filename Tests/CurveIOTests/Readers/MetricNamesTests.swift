import CurveIO
import Testing

@Suite struct MetricNamesTests {
  static let roles: [(String, MetricNames.Role)] = [
    ("loss", .trainingLoss), ("train_loss", .trainingLoss), ("train/loss", .trainingLoss),
    ("train_loss_epoch", .trainingLoss), ("train_loss_step", .trainingLoss),
    ("training_loss", .trainingLoss), ("Loss/train", .trainingLoss), ("epoch_loss", .trainingLoss),
    ("val_loss", .validationLoss), ("eval_loss", .validationLoss), ("valid_loss", .validationLoss),
    ("validation_loss", .validationLoss), ("val/loss", .validationLoss),
    ("eval/loss", .validationLoss), ("Loss/val", .validationLoss),
    ("validation/epoch_loss", .validationLoss), ("test_loss", .testLoss),
    ("accuracy", .trainingAccuracy), ("acc", .trainingAccuracy), ("train_acc", .trainingAccuracy),
    ("train_accuracy", .trainingAccuracy), ("binary_accuracy", .trainingAccuracy),
    ("val_accuracy", .validationAccuracy), ("val_acc", .validationAccuracy),
    ("eval_accuracy", .validationAccuracy), ("valid_accuracy", .validationAccuracy),
    ("val_binary_accuracy", .validationAccuracy), ("test_acc", .testAccuracy),
    ("train_eval_loss", .trainingEvaluationLoss),
    ("lr", .learningRate), ("learning_rate", .learningRate), ("lr-Adam", .learningRate),
    ("train/learning_rate", .learningRate), ("epoch_learning_rate", .learningRate),
    ("grad_norm", .gradientNorm), ("train/grad_norm", .gradientNorm),
    ("step", .step), ("_step", .step), ("global_step", .step), ("train/global_step", .step),
    ("trainer/global_step", .step), ("epoch", .epoch), ("train/epoch", .epoch),
    ("time", .ignored), ("_runtime", .ignored), ("_timestamp", .ignored),
    ("eval_samples_per_second", .ignored), ("train_runtime", .ignored), ("total_flos", .ignored),
    ("eval_f1", .metric), ("eval_wer", .metric), ("metrics/mAP50(B)", .metric),
    ("error_rate", .metric), ("eval_test_loss", .metric),
    // Several evaluation sets named inside the name; plurals of loops' dictionaries; `#`.
    ("real_val_loss", .validationLoss), ("font_val_acc", .validationAccuracy),
    ("cifar_test_accuracy", .testAccuracy), ("model_val_f1", .metric),
    ("train_losses", .trainingLoss), ("val_losses", .validationLoss),
    ("train_accs", .trainingAccuracy), ("val_accuracies", .validationAccuracy),
    ("Epoch#", .epoch), ("seconds", .ignored), ("time_sec", .ignored), ("epoch_secs", .ignored),
    ("total_loss", .trainingLoss), ("val_total_loss", .validationLoss),
    // Averages over the epoch's batches.
    ("avg_loss", .trainingLoss), ("avg_val_loss", .validationLoss), ("val_avg_loss", .validationLoss),
    ("mean_acc", .trainingAccuracy), ("running_loss", .trainingLoss), ("avg_f1", .metric),
  ]

  @Test(arguments: roles)
  func givesEachNameItsRole(entry: (String, MetricNames.Role)) {
    #expect(MetricNames.role(of: entry.0) == entry.1, "\(entry.0)")
  }

  @Test func normalisesSeparatorsCaseAndSuffixes() {
    let name = MetricNames.normalized("Train/Loss-Step")
    #expect(name.text == "train_loss_step")
    #expect(name.split == .training)
    #expect(name.base == "loss")
    #expect(name.variant == .step)
    #expect(MetricNames.normalized("lr-Adam").base == "learning_rate")
    #expect(MetricNames.normalized("val acc").split == .validation)
  }
}
