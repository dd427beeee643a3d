import CurveCore

/// The verdict sentence and the ranked remedies.
extension CurveReading {
  func headline(for pattern: Pattern, diagnosis: Diagnosis) -> String {
    let prefix = diagnosis.isInProgress ? "So far, " : ""
    let sentence: String
    switch pattern {
    case .overfitting:
      let analysis = overfitting
      if let onset = analysis.onset, analysis.rise >= T.overfitMinimumRelativeRise {
        sentence = "overfitting: validation loss rose \(Format.percent(analysis.rise)) after its "
          + "minimum at \(position(onset.step)) while training loss kept falling."
      } else if let gap = analysis.accuracyGapAtEnd {
        sentence = "overfitting: training accuracy ends \(Format.percent(gap)) points above "
          + "validation accuracy and the gap keeps growing while validation loss has stopped improving."
      } else {
        sentence = "overfitting: validation loss stopped improving while training loss kept falling."
      }
    case .underfitting:
      let analysis = underfitting
      let curve = fitCurve
      let which = curve.series == training.series ? "training" : "validation"
      var text = "underfitting: the model removed only \(Format.percent(max(0, analysis.learned))) "
        + "of \(trivialLoss != nil ? "an untrained model's loss" : "its starting loss"); \(which) "
        + "loss stays high at \(Format.number(curve.end))"
      if validation.count > 0, curve.series == training.series {
        text += " and validation loss at \(Format.number(validation.end))"
      }
      text += analysis.isStillFalling ? ", still creeping down." : ", flat since early on."
      sentence = text
    case .erratic:
      let both = erratic.isTrainingJumpy && erratic.isValidationJumpy
      sentence = "erratic: \(both ? "both curves swing" : "the curve swings") by about "
        + "\(Format.percent(max(training.relativeNoise, validation.relativeNoise))) of their scale "
        + "from one point to the next, as large as the trend itself."
    case .healthy:
      var text = "healthy: "
      if training.count >= 2 {
        text += "training loss fell from \(Format.number(training.values.first!)) to "
          + "\(Format.number(training.values.last!))"
      }
      if validation.count >= 2 {
        text += (training.count >= 2 ? " and " : "")
          + "validation loss from \(Format.number(validation.values.first!)) to "
          + "\(Format.number(validation.values.last!))"
      }
      if let trainingSide = trainingAtEvaluations, let last = validation.values.last {
        let gap = last - trainingSide.last!
        text += abs(gap) <= 0.3 * max(abs(last), T.tinyScale)
          ? ", with a small gap (\(Format.number(gap)))"
          : ", though validation ends \(Format.number(gap)) above training"
      }
      if let step = diagnosis.convergenceStep {
        text += "; they level off from \(position(step))."
      } else {
        text += "; still improving at the end."
      }
      sentence = text
    case .diverged, .insufficientData:
      sentence = ""
    }
    let capitalized = prefix.isEmpty ? sentence.prefix(1).uppercased() + sentence.dropFirst() : sentence
    return prefix + capitalized
  }

  func remedies(for pattern: Pattern, diagnosis: Diagnosis) -> [Remedy] {
    let settings = log.metadata.configuration
    let rate = settings["learning_rate"].flatMap(Double.init)
    let batch = log.metadata.trainBatchSize
    switch pattern {
    case .overfitting:
      var list: [Remedy] = []
      if let best = diagnosis.best, let outcome = diagnosis.earlyStopping {
        var text = "Keep the checkpoint from \(position(best.step))"
        if let onset = diagnosis.overfittingOnset, onset.rise >= T.overfitMinimumRelativeRise {
          text = "Validation loss rose \(Format.percent(onset.rise)) after \(position(onset.step)): keep "
            + "that checkpoint"
        }
        if let stop = outcome.stopStep, let restored = outcome.restoredStep {
          text += ". Early stopping with patience \(outcome.policy.patience) would stop at "
            + "\(position(stop)) and restore \(position(restored))"
          if outcome.evaluationsSaved > 0 {
            text += ", skipping the last \(outcome.evaluationsSaved) evaluation\(outcome.evaluationsSaved == 1 ? "" : "s")"
          }
        }
        text += " (EarlyStoppingCallback with load_best_model_at_end=True, metric_for_best_model=\"\(best.metric)\")."
        list.append(Remedy(action: .earlyStopping, text: text))
      }
      let decay = settings["weight_decay"].flatMap(Double.init)
      list.append(
        Remedy(
          action: .weightDecay,
          text: "Regularize: weight decay (0.01 to 0.1 with AdamW)"
            + (decay == 0 ? ", which this run did not use," : "") + " or dropout (0.1 to 0.3)."))
      let examples = log.metadata.trainingSetSize.map { " (this run trained on \($0) examples)" } ?? ""
      list.append(Remedy(action: .moreData, text: "More, or more varied, training data\(examples): augmentation counts."))
      list.append(Remedy(action: .smallerModel, text: "A smaller model: fewer or narrower layers memorize less."))
      return list
    case .underfitting:
      let analysis = underfitting
      var list: [Remedy] = []
      if analysis.isStillFalling {
        list.append(
          Remedy(
            action: .moreEpochs,
            text: "Train longer: the loss is still creeping down at the end (for example 5 to 10 times the epochs)."))
        list.append(
          Remedy(
            action: .higherLearningRate,
            text: "Raise the learning rate" + (rate.map { " (it was \(Format.number($0)); try 10 times that)" } ?? "")
              + ": progress this slow usually means steps that are too small."))
      } else {
        if let decay = settings["weight_decay"].flatMap(Double.init), decay >= 0.5 {
          list.append(
            Remedy(
              action: .lessRegularization,
              text: "Weaken the regularization: weight decay \(Format.number(decay)) pins the weights near zero; try 0.01."))
        }
        list.append(
          Remedy(
            action: .biggerModel,
            text: "A bigger model: more or wider layers, so it can represent the pattern in the data."))
        list.append(
          Remedy(
            action: .higherLearningRate,
            text: "A different learning rate" + (rate.map { " (it was \(Format.number($0)))" } ?? "")
              + ": try a few values a factor of 3 to 10 apart."))
        list.append(Remedy(action: .moreEpochs, text: "More epochs, once the curve shows it is still learning."))
      }
      list.append(Remedy(action: .checkData, text: "Check the data: labels, features and preprocessing."))
      return list
    case .erratic:
      return [
        Remedy(
          action: .lowerLearningRate,
          text: "Lower the learning rate about tenfold"
            + (rate.map { " (from \(Format.number($0)) to \(Format.number($0 / 10)))" } ?? "")
            + ": the updates overshoot."),
        Remedy(
          action: .biggerBatch,
          text: "Use a bigger batch"
            + (batch.map { " (from \($0) to \($0 * 2) or \($0 * 4))" } ?? " (16 to 32 or more)")
            + ": averaging over more examples makes each gradient less noisy."),
        Remedy(action: .gradientClipping, text: "Clip the gradient norm (max_grad_norm = 1.0) to cap the worst updates."),
        Remedy(action: .checkData, text: "Check preprocessing: unscaled or inconsistent inputs make every step jumpy."),
      ]
    case .diverged:
      return [
        Remedy(
          action: .lowerLearningRate,
          text: "Lower the learning rate" + (rate.map { " (it was \(Format.number($0)))" } ?? "")
            + ": a step too large sends the loss to infinity."),
        Remedy(action: .gradientClipping, text: "Clip gradients (max_grad_norm = 1.0) so no single update explodes."),
        Remedy(action: .warmup, text: "Warm the learning rate up over the first few hundred steps."),
        Remedy(action: .checkData, text: "Check the inputs for NaN, infinities and unscaled features."),
      ]
    case .healthy:
      // Still moving by the validation curve (or the training curve without one).
      if diagnosis.convergenceStep == nil {
        return [
          Remedy(
            action: .moreEpochs,
            text: "Nothing is wrong, but the loss is still falling at the end: train for more "
              + "epochs and let early stopping (patience 3) decide when to stop.")
        ]
      }
      var text = "Nothing to fix: the run learned and levelled off."
      if let step = diagnosis.convergenceStep, let last = log.lastStep, last > 0,
        Double(step) < 0.8 * Double(last)
      {
        let saved = 1 - Double(step) / Double(last)
        text += " It had converged by \(position(step)); stopping there would have saved about "
          + "\(Format.percent(saved)) of the run."
      }
      return [Remedy(action: .nothing, text: text)]
    case .insufficientData:
      return []
    }
  }
}
