/// How readers quote what a file holds in their messages: short, whatever the file holds.
///
/// A cell, a name or a line can be megabytes long in a damaged or hostile file; a message
/// quotes at most ``LogLimits/excerptLength`` characters of it and says how long it was.
/// (Control characters are made visible where the message is printed, by the terminal
/// sanitiser; `--json` and `--html` escape them.)
///
/// ```swift
/// LogText.excerpt("abc")                               // "abc"
/// LogText.excerpt(String(repeating: "x", count: 9000)) // "xxxx…xxxx… (9000 characters)"
/// LogText.list(["a", "b", "c"], limit: 2)              // "a, b, and 1 more"
/// ```
enum LogText {
  /// `text` whole when short, else its first characters, an ellipsis and its length.
  static func excerpt(_ text: some StringProtocol) -> String {
    let limit = LogLimits.excerptLength
    guard text.utf8.count > limit else { return String(text) }
    let head = text.prefix(limit - 8)
    guard head.endIndex < text.endIndex else { return String(text) }
    return "\(head)… (\(text.count) characters)"
  }

  /// Names joined with `, `, each as an excerpt, at most `limit` of them.
  static func list(_ names: [String], limit: Int = 20) -> String {
    var shown = names.prefix(limit).map(excerpt).joined(separator: ", ")
    if names.count > limit { shown += ", and \(names.count - limit) more" }
    return shown
  }
}
