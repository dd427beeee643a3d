import JSONCoding
import Testing

/// Expected outputs were produced once by Python 3.11's `json.dumps` for the same document and
/// pasted here; the tests do not run Python.
@Suite struct JSONValueWritingTests {
  /// The document of the Python script, in the script's member order.
  private static let sample: JSONValue = [
    "trial_name": nil,
    "best_metric": 0.30000000000000004,
    "log_history": [
      [
        "step": 10, "loss": 0.6931, "learning_rate": 4.9e-05, "grad_norm": 1.2345678901234567,
        "epoch": 0.01,
      ],
      [
        "step": 20, "loss": .double(.nan), "learning_rate": 1e-05,
        "grad_norm": .double(.infinity), "epoch": 100.0,
      ],
      [
        "step": 30, "eval_loss": .double(-.infinity), "epoch": 9_007_199_254_740_994.0,
        "eval_runtime": 1e16, "tiny": .double(.leastNonzeroMagnitude), "x": 0.0001, "y": 1e-5,
        "z": -0.0,
      ],
    ],
    "is_world_process_zero": true,
    "is_hyper_param_search": false,
    "stateful_callbacks": [:],
    "empty_list": [],
    "nested": [[1, [2, []]], ["b": [:], "a": [[:]]]],
    "text": "caf\u{E9} \u{2014} \u{1F600} \"quoted\" back\\slash\n\t\r\u{8}\u{C}\u{1}\u{1F}\u{7F}/",
    "big": .integer(.max),
    "neg": .integer(.min),
    "Zeta": 1, "alpha": 2, "\u{E9}t\u{E9}": 3, "_under": 4,
  ]

  private static let sortedIndented = #"""
    {
      "Zeta": 1,
      "_under": 4,
      "alpha": 2,
      "best_metric": 0.30000000000000004,
      "big": 9223372036854775807,
      "empty_list": [],
      "is_hyper_param_search": false,
      "is_world_process_zero": true,
      "log_history": [
        {
          "epoch": 0.01,
          "grad_norm": 1.2345678901234567,
          "learning_rate": 4.9e-05,
          "loss": 0.6931,
          "step": 10
        },
        {
          "epoch": 100.0,
          "grad_norm": Infinity,
          "learning_rate": 1e-05,
          "loss": NaN,
          "step": 20
        },
        {
          "epoch": 9007199254740994.0,
          "eval_loss": -Infinity,
          "eval_runtime": 1e+16,
          "step": 30,
          "tiny": 5e-324,
          "x": 0.0001,
          "y": 1e-05,
          "z": -0.0
        }
      ],
      "neg": -9223372036854775808,
      "nested": [
        [
          1,
          [
            2,
            []
          ]
        ],
        {
          "a": [
            {}
          ],
          "b": {}
        }
      ],
      "stateful_callbacks": {},
      "text": "caf\u00e9 \u2014 \ud83d\ude00 \"quoted\" back\\slash\n\t\r\b\f\u0001\u001f\u007f/",
      "trial_name": null,
      "\u00e9t\u00e9": 3
    }
    """#

  private static let pythonDefault =
    #"{"trial_name": null, "best_metric": 0.30000000000000004, "log_history": [{"step": 10"#
    + #", "loss": 0.6931, "learning_rate": 4.9e-05, "grad_norm": 1.2345678901234567, "epoch""#
    + #": 0.01}, {"step": 20, "loss": NaN, "learning_rate": 1e-05, "grad_norm": Infinity, "e"#
    + #"poch": 100.0}, {"step": 30, "eval_loss": -Infinity, "epoch": 9007199254740994.0, "ev"#
    + #"al_runtime": 1e+16, "tiny": 5e-324, "x": 0.0001, "y": 1e-05, "z": -0.0}], "is_world_"#
    + #"process_zero": true, "is_hyper_param_search": false, "stateful_callbacks": {}, "empt"#
    + #"y_list": [], "nested": [[1, [2, []]], {"b": {}, "a": [{}]}], "text": "caf\u00e9 \u20"#
    + #"14 \ud83d\ude00 \"quoted\" back\\slash\n\t\r\b\f\u0001\u001f\u007f/", "big": 9223372"#
    + #"036854775807, "neg": -9223372036854775808, "Zeta": 1, "alpha": 2, "\u00e9t\u00e9": 3"#
    + #", "_under": 4}"#

  private static let compact =
    #"{"trial_name":null,"best_metric":0.30000000000000004,"log_history":[{"step":10,"loss"#
    + #"":0.6931,"learning_rate":4.9e-05,"grad_norm":1.2345678901234567,"epoch":0.01},{"step"#
    + #"":20,"loss":NaN,"learning_rate":1e-05,"grad_norm":Infinity,"epoch":100.0},{"step":30"#
    + #","eval_loss":-Infinity,"epoch":9007199254740994.0,"eval_runtime":1e+16,"tiny":5e-324"#
    + #","x":0.0001,"y":1e-05,"z":-0.0}],"is_world_process_zero":true,"is_hyper_param_search"#
    + #"":false,"stateful_callbacks":{},"empty_list":[],"nested":[[1,[2,[]]],{"b":{},"a":[{}"#
    + #"]}],"text":"caf\u00e9 \u2014 \ud83d\ude00 \"quoted\" back\\slash\n\t\r\b\f\u0001\u00"#
    + #"1f\u007f/","big":9223372036854775807,"neg":-9223372036854775808,"Zeta":1,"alpha":2,""#
    + #"\u00e9t\u00e9":3,"_under":4}"#

  private static let unsortedIndentedNonASCII = #"""
    {
      "trial_name": null,
      "best_metric": 0.30000000000000004,
      "log_history": [
        {
          "step": 10,
          "loss": 0.6931,
          "learning_rate": 4.9e-05,
          "grad_norm": 1.2345678901234567,
          "epoch": 0.01
        },
        {
          "step": 20,
          "loss": NaN,
          "learning_rate": 1e-05,
          "grad_norm": Infinity,
          "epoch": 100.0
        },
        {
          "step": 30,
          "eval_loss": -Infinity,
          "epoch": 9007199254740994.0,
          "eval_runtime": 1e+16,
          "tiny": 5e-324,
          "x": 0.0001,
          "y": 1e-05,
          "z": -0.0
        }
      ],
      "is_world_process_zero": true,
      "is_hyper_param_search": false,
      "stateful_callbacks": {},
      "empty_list": [],
      "nested": [
        [
          1,
          [
            2,
            []
          ]
        ],
        {
          "b": {},
          "a": [
            {}
          ]
        }
      ],
      "text": "café — 😀 \"quoted\" back\\slash\n\t\r\b\f\u0001\u001f\#u{7F}/",
      "big": 9223372036854775807,
      "neg": -9223372036854775808,
      "Zeta": 1,
      "alpha": 2,
      "été": 3,
      "_under": 4
    }
    """#

  @Test func matchesPythonIndentedWithSortedKeys() {
    // json.dumps(doc, indent=2, sort_keys=True): how Hugging Face writes trainer_state.json.
    #expect(Self.sample.serialized(.python(indent: 2, sortsKeys: true)) == Self.sortedIndented)
  }

  @Test func matchesPythonDefaults() {
    // json.dumps(doc)
    #expect(Self.sample.serialized() == Self.pythonDefault)
    #expect(Self.sample.serialized(.python()) == Self.pythonDefault)
  }

  @Test func matchesPythonCompactSeparators() {
    // json.dumps(doc, separators=(",", ":"))
    #expect(Self.sample.serialized(.compact) == Self.compact)
  }

  @Test func matchesPythonWithoutASCIIEscaping() {
    // json.dumps(doc, indent=2, ensure_ascii=False)
    var options = JSONWritingOptions.python(indent: 2)
    options.escapesNonASCII = false
    #expect(Self.sample.serialized(options) == Self.unsortedIndentedNonASCII)
  }

  @Test func readsBackWhatPythonWrote() throws {
    let parsed = try JSONValue(parsing: Self.sortedIndented)
    #expect(parsed.serialized(.python(indent: 2, sortsKeys: true)) == Self.sortedIndented)
    #expect(try JSONValue(parsing: Self.unsortedIndentedNonASCII) == Self.sample)
    #expect(try JSONValue(parsing: Self.compact) == Self.sample)
  }

  @Test(arguments: [
    (0.1, "0.1"), (100.0, "100.0"), (1e-05, "1e-05"), (0.0001, "0.0001"), (1e16, "1e+16"),
    (1e15, "1000000000000000.0"), (9_007_199_254_740_993.0, "9007199254740992.0"),
    (123_456_789_012_345_680.0, "1.2345678901234568e+17"), (1.5e-7, "1.5e-07"),
    (-2.5e-300, "-2.5e-300"), (1.7976931348623157e308, "1.7976931348623157e+308"),
    (0.0, "0.0"), (-0.0, "-0.0"), (12_345_678.9, "12345678.9"), (.leastNonzeroMagnitude, "5e-324"),
    (9_999_999_999_999_998.0, "9999999999999998.0"), (2.5e-05, "2.5e-05"),
  ])
  func writesDoublesLikePythonRepr(_ number: Double, _ expected: String) {
    #expect(JSONValue.double(number).serialized() == expected)
  }

  @Test func writesIntegersWithoutAFraction() {
    #expect(JSONValue.integer(10).serialized() == "10")
    #expect(JSONValue.integer(-3).serialized() == "-3")
  }

  @Test func writesEmptyContainersCompactly() {
    let value: JSONValue = ["a": [], "b": [:]]
    #expect(value.serialized(.python(indent: 4)) == "{\n    \"a\": [],\n    \"b\": {}\n}")
    #expect(JSONValue.array([]).serialized(.python(indent: 2)) == "[]")
  }

  @Test func indentZeroBreaksLinesWithoutSpaces() {
    // json.dumps([1, {"a": 2}], indent=0)
    let value: JSONValue = [1, ["a": 2]]
    #expect(value.serialized(.python(indent: 0)) == "[\n1,\n{\n\"a\": 2\n}\n]")
  }

  @Test func sortsKeysByCodePointsAndKeepsDuplicatesInOrder() {
    let value = JSONValue.object([
      (key: "b", value: 1), (key: "a", value: 2), (key: "B", value: 3), (key: "a", value: 4),
      (key: "\u{E9}", value: 5), (key: "\u{1F600}", value: 6), (key: "\u{FF21}", value: 7),
    ])
    #expect(
      value.serialized(.python(sortsKeys: true))
        == #"{"B": 3, "a": 2, "a": 4, "b": 1, "\u00e9": 5, "\uff21": 7, "\ud83d\ude00": 6}"#)
  }

  @Test func escapesStringsLikePython() {
    // json.dumps("\x00\x1f\x7f\u2028é😀") == '"\\u0000\\u001f\\u007f\\u2028\\u00e9\\ud83d\\ude00"'
    let text = JSONValue.string("\u{0}\u{1F}\u{7F}\u{2028}é😀")
    #expect(text.serialized() == #""\u0000\u001f\u007f\u2028\u00e9\ud83d\ude00""#)
    var options = JSONWritingOptions.compact
    options.escapesNonASCII = false
    #expect(text.serialized(options) == "\"\\u0000\\u001f\u{7F}\u{2028}é😀\"")
  }

  @Test func serializedBytesAreTheUTF8OfTheText() {
    let value: JSONValue = ["k": "é"]
    #expect(value.serializedBytes(.compact) == Array(#"{"k":"\u00e9"}"#.utf8))
  }
}
