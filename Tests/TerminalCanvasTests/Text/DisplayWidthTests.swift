import TerminalCanvas
import Testing

@Suite struct DisplayWidthTests {
  @Test(arguments: [
    ("", 0),
    ("loss", 4),
    ("⠉⠒⣀", 3),
    ("┤─┬", 3),
    ("学习曲线", 8),
    ("ｌｏｓｓ", 8),
    ("e\u{301}", 1),
    ("a\u{200D}b", 2),
    ("\u{1B}[1;36mloss\u{1B}[0m", 4),
    ("tab\tstop", 7),
    ("🙂", 2),
  ])
  func measuresColumns(text: String, columns: Int) {
    #expect(displayWidth(of: text) == columns)
  }

  @Test func substringsMeasureToo() {
    let text = "learning curve"
    #expect(displayWidth(of: text.prefix(8)) == 8)
  }
}
