import ArgumentParsing
import Testing

@Suite struct CommandSpecTests {
  @Test func recordsTheParentOfEachSubcommand() throws {
    let simulate = try #require(Fixtures.curvelab.subcommand(named: "simulate"))
    #expect(simulate.parentNames == ["curvelab"])
    #expect(simulate.fullName == "curvelab simulate")
    #expect(Fixtures.curvelab.fullName == "curvelab")
    #expect(Fixtures.simulate.fullName == "simulate")
  }

  @Test func recordsTheWholePathOfNestedSubcommands() throws {
    let show = CommandSpec(name: "show", abstract: "Show.")
    let progress = CommandSpec(name: "progress", abstract: "Progress.", subcommands: [show])
    let root = CommandSpec(name: "curvelab", abstract: "Root.", subcommands: [progress])
    let nested = try #require(root.subcommand(named: "progress")?.subcommand(named: "show"))
    #expect(nested.fullName == "curvelab progress show")
    let parsed = try Fixtures.parse(["progress", "show"], with: root)
    #expect(parsed.command.fullName == "curvelab progress show")
  }

  @Test func findsNoSubcommandByAnUnknownName() {
    #expect(Fixtures.curvelab.subcommand(named: "quiz") == nil)
  }

  @Test func describesOptionsAndFlags() {
    let option = OptionSpec.option("seed", short: "s", valueName: "SEED", help: "Seed.")
    let flag = OptionSpec.flag("json", help: "JSON.")
    #expect(!option.isFlag && flag.isFlag)
    #expect(option.longForm == "--seed")
    #expect(flag.valueName == nil && flag.shortName == nil)
    #expect(PositionalSpec("lesson", help: "").displayName == "<lesson>")
  }
}
