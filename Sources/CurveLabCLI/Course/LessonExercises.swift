import CurveCourse
import TerminalCanvas

/// The menu's `e`: the exercises of one lesson, one after another, going on from the first the
/// learner has not tried ("exercise 1 of 2").
struct LessonExercises {
  let session: CourseSession

  /// The exercise to go on with: the first not tried, else the first not fully right, else
  /// `nil` when every one is done.
  static func next(in lesson: Lesson, progress: CourseProgress) -> Int? {
    let exercises = lesson.exercises.map(\.exercise)
    if let untried = exercises.firstIndex(where: { progress.exercises[$0.id] == nil }) {
      return untried
    }
    return exercises.firstIndex { (progress.exercises[$0.id]?.best ?? 0) < 1 }
  }

  /// Asks the lesson's exercises from where the learner is, until they stop or none is left.
  func `continue`(
    _ lesson: Lesson, progress: inout CourseProgress, input: some TerminalInput,
    output: inout some TextOutputStream, errors: inout some TextOutputStream
  ) throws {
    let exercises = lesson.exercises.map(\.exercise)
    let runner = ExerciseRunner(session: session)
    guard var index = Self.next(in: lesson, progress: progress) else {
      output.write("\n")
      session.say(
        "You have answered every exercise of lesson \(lesson.number) fully. 'x' in the menu gives "
          + "practice on new runs.", to: &output)
      output.write("\nEnter: back to the menu > ")
      _ = input.readLine()
      return
    }
    while true {
      output.write("\u{1B}[H\u{1B}[2J")
      let target = try runner.courseExercise(id: exercises[index].id)
      let finished = try runner.attempt(
        target, position: "exercise \(index + 1) of \(exercises.count) in lesson \(lesson.number)",
        input: input, output: &output, errors: &errors, progress: &progress)
      session.save(&progress, errors: &errors)
      guard finished, index + 1 < exercises.count else { break }
      index += 1
      output.write("\nEnter: exercise \(index + 1) of \(exercises.count), q: menu > ")
      guard let line = input.readLine(), line.trimmingCharacters(in: .whitespaces).isEmpty else {
        return
      }
    }
    output.write("\nEnter: back to the menu > ")
    _ = input.readLine()
  }
}
