public import CurveDiagnosis

extension Pattern {
  /// The four patterns the course teaches and asks about, in the order it teaches them.
  public static let taught: [Pattern] = [.healthy, .overfitting, .underfitting, .erratic]
}
