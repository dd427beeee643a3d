import Foundation
import TerminalCanvas
import Testing

@Suite struct TerminalTests {
  @Test func noColorTurnsColourOff() {
    #expect(!Terminal.allowsColor(isTTY: true, environment: ["NO_COLOR": "1"], choice: .automatic))
  }

  @Test func emptyNoColorIsIgnored() {
    #expect(Terminal.allowsColor(isTTY: true, environment: ["NO_COLOR": ""], choice: .automatic))
  }

  @Test func outputThatIsNotATerminalGetsNoColour() {
    #expect(!Terminal.allowsColor(isTTY: false, environment: [:], choice: .automatic))
  }

  @Test func dumbTerminalGetsNoColour() {
    #expect(!Terminal.allowsColor(isTTY: true, environment: ["TERM": "dumb"], choice: .automatic))
  }

  @Test func terminalGetsColourByDefault() {
    #expect(Terminal.allowsColor(isTTY: true, environment: ["TERM": "xterm"], choice: .automatic))
  }

  @Test(arguments: [true, false])
  func explicitChoiceWinsOverEverything(isTTY: Bool) {
    let environment = ["NO_COLOR": "1", "TERM": "dumb"]
    #expect(Terminal.allowsColor(isTTY: isTTY, environment: environment, choice: .always))
    #expect(!Terminal.allowsColor(isTTY: isTTY, environment: [:], choice: .never))
  }

  /// Runs `body` with the writing end of a fresh pipe, which is never a terminal.
  private func withPipe(_ body: (Int32) -> Void) {
    let pipe = Pipe()
    withExtendedLifetime(pipe) { body(pipe.fileHandleForWriting.fileDescriptor) }
  }

  @Test func pipeIsNotATerminal() {
    withPipe { descriptor in
      #expect(!Terminal.isTTY(fileDescriptor: descriptor))
    }
  }

  @Test func widthComesFromColumnsWhenTheTerminalCannotSay() {
    withPipe { descriptor in
      #expect(Terminal.width(fileDescriptor: descriptor, environment: ["COLUMNS": "132"]) == 132)
      #expect(Terminal.width(fileDescriptor: descriptor, environment: ["COLUMNS": " 100 "]) == 100)
    }
  }

  @Test(arguments: [[:], ["COLUMNS": "wide"], ["COLUMNS": "0"], ["COLUMNS": "-5"]])
  func widthDefaultsToEighty(environment: [String: String]) {
    withPipe { descriptor in
      #expect(Terminal.width(fileDescriptor: descriptor, environment: environment) == 80)
    }
  }

  @Test func describingAPipe() {
    withPipe { descriptor in
      let automatic = Terminal.describing(
        fileDescriptor: descriptor, environment: ["COLUMNS": "90"])
      #expect(automatic == Terminal(isTTY: false, width: 90, isColorEnabled: false))
      let forced = Terminal.describing(fileDescriptor: descriptor, color: .always, environment: [:])
      #expect(forced == Terminal(isTTY: false, width: 80, isColorEnabled: true))
    }
  }

  @Test func widthIsAtLeastOne() {
    #expect(Terminal(isTTY: true, width: 0, isColorEnabled: false).width == 1)
  }

  @Test func colorChoiceReadsOptionValues() {
    #expect(ColorChoice(argument: "auto") == .automatic)
    #expect(ColorChoice(argument: "ALWAYS") == .always)
    #expect(ColorChoice(argument: "never") == .never)
    #expect(ColorChoice(argument: "sometimes") == nil)
  }
}
