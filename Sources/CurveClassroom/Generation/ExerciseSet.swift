import CurveExercises
import CurveSim

/// A generated set: one exercise per slot of the spec, for the class or for one student.
///
/// ```swift
/// let spec = ExerciseSetSpec(count: 4, seed: 7)
/// let set = try ExerciseSet.generate(spec, student: nil)
/// set.exercises.map(\.solved.key.pattern)   // the engine agrees with each scenario
/// ```
public struct ExerciseSet: Sendable {
  /// What the set was made from.
  public var spec: ExerciseSetSpec
  /// The student whose variant this is; `nil` for the class set.
  public var student: String?
  /// The exercises, in order.
  public var exercises: [GeneratedExercise]

  /// Candidates the engine disagreed with, over the whole set.
  public var redraws: Int { exercises.reduce(0) { $0 + $1.redraws } }

  /// Generates one set.
  public static func generate(
    _ spec: ExerciseSetSpec, student: String?, budget: RunBudget = .classroom
  ) throws(ClassroomError) -> ExerciseSet {
    try generate(spec, students: [student], budget: budget)[0]
  }

  /// The threads generation uses unless told otherwise: `CURVELAB_THREADS`, else one per
  /// core.
  public static var defaultWorkers: Int { Parallel.defaultWorkers }

  /// Generates a set for each student (`nil` is the class set), every exercise of every set
  /// in parallel on `workers` threads (one per core when `nil`); the result does not depend
  /// on the number of threads.
  public static func generate(
    _ spec: ExerciseSetSpec, students: [String?], budget: RunBudget = .classroom,
    workers: Int? = nil
  ) throws(ClassroomError) -> [ExerciseSet] {
    let generator = budget.generator(difficulty: spec.difficulty, questions: spec.questions)
    let scenarios = spec.scenarios()
    let count = spec.count
    let results = Parallel.map(students.count * count, workers: workers) {
      task -> Result<GeneratedExercise, ClassroomError> in
      let student = students[task / count]
      let index = task % count
      return make(
        index: index, scenario: scenarios[index], spec: spec, student: student,
        generator: generator)
    }
    var sets: [ExerciseSet] = []
    for (position, student) in students.enumerated() {
      var exercises: [GeneratedExercise] = []
      for result in results[(position * count)..<((position + 1) * count)] {
        switch result {
        case .success(let exercise): exercises.append(exercise)
        case .failure(let error): throw error
        }
      }
      sets.append(ExerciseSet(spec: spec, student: student, exercises: exercises))
    }
    return sets
  }

  private static func make(
    index: Int, scenario: Scenario, spec: ExerciseSetSpec, student: String?,
    generator: ExerciseGenerator
  ) -> Result<GeneratedExercise, ClassroomError> {
    let id = ExerciseSetSpec.exerciseID(index: index)
    let seed = spec.exerciseSeed(index: index, student: student)
    let solved: SolvedExercise
    do {
      solved = try generator.make(id: id, scenario: scenario, seed: seed)
    } catch {
      return .failure(.noAgreement(exercise: id, reason: error.description))
    }
    let redraws =
      (0..<generator.maximumDraws).first {
        ExerciseGenerator.candidateSeed(seed, draw: $0) == solved.exercise.recipe.seed
      } ?? 0
    var optionGenerator = spec.generator(index: index, student: student, purpose: "options")
    let options = RemedyOptions(
      answer: solved.key.remedy, alsoAccepted: solved.key.otherRemedies,
      distractors: solved.key.distractors, using: &optionGenerator)
    // Drawn from a stream of their own, so the remedy options are the same with or without a
    // cause question.
    var causeGenerator = spec.generator(index: index, student: student, purpose: "cause-options")
    let causeOptions = solved.key.causeAnswer.map { cause in
      CauseOptions(
        answer: cause.answer, alsoAccepted: cause.alsoRight + cause.halfCredit,
        distractors: cause.distractors, using: &causeGenerator)
    }
    let trial =
      RemedyTrial.canSimulate(solved.key.remedy)
      ? RemedyOutcome.simulate(solved.key.remedy, on: solved) : nil
    return .success(
      GeneratedExercise(
        solved: solved, scenario: scenario, options: options, causeOptions: causeOptions,
        redraws: redraws, trial: trial))
  }
}
