import ArgumentParsing
import Testing

/// Command specs shaped like CurveLab's, shared by the suites.
enum Fixtures {
  enum Activation: String, CaseIterable, ArgumentValue {
    case relu, tanh, sigmoid
  }

  static let simulate = CommandSpec(
    name: "simulate",
    abstract: "Train a tiny network and print its learning curves.",
    discussion: "The same seed always gives the same curves.",
    examples: ["curvelab simulate overfit --epochs 200"],
    options: [
      .option(
        "learning-rate", short: "l", valueName: "RATE", help: "Step size for gradient descent.",
        default: "0.01", section: "Training"
      ),
      .option(
        "epochs", short: "e", valueName: "N", help: "Passes over the training set.",
        default: "100", section: "Training"
      ),
      .option(
        "batch-size", valueName: "N", help: "Examples per gradient step.", section: "Training"
      ),
      .option(
        "activation", valueName: "NAME", help: "Hidden-layer activation.", default: "relu",
        section: "Training"
      ),
      .option(
        "seed", short: "s", valueName: "SEED",
        help: "Seed for the random number generator, echoed in the output so a run can be "
          + "repeated.",
        default: "42"
      ),
      .option(
        "metric", short: "m", valueName: "NAME", help: "A metric to report; repeat for several.",
        isRepeatable: true, section: "Output"
      ),
      .flag("json", help: "Print the history as JSON.", section: "Output"),
      .flag("no-color", help: "Print without ANSI colours.", section: "Output"),
      .flag("force", short: "f", help: "Overwrite existing files."),
    ],
    positionals: [
      PositionalSpec("recipe", help: "The training recipe to run."),
      PositionalSpec("logs", help: "Extra logs to overlay.", isOptional: true, isRepeating: true),
    ]
  )

  static let lesson = CommandSpec(
    name: "lesson", abstract: "Show a lesson.",
    positionals: [PositionalSpec("number", help: "The lesson number.")]
  )

  static let curvelab = CommandSpec(
    name: "curvelab",
    abstract: "Learn to read learning curves by training tiny networks.",
    options: [
      .option(
        "course-root", valueName: "COURSE-DIRECTORY",
        help: "The folder that holds the lessons, quizzes and exercises."
      )
    ],
    subcommands: [simulate, lesson]
  )

  /// Parses `arguments`, requiring that they parse without a help request.
  static func parse(
    _ arguments: [String], with spec: CommandSpec = simulate,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> ParsedArguments {
    let outcome = try spec.parse(arguments)
    guard case .arguments(let parsed) = outcome else {
      Issue.record("expected arguments, got \(outcome)", sourceLocation: sourceLocation)
      throw UnexpectedHelpRequest()
    }
    return parsed
  }

  struct UnexpectedHelpRequest: Error {}

  /// Returns the error parsing `arguments` throws, or `nil` if parsing succeeds.
  static func error(parsing arguments: [String], with spec: CommandSpec = simulate)
    -> ArgumentError?
  {
    do {
      _ = try spec.parse(arguments)
      return nil
    } catch {
      return error
    }
  }
}
