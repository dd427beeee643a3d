public import CurveRender

extension TrainingLogChart {
  /// The validation loss alone, every evaluation ringed and its step written under the axis
  /// (upright when they are many), for questions that ask for a step: the best evaluation can
  /// be found and its step read even when the training loss of an erratic run is noisy. Its
  /// strokes are the loss panel's.
  public var validationPanel: LineChart {
    var panel = lossChart
    panel.title = "Validation loss at each evaluation (its step below)"
    panel.xAxisLabel = ""
    panel.series = panel.series.filter { $0.name == "validation" }.map {
      var series = $0
      series.marksPoints = true
      return series
    }
    panel.xTickValues = log.evaluationEntries.filter { $0.loss?.isFinite == true }.map {
      Double($0.step)
    }
    return panel
  }
}
