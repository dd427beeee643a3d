public import CurveDiagnosis
public import CurveExercises
import CurveCore
import CurveRender

/// A ```` ```predict ```` block: before a chart whose point is a change, the learner predicts
/// what the change will do; the chart comes after the answer.
///
/// ````
/// ```predict id=weight-decay without=remedy expect=val-loss-climb:lower seeds=8
/// What will a weight decay of 0.1 do to validation loss after its best point?
///
/// [ ] It will climb just as steeply as before.
///     The penalty changes how the weights grow, so the climb changes too.
/// [x] It will still climb, but less steeply.
///     Right. Weight decay slows the memorizing without stopping it.
/// ```
/// ```curve scenario=overfitting seed=1 remedy=weight-decay
/// ```
/// ````
///
/// The question and its options are written as in a quiz file (one `[x]` option, each with its
/// explanation). The block applies to the next ```` ```curve ```` block of the lesson: its run
/// without the settings named by `without` (knob names, `remedy` or `treat`) is the baseline,
/// and `curvelab check` verifies each `expect` claim (``RunClaim``) on the lesson's seed and on
/// `seeds` further seeds of the same setup. `reads=healthy` claims what the diagnosis engine
/// calls the changed run on all those seeds: the check behind a lesson's "this fixes it" (or,
/// with `reads=underfitting`, "this does not").
public struct PredictBlock: Sendable, Equatable {
  /// The prediction's id, unique in the course; progress records the answer under it.
  public var id: String
  /// The question.
  public var prompt: String
  /// The options in the order written (option 0 is "a"); exactly one is right.
  public var options: [QuizPlan.Option]
  /// What the right answer says about the changed run, for `curvelab check`.
  public var claims: [RunClaim]
  /// What the diagnosis engine must read the changed run as, on every seed tried; `nil` when
  /// the prediction claims no verdict.
  public var reads: Pattern?
  /// Settings to drop from the next chart's run to get the run without the change.
  public var without: [String]
  /// Further seeds (1, 2, ...) the claims must hold on besides the lesson's own.
  public var seeds: Int

  static let keys: Set<String> = ["id", "without", "expect", "reads", "seeds"]

  /// Reads the block's settings and the question in its body; a problem's line is counted
  /// from the block's first body line (1).
  public init(info: String, body: String) throws(RunRecipe.Problem) {
    let arguments = try BlockArguments(info: info)
    guard let id = arguments.value("id") else { throw RunRecipe.Problem(message: "no id= given") }
    guard CourseIdentifier.isValid(id) else {
      throw RunRecipe.Problem(message: "id=\(id): use lowercase letters, digits and hyphens")
    }
    for (key, _) in arguments.pairs where !Self.keys.contains(key) {
      throw RunRecipe.Problem(
        message: "unknown key '\(key)'; known keys: \(Self.keys.sorted().joined(separator: ", "))")
    }
    self.id = id
    without = (arguments.value("without") ?? "").split(separator: ",").map(String.init)
    claims = try (arguments.value("expect") ?? "").split(separator: ",").map {
      (text) throws(RunRecipe.Problem) in try RunClaim(text: String(text))
    }
    if let name = arguments.value("reads") {
      guard let pattern = Pattern(rawValue: name) else {
        throw RunRecipe.Problem(
          message: "reads=\(name): expected one of \(Pattern.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      reads = pattern
    }
    guard !claims.isEmpty || reads != nil, !without.isEmpty else {
      throw RunRecipe.Problem(
        message: "a prediction needs without= (what the change is) and expect= or reads= (what it does), so check can verify its answer")
    }
    let seedsText = arguments.value("seeds") ?? "0"
    guard let seeds = Int(seedsText), (0...100).contains(seeds) else {
      throw RunRecipe.Problem(message: "seeds=\(seedsText): expected a whole number from 0 to 100")
    }
    self.seeds = seeds
    // The body is a quiz question without its header.
    let header = ["## Q \(id)", "section: 1", "type: single", ""]
    let (file, errors) = QuizFile.parse((header + [body]).joined(separator: "\n"), fileName: "")
    if let error = errors.first {
      throw RunRecipe.Problem(message: "line \(max(1, error.line - header.count)) of the question: \(error.message)")
    }
    guard let question = file?.questions.first, !question.options.isEmpty else {
      throw RunRecipe.Problem(message: "the block holds no question with options")
    }
    prompt = question.prompt
    options = question.options.map {
      QuizPlan.Option(text: $0.text, isCorrect: $0.isCorrect, explanation: $0.explanation)
    }
  }

  /// The letter of the right option.
  public var correctLetter: Character {
    QuizPlan.letter(options.firstIndex(where: \.isCorrect) ?? 0)
  }

  /// The run without the change: `recipe` with the settings in ``without`` removed, and with
  /// `seed` when given.
  public func baseline(of recipe: RunRecipe, seed: UInt64? = nil) -> RunRecipe {
    RunRecipe(
      scenario: recipe.scenario, seed: seed ?? recipe.seed, cause: recipe.cause,
      settings: recipe.settings.filter { !without.contains($0.knob.rawValue) },
      remedies: without.contains("remedy") ? [] : recipe.remedies,
      treatments: without.contains("treat") ? [] : recipe.treatments)
  }

  /// The first claim that fails, said in a sentence, or `nil` when every claim (and the
  /// verdict in ``reads``) holds on the lesson's run (`recipe`, against its baseline) and on
  /// ``seeds`` further seeds.
  public func failedClaim(on recipe: RunRecipe) throws(RunRecipe.Problem) -> String? {
    let changes = recipe.settings.map(\.knob.rawValue) + (recipe.remedies.isEmpty ? [] : ["remedy"])
      + (recipe.treatments.isEmpty ? [] : ["treat"])
    for name in without where !changes.contains(name) {
      return "without=\(name), but the chart after it sets no \(name): is it the chart with the change?"
    }
    let seedsToTry = [recipe.seed] + (1...max(1, seeds)).map(UInt64.init).filter { $0 != recipe.seed }.prefix(seeds)
    for seed in seedsToTry {
      var changed = recipe
      changed.seed = seed
      let changedLog = try changed.simulate().log
      if let reads {
        let verdict = Diagnoser().diagnose(changedLog).pattern
        if verdict != reads {
          return "reads=\(reads.rawValue) does not hold on seed \(seed): the engine reads the run "
            + "with the change as \(verdict.rawValue)"
        }
      }
      if claims.isEmpty { continue }
      let baselineLog = try baseline(of: recipe, seed: seed).simulate().log
      for claim in claims where !claim.holds(changed: changedLog, baseline: baselineLog) {
        let measure = { (log: TrainingLog) in
          claim.measure.value(in: log).map { AxisScale.fixed($0, decimals: 4) } ?? "none"
        }
        return "\(claim) does not hold on seed \(seed) (\(measure(changedLog)) with the change, "
          + "\(measure(baselineLog)) without)"
      }
    }
    return nil
  }
}
