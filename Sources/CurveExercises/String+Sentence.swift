extension String {
  /// The text with its first letter in capitals: "stop early" → "Stop early".
  package var capitalisingFirstLetter: String {
    guard let first else { return self }
    return first.uppercased() + dropFirst()
  }

  /// The text as a sentence: first letter in capitals, ending with a full stop.
  package var asSentence: String {
    let text = capitalisingFirstLetter
    return text.isEmpty || text.hasSuffix(".") ? text : text + "."
  }
}
