extension CommandSpec {
  /// The synopsis of the command, such as `curvelab simulate [options] <recipe> [<logs>...]`.
  ///
  /// `[options]` appears when the command declares options or flags; `<subcommand>` when it has
  /// subcommands. Optional positionals are bracketed and repeating ones end in `...`.
  public var usage: String {
    var parts = [fullName]
    if !options.isEmpty { parts.append("[options]") }
    if !subcommands.isEmpty { parts.append("<subcommand>") }
    for positional in positionals {
      let name = positional.displayName + (positional.isRepeating ? "..." : "")
      parts.append(positional.isOptional ? "[\(name)]" : name)
    }
    return parts.joined(separator: " ")
  }

  /// Returns the help for this command, wrapped to `width` columns and ending in a newline.
  ///
  /// ```swift
  /// print(spec.helpText(), terminator: "")
  /// ```
  ///
  /// The text has, in order: the abstract; the `USAGE:` line; the discussion; an `ARGUMENTS:`
  /// section for positionals; one section per option section title in order of first use,
  /// in capitals; an `OPTIONS:` section with the untitled options and `-h, --help`; a
  /// `SUBCOMMANDS:` section; and the examples. Help text lines up in one column throughout,
  /// and each default is shown as `(default: …)`.
  ///
  /// Discussion lines that start with a space are kept as they are; other lines are wrapped.
  ///
  /// - Parameter width: The maximum line length; lines only exceed it for single words that
  ///   are longer.
  public func helpText(width: Int = 80) -> String {
    HelpFormatter(command: self, width: width).text()
  }
}

/// Lays out the help text of one command.
private struct HelpFormatter {
  /// A section of two-column rows, such as `OPTIONS:`.
  struct Section {
    var title: String
    var rows: [(label: String, text: String)]
  }

  static let indent = 2
  static let gap = 2
  static let maximumLabelWidth = 24

  let command: CommandSpec
  let width: Int

  func text() -> String {
    var blocks = [wrap(command.abstract, width: width), ["USAGE: " + command.usage]]
    if let discussion = command.discussion {
      blocks.append(wrapDiscussion(discussion))
    }
    let sections = self.sections()
    let labelWidth = min(
      sections.flatMap(\.rows).map(\.label.count).max() ?? 0, Self.maximumLabelWidth
    )
    for section in sections where !section.rows.isEmpty {
      let rows = section.rows.flatMap { format($0.label, $0.text, labelWidth: labelWidth) }
      blocks.append([section.title + ":"] + rows)
    }
    if !command.examples.isEmpty {
      blocks.append(["EXAMPLES:"] + command.examples.map { "  " + $0 })
    }
    if !command.subcommands.isEmpty {
      blocks.append(
        wrap("See '\(command.fullName) <subcommand> --help' for a subcommand's help.", width: width)
      )
    }
    return blocks.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }
      .joined(separator: "\n\n") + "\n"
  }

  private func sections() -> [Section] {
    var sections = [
      Section(
        title: "ARGUMENTS",
        rows: command.positionals.map { ($0.displayName, $0.help) }
      )
    ]
    var general = Section(title: "OPTIONS", rows: [])
    for option in command.options {
      var label = option.longForm
      if let shortName = option.shortName { label = "-\(shortName), " + label }
      if let valueName = option.valueName { label += " " + valueName }
      var text = option.help
      if let defaultValue = option.defaultValue {
        text += (text.isEmpty ? "" : " ") + "(default: \(defaultValue))"
      }
      let title = option.section?.uppercased() ?? general.title
      if title == general.title {
        general.rows.append((label, text))
      } else if let index = sections.firstIndex(where: { $0.title == title }) {
        sections[index].rows.append((label, text))
      } else {
        sections.append(Section(title: title, rows: [(label, text)]))
      }
    }
    general.rows.append(("-h, --help", "Show help for this command."))
    sections.append(general)
    sections.append(
      Section(title: "SUBCOMMANDS", rows: command.subcommands.map { ($0.name, $0.abstract) })
    )
    return sections
  }

  /// Formats one row: the label, then the wrapped text in the help column, or on the following
  /// lines if the label is too long to share a line.
  private func format(_ label: String, _ text: String, labelWidth: Int) -> [String] {
    let column = Self.indent + labelWidth + Self.gap
    let margin = String(repeating: " ", count: column)
    let lines = wrap(text, width: max(width - column, 10))
    let head = String(repeating: " ", count: Self.indent) + label
    guard let first = lines.first else { return [head] }
    guard label.count <= labelWidth else { return [head] + lines.map { margin + $0 } }
    let padding = String(repeating: " ", count: column - head.count)
    return [head + padding + first] + lines.dropFirst().map { margin + $0 }
  }

  private func wrapDiscussion(_ discussion: String) -> [String] {
    discussion.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
      line.hasPrefix(" ") || line.isEmpty ? [String(line)] : wrap(String(line), width: width)
    }
  }
}

/// Breaks text into lines of at most `width` characters at spaces; a word longer than `width`
/// gets a line of its own.
private func wrap(_ text: String, width: Int) -> [String] {
  var lines: [String] = []
  var line = ""
  for word in text.split(separator: " ") {
    if line.isEmpty {
      line = String(word)
    } else if line.count + 1 + word.count <= width {
      line += " " + word
    } else {
      lines.append(line)
      line = String(word)
    }
  }
  if !line.isEmpty { lines.append(line) }
  return lines
}
