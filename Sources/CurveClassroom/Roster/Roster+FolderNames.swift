import Foundation

extension Roster {
  /// The longest folder name, in characters.
  public static let maximumFolderLength = 64

  /// A folder name for a student id that cannot leave `students/` and keeps every letter:
  /// letters and digits of any script (`José`, `李小龍`, `Ørsted`) and `-` are kept, in
  /// composed form so that the same name typed two ways gives one folder; every other run of
  /// characters (`/`, `\`, `.`, spaces, commas, ...) becomes one `_`; `-` at either end is
  /// dropped. So there is no separator, no `..` and no leading dot: `../../etc/x` becomes
  /// `etc_x`, `/abs` becomes `abs`, `Lima, Ana` becomes `Lima_Ana`. Empty when the id has no
  /// letter or digit.
  public static func folderName(for id: String) -> String {
    var result = ""
    var pendingSeparator = false
    for character in id.precomposedStringWithCanonicalMapping {
      // Letters and digits are never a separator, a dot or a space, in any script.
      if character == "-" || character.isLetter || character.isNumber {
        if pendingSeparator, !result.isEmpty { result.append("_") }
        pendingSeparator = false
        result.append(character)
      } else {
        pendingSeparator = true
      }
    }
    while result.last == "-" { result.removeLast() }
    while result.first == "-" { result.removeFirst() }
    return String(result.prefix(maximumFolderLength))
  }
}
