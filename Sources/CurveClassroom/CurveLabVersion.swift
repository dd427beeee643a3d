/// The version of CurveLab recorded in every generated set's manifest.
///
/// A set regenerated with another version may differ, since the simulator and the engine may
/// have changed; the manifest says which version made it.
public enum CurveLabVersion {
  /// The version string, as `major.minor.patch`.
  public static let string = "0.1.0"
}
