/// Whether two computed values agree within an absolute or relative tolerance.
///
/// Computed losses are never compared with `==`; tests use this instead.
public func isApproximatelyEqual(
  _ a: Double, _ b: Double, absoluteTolerance: Double = 1e-12, relativeTolerance: Double = 1e-9
) -> Bool {
  if a == b { return true }
  let difference = abs(a - b)
  return difference <= absoluteTolerance || difference <= relativeTolerance * max(abs(a), abs(b))
}
