import HTMLDocument
import Testing

@Suite struct HTMLEscapingTests {
  @Test(arguments: [
    ("plain", "plain"),
    ("a < b", "a &lt; b"),
    ("R&D", "R&amp;D"),
    ("x > 0", "x &gt; 0"),
    (#"say "hi" 'there'"#, #"say "hi" 'there'"#),
    ("&amp;", "&amp;amp;"),
    ("line\nbreak\ttab", "line\nbreak\ttab"),
    ("bell\u{7}", "bell\u{FFFD}"),
    ("学习曲线 ✓", "学习曲线 ✓"),
  ])
  func text(input: String, expected: String) {
    #expect(HTMLEscaping.text(input) == expected)
  }

  @Test(arguments: [
    ("plain", "plain"),
    (#"a "quoted" value"#, "a &quot;quoted&quot; value"),
    ("it's", "it&#39;s"),
    ("<&>", "&lt;&amp;&gt;"),
    ("line\nbreak\ttab", "line break tab"),
    ("nul\u{0}", "nul\u{FFFD}"),
  ])
  func attributeValue(input: String, expected: String) {
    #expect(HTMLEscaping.attributeValue(input) == expected)
  }
}
