/// A shell command laid out for a terminal of a given width: whole `--flag value` pairs per
/// line, each broken line ending in ` \` so the lines still paste and run as one command.
///
/// ```swift
/// commandLines("curvelab simulate --scenario erratic --seed 60 --eval-steps 10", width: 40)
/// // ["  curvelab simulate --scenario erratic \", "    --seed 60 --eval-steps 10"]
/// ```
public func commandLines(_ command: String, width: Int, indent: String = "  ") -> [String] {
  var units: [String] = []
  for word in command.split(separator: " ").map(String.init) {
    if let last = units.last, last.hasPrefix("--"), !last.contains(" "), !word.hasPrefix("--") {
      units[units.count - 1] = last + " " + word
    } else {
      units.append(word)
    }
  }
  var lines: [String] = []
  var current = indent
  for unit in units {
    let candidate = current == indent || current == indent + "  " ? current + unit : current + " " + unit
    if candidate.count + 2 > width, current != indent, current != indent + "  " {
      lines.append(current + " \\")
      current = indent + "  " + unit
    } else {
      current = candidate
    }
  }
  lines.append(current)
  return lines
}
