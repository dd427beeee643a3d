import CurveCore
import CurveDiagnosis
public import CurveExercises
import CurveSim
import Foundation
import JSONCoding

/// The keys of a generated set folder, read back for grading.
///
/// Each exercise's run is retrained from the recipe in `key.json` (in parallel) and diagnosed
/// again, so grades and explanations come from the engine exactly as when the set was made;
/// a run whose answers no longer match the key (another CurveLab version) is an error.
public struct GradingKey: Sendable {
  /// One exercise ready to grade.
  public struct Item: Sendable {
    /// The solved exercise.
    public var solved: SolvedExercise
    /// The lettered remedy options the student saw.
    public var options: RemedyOptions
    /// The lettered cause options the student saw; `nil` where the cause is not asked.
    public var causeOptions: CauseOptions? = nil
    /// The exercise's id.
    public var id: String { solved.exercise.id }
  }

  /// The folder read.
  public var folder: String
  /// Roster students, when the set has variants; empty when everyone shares one key.
  public var students: [RosterStudent]
  /// Where the roster came from; `nil` for a class set.
  public var rosterSource: RosterSource?
  /// The shared key, or each student's (by id).
  public var shared: [Item]?
  /// Each roster student's key, by id.
  public var perStudent: [String: [Item]]

  /// The exercises of `student`'s key, or `nil` when the set has no such student.
  public func items(for student: String) -> [Item]? {
    shared ?? perStudent[student]
  }

  /// Reads the set in `folder`.
  public init(folder: String) throws(ClassroomError) {
    self.folder = folder
    let manifestPath = folder + "/" + SetManifest.fileName
    let manifest = try Self.json(at: manifestPath)
    guard manifest["format"]?.stringValue == SetManifest.formatName else {
      throw .cannotRead(path: manifestPath, reason: "it is not the manifest of a generated set")
    }
    var students: [RosterStudent] = []
    for (line, entry) in (manifest["students"]?.arrayValue ?? []).enumerated() {
      guard let id = entry["id"]?.stringValue, let folder = entry["folder"]?.stringValue else {
        throw .cannotRead(path: manifestPath, reason: "student \(line + 1) has no id or folder")
      }
      let identifiers = (entry["identifiers"]?.arrayValue ?? []).compactMap { pair -> RosterField? in
        guard let column = pair[0]?.stringValue, let value = pair[1]?.stringValue else { return nil }
        return RosterField(column, value)
      }
      students.append(
        RosterStudent(
          id: id, name: entry["name"]?.stringValue, folder: String(folder.dropFirst("students/".count)),
          line: line + 1, identifiers: identifiers))
    }
    self.students = students
    // An exam keeps the keys with the instructor's files.
    let layout = manifest["layout"]?.stringValue.flatMap(SetLayout.Layout.init(rawValue:)) ?? .standard
    let keys = layout == .exam ? folder + "/" + layout.instructor.dropLast() : folder
    rosterSource = manifest["roster"]?["source"]?.stringValue.flatMap(RosterSource.init(rawValue:))
      ?? (students.isEmpty ? nil : .plain)
    if students.isEmpty {
      shared = try Self.items(in: keys)
      perStudent = [:]
    } else {
      shared = nil
      var perStudent: [String: [Item]] = [:]
      for student in students {
        guard Roster.folderName(for: student.folder) == student.folder else {
          throw .escapesOutput(path: student.folder)
        }
        perStudent[student.id] = try Self.items(in: keys + "/students/" + student.folder)
      }
      self.perStudent = perStudent
    }
  }

  private static func json(at path: String) throws(ClassroomError) -> JSONValue {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .cannotRead(path: path, reason: "no such file")
    }
    do {
      return try JSONValue(parsing: Array(data))
    } catch {
      throw .cannotRead(path: path, reason: error.description)
    }
  }

  private static func items(in folder: String) throws(ClassroomError) -> [Item] {
    let keyPath = folder + "/key.json"
    let key = try json(at: keyPath)
    guard key["format"]?.stringValue == SetLayout.keyFormatName,
      let exercises = key["exercises"]?.arrayValue
    else { throw .cannotRead(path: keyPath, reason: "it is not a CurveLab answer key") }
    let loaded = Parallel.map(exercises.count) { index -> Result<Item, ClassroomError> in
      do throws(ClassroomError) {
        return .success(try item(exercises[index], folder: folder, keyPath: keyPath))
      } catch {
        return .failure(error)
      }
    }
    var items: [Item] = []
    for result in loaded {
      switch result {
      case .success(let item): items.append(item)
      case .failure(let error): throw error
      }
    }
    return items
  }

  private static func item(_ entry: JSONValue, folder: String, keyPath: String)
    throws(ClassroomError) -> Item
  {
    let id = entry["id"]?.stringValue ?? "?"
    func bad(_ reason: String) -> ClassroomError { .cannotRead(path: keyPath, reason: "\(id): \(reason)") }
    guard let recipeJSON = entry["recipe"], let recipe = RunRecipe(json: recipeJSON) else {
      throw bad("no readable recipe")
    }
    var questions: [Exercise.Question] = []
    for name in entry["questions"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
      switch name {
      case "pattern": questions.append(.pattern)
      case "stop": questions.append(.keepStep)
      case "remedy": questions.append(.remedy)
      case "cause": questions.append(.cause)
      case "set-size": questions.append(.setSize)
      case "patience-stop":
        let patience = entry["patience_stop"]?["patience"]?.integerValue ?? 3
        questions.append(.patienceStop(Int(patience)))
      default: throw bad("unknown question '\(name)'")
      }
    }
    let actions = (entry["remedy"]?["options"]?.arrayValue ?? []).compactMap {
      $0["action"]?.stringValue.flatMap(Remedy.Action.init(rawValue:))
    }
    let causes = (entry["cause"]?["options"]?.arrayValue ?? []).compactMap {
      $0["cause"]?.stringValue.flatMap(Cause.init(rawValue:))
    }
    if questions.contains(.cause), causes.count < 2 {
      throw bad("the cause question lists no options")
    }
    let exercise = Exercise(id: id, recipe: recipe, questions: questions)
    let expectedPattern = entry["pattern"]?["answer"]?.stringValue
    let expectedStop = entry["stop"]?["answer"]?.integerValue.map(Int.init)
    func matches(_ solved: SolvedExercise) -> Bool {
      solved.key.pattern.rawValue == expectedPattern
        && (!questions.contains(.keepStep) || solved.key.keep?.step == expectedStop)
        && solved.key.remedy.rawValue == entry["remedy"]?["answer"]?.stringValue
        && (!questions.contains(.cause)
          || solved.key.causeAnswer?.answer.rawValue == entry["cause"]?["answer"]?.stringValue)
        && solved.exercise.questions == questions
    }
    // Retrain from the recipe rather than read trainer_state.json back: the written log
    // rounds nothing, but the reader rebuilds metadata the engine looks at, and grading must
    // use exactly the run the key was made from.
    guard let solved = try? exercise.solve(), matches(solved) else {
      throw bad("the run no longer gives the answers in the key; regenerate the set")
    }
    return Item(
      solved: solved, options: RemedyOptions(actions: actions),
      causeOptions: questions.contains(.cause) ? CauseOptions(choices: causes) : nil)
  }
}
