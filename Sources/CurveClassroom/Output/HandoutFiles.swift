import CurveCore
import CurveDiagnosis
import CurveExercises
import CurveIO

/// The data files a student gets for an exercise, and whether they read as the exercise is
/// keyed.
///
/// A student checks a run with `curvelab diagnose trainer_state.json` (or `log.csv`). Those
/// files hold the curves and the Trainer's bookkeeping, not the run's settings, so the engine
/// knows less from them than from the simulator's own log (the number of classes, say). An
/// exercise is only worth handing out when both readings give the keyed pattern.
enum HandoutFiles {
  /// `trainer_state.json`, as the Trainer writes it, without the run's settings.
  static func trainerState(for log: TrainingLog) -> String { TrainerStateWriter().text(for: log) }

  /// `log.csv`: one row per step, the columns CurveLab's CSV export has.
  static func csv(for log: TrainingLog) -> String { CSVLogWriter().text(for: log) }

  /// Whether each handed-out file, read back, gives the engine the pattern of the key.
  static func readAsKeyed(_ solved: SolvedExercise) -> Bool {
    let files = [
      ("trainer_state.json", trainerState(for: solved.log)),
      ("log.csv", csv(for: solved.log)),
    ]
    return files.allSatisfy { name, text in
      guard let loaded = try? LogLoader().load(bytes: Array(text.utf8), name: name) else {
        return false
      }
      return Diagnoser().diagnose(loaded.log).pattern == solved.diagnosis.pattern
    }
  }
}
