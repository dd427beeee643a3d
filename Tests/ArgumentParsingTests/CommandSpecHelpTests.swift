import ArgumentParsing
import Testing

@Suite struct CommandSpecHelpTests {
  @Test func listsSectionsWithAlignedColumnsAndDefaults() throws {
    let simulate = try #require(Fixtures.curvelab.subcommand(named: "simulate"))
    #expect(
      simulate.helpText() == """
        Train a tiny network and print its learning curves.

        USAGE: curvelab simulate [options] <recipe> [<logs>...]

        The same seed always gives the same curves.

        ARGUMENTS:
          <recipe>                  The training recipe to run.
          <logs>                    Extra logs to overlay.

        TRAINING:
          -l, --learning-rate RATE  Step size for gradient descent. (default: 0.01)
          -e, --epochs N            Passes over the training set. (default: 100)
          --batch-size N            Examples per gradient step.
          --activation NAME         Hidden-layer activation. (default: relu)

        OUTPUT:
          -m, --metric NAME         A metric to report; repeat for several.
          --json                    Print the history as JSON.
          --no-color                Print without ANSI colours.

        OPTIONS:
          -s, --seed SEED           Seed for the random number generator, echoed in the
                                    output so a run can be repeated. (default: 42)
          -f, --force               Overwrite existing files.
          -h, --help                Show help for this command.

        EXAMPLES:
          curvelab simulate overfit --epochs 200

        """
    )
  }

  @Test func listsSubcommandsAndPutsLongLabelsOnTheirOwnLine() {
    #expect(
      Fixtures.curvelab.helpText(width: 60) == """
        Learn to read learning curves by training tiny networks.

        USAGE: curvelab [options] <subcommand>

        OPTIONS:
          --course-root COURSE-DIRECTORY
                                    The folder that holds the
                                    lessons, quizzes and exercises.
          -h, --help                Show help for this command.

        SUBCOMMANDS:
          simulate                  Train a tiny network and print
                                    its learning curves.
          lesson                    Show a lesson.

        See 'curvelab <subcommand> --help' for a subcommand's help.

        """
    )
  }

  @Test func narrowsTheLabelColumnToTheLongestLabel() throws {
    let lesson = try #require(Fixtures.curvelab.subcommand(named: "lesson"))
    #expect(
      lesson.helpText() == """
        Show a lesson.

        USAGE: curvelab lesson <number>

        ARGUMENTS:
          <number>    The lesson number.

        OPTIONS:
          -h, --help  Show help for this command.

        """
    )
  }

  @Test func wrapsDiscussionButKeepsIndentedLines() {
    let spec = CommandSpec(
      name: "grade",
      abstract: "Grade an exercise.",
      discussion: """
        Runs the checks of one exercise and prints what passed.

          curvelab grade 3
        Exit status is 0 when all pass.
        """
    )
    #expect(
      spec.helpText(width: 40) == """
        Grade an exercise.

        USAGE: grade

        Runs the checks of one exercise and
        prints what passed.

          curvelab grade 3
        Exit status is 0 when all pass.

        OPTIONS:
          -h, --help  Show help for this
                      command.

        """
    )
  }

  @Test func keepsAWordLongerThanTheWidthWhole() {
    let spec = CommandSpec(
      name: "check",
      abstract: "Check.",
      options: [.option("path", valueName: "P", help: "Reads /a/very/long/path/to/a/file.json")]
    )
    #expect(
      spec.helpText(width: 30) == """
        Check.

        USAGE: check [options]

        OPTIONS:
          --path P    Reads
                      /a/very/long/path/to/a/file.json
          -h, --help  Show help for
                      this command.

        """
    )
  }

  @Test(
    arguments: [
      (Fixtures.simulate, "simulate [options] <recipe> [<logs>...]"),
      (Fixtures.lesson, "lesson <number>"),
      (Fixtures.curvelab, "curvelab [options] <subcommand>"),
      (
        CommandSpec(
          name: "diagnose", abstract: "",
          positionals: [PositionalSpec("logs", help: "", isRepeating: true)]
        ),
        "diagnose <logs>..."
      ),
    ]
  )
  func summarisesUsage(spec: CommandSpec, usage: String) {
    #expect(spec.usage == usage)
  }
}
