/// Shows long text a screen at a time: Enter or space for the next page, `b` for the one
/// before, `q` to stop.
///
/// Pages break at a blank line when one falls in the lower half of the screen, so a chart or
/// a table is not cut in two when it can be avoided.
public struct Pager: Sendable {
  /// Lines per page, the prompt line excluded.
  public var pageHeight: Int
  /// Whether to clear the screen before each page.
  public var clearsScreen: Bool

  /// How paging ended.
  public struct Outcome: Sendable, Equatable {
    /// The last page shown, from 0.
    public var page: Int
    /// Whether the last page was reached.
    public var reachedEnd: Bool

    /// Creates an outcome.
    public init(page: Int, reachedEnd: Bool) {
      self.page = page
      self.reachedEnd = reachedEnd
    }
  }

  /// Creates a pager for a screen `screenHeight` lines tall.
  public init(screenHeight: Int, clearsScreen: Bool = true) {
    pageHeight = max(3, screenHeight - 1)
    self.clearsScreen = clearsScreen
  }

  /// Where each page starts.
  public func pageStarts(_ lines: [String]) -> [Int] {
    var starts = [0]
    var start = 0
    while start + pageHeight < lines.count {
      var end = start + pageHeight
      if let blank = (start + pageHeight / 2..<end).last(where: { lines[$0].isEmpty }) {
        end = blank + 1
      }
      start = end
      starts.append(start)
    }
    return starts
  }

  /// Pages through `lines`, starting at `page`.
  public func show(
    _ lines: [String], from page: Int = 0, input: some TerminalInput,
    output: inout some TextOutputStream
  ) -> Outcome {
    let starts = pageStarts(lines)
    var page = min(max(0, page), starts.count - 1)
    while true {
      if clearsScreen { output.write("\u{1B}[H\u{1B}[2J") }
      let end = page + 1 < starts.count ? starts[page + 1] : lines.count
      for line in lines[starts[page]..<end] { output.write(line + "\n") }
      let isLast = page == starts.count - 1
      output.write(
        "-- page \(page + 1) of \(starts.count) -- "
          + (isLast ? "Enter: done" : "Enter or space: next") + (page > 0 ? ", b: back" : "")
          + ", q: quit ")
      let key = input.readKey()
      output.write("\n")
      switch key {
      case .enter, .space:
        if isLast { return Outcome(page: page, reachedEnd: true) }
        page += 1
      case .character("b"), .character("B"):
        page = max(0, page - 1)
      case .character("q"), .character("Q"), .end:
        return Outcome(page: page, reachedEnd: isLast)
      case .character:
        continue
      }
    }
  }
}
