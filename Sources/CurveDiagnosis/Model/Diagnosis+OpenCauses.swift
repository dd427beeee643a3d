public import CurveCore

extension Diagnosis {
  /// The causes still in the running: the named ``cause`` alone when the evidence singles it
  /// out, else every candidate close to the likeliest (within
  /// ``DiagnosisThresholds/causeOpenMargin`` of it and above
  /// ``DiagnosisThresholds/causeOpenFloor``), likeliest first. Empty when no cause was weighed.
  ///
  /// The remedies are ranked over these causes, and an exercise's cause question accepts each
  /// of them.
  ///
  /// ```swift
  /// let diagnosis = Diagnoser().diagnose(log)
  /// diagnosis.openCauses   // [.highLearningRate, .tinyBatch] when the log lacks the batch size
  /// ```
  public var openCauses: [Cause] {
    guard let top = causes.first else { return [] }
    if top.isDetermined { return [top.cause] }
    let floor = max(DiagnosisThresholds.causeOpenFloor, top.weight - DiagnosisThresholds.causeOpenMargin)
    return causes.filter { $0.weight >= floor }.map(\.cause)
  }

  /// The candidate causes the evidence does not speak against (weight at least
  /// ``DiagnosisThresholds/causeOpenFloor``) but that are not open: less likely than the
  /// open ones, still possible. Likeliest first.
  public var possibleCauses: [Cause] {
    let open = openCauses
    return causes.filter {
      $0.weight >= DiagnosisThresholds.causeOpenFloor && !open.contains($0.cause)
    }.map(\.cause)
  }

  /// The candidate causes the evidence speaks against (weight below
  /// ``DiagnosisThresholds/causeOpenFloor``), least likely first.
  public var unlikelyCauses: [Cause] {
    causes.filter { $0.weight < DiagnosisThresholds.causeOpenFloor }.reversed().map(\.cause)
  }
}
