extension JSONValue {
  /// The JSON text of this value, written as Python's `json.dumps` writes it.
  ///
  /// Floats are written like Python's `repr` (`1e-05`, `0.30000000000000004`, `100.0`,
  /// `9007199254740994.0`, `1e+16`), the non-finite ones as `NaN`, `Infinity`, and `-Infinity`;
  /// integers are written without `.0`.
  /// No line break is added at the end; Hugging Face's `trainer_state.json` ends with one, so
  /// append `"\n"` when writing that file.
  ///
  /// ```swift
  /// let state: JSONValue = ["global_step": 20, "log_history": [["loss": 0.5, "step": 10]]]
  /// print(state.serialized(.python(indent: 2, sortsKeys: true)))
  /// // {
  /// //   "global_step": 20,
  /// //   "log_history": [
  /// //     {
  /// //       "loss": 0.5,
  /// //       "step": 10
  /// //     }
  /// //   ]
  /// // }
  /// ```
  ///
  /// - Parameter options: Indentation, key order, escaping, and separators.
  /// - Returns: The text, without a trailing line break.
  public func serialized(_ options: JSONWritingOptions = .python()) -> String {
    String(decoding: serializedBytes(options), as: UTF8.self)
  }

  /// The UTF-8 bytes of ``serialized(_:)``.
  public func serializedBytes(_ options: JSONWritingOptions = .python()) -> [UInt8] {
    var serializer = JSONSerializer(options: options)
    serializer.write(self, depth: 0)
    return serializer.output
  }
}
