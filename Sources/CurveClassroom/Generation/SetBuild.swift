/// A set made ready to write: the sets generated for the class or for each student, and
/// their files.
///
/// ```swift
/// let build = try SetBuild(spec: ExerciseSetSpec(count: 4, seed: 7), command: "curvelab generate --count 4 --seed 7 --out set")
/// try SetDirectory(path: "set").write(build.files)
/// ```
public struct SetBuild: Sendable {
  /// The generated sets: one for the class, one per roster student, or the one student's.
  public var sets: [ExerciseSet]
  /// Every file, manifest first.
  public var files: [SetFile]

  /// Generates the class set, each roster student's variant under `students/<folder>/`, or,
  /// with `student`, that student's variant at the top level (the same files, byte for byte,
  /// as in the roster's folder).
  ///
  /// With `layout` ``SetLayout/Layout/exam``, the students' files go under `handout/` without
  /// seeds or data, the rest under `instructor/`.
  ///
  /// Exercises are generated and rendered on `workers` threads (one per core when `nil`); the
  /// files are the same, byte for byte, for any number.
  public init(
    spec: ExerciseSetSpec, roster: Roster? = nil, student: String? = nil, command: String,
    layout: SetLayout.Layout = .standard, budget: RunBudget = .classroom, workers: Int? = nil
  ) throws(ClassroomError) {
    precondition(roster == nil || student == nil, "a roster or one student, not both")
    if let roster {
      sets = try ExerciseSet.generate(
        spec, students: roster.students.map(\.id), budget: budget, workers: workers)
      files = SetLayout.files(
        for: sets, folders: roster.students.map { "students/" + $0.folder },
        manifest: SetManifest(spec: spec, command: command, roster: roster), layout: layout,
        workers: workers)
    } else {
      sets = try ExerciseSet.generate(spec, students: [student], budget: budget, workers: workers)
      files = SetLayout.files(
        for: sets, folders: [nil],
        manifest: SetManifest(spec: spec, command: command, student: student), layout: layout,
        workers: workers)
    }
  }

  /// Exercises over all sets.
  public var exerciseCount: Int { sets.reduce(0) { $0 + $1.exercises.count } }
  /// Candidates redrawn over all sets.
  public var redraws: Int { sets.reduce(0) { $0 + $1.redraws } }
}
