// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "CurveLab",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "curvelab", targets: ["curvelab"]),
    .library(name: "CurveCore", targets: ["CurveCore"]),
    .library(name: "CurveSim", targets: ["CurveSim"]),
    .library(name: "CurveIO", targets: ["CurveIO"]),
    .library(name: "CurveDiagnosis", targets: ["CurveDiagnosis"]),
    .library(name: "CurveRender", targets: ["CurveRender"]),
  ],
  targets: [
    // Small general-purpose pieces, each in its own module.
    .target(name: "ArgumentParsing"),
    .target(name: "JSONCoding"),
    .target(name: "CSVCoding"),
    .target(name: "TerminalCanvas"),
    .target(name: "HTMLDocument"),
    .target(name: "MarkdownText", dependencies: ["TerminalCanvas"]),
    .target(name: "SafeFileWriting"),

    // The domain, data flowing one way: core types ← simulator / readers ← rendering ← CLI.
    .target(name: "CurveCore"),
    // The simulator's numeric kernel is optimized even in debug builds: unoptimized, the tests
    // and `curvelab check` spend minutes training tiny networks.
    .target(
      name: "CurveSim", dependencies: ["CurveCore"],
      swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
    ),
    .target(name: "CurveIO", dependencies: ["CurveCore", "JSONCoding", "CSVCoding"]),
    .target(name: "CurveDiagnosis", dependencies: ["CurveCore"]),
    .target(name: "CurveRender", dependencies: ["CurveCore", "TerminalCanvas"]),
    .target(
      name: "CurveExercises",
      dependencies: ["CurveCore", "CurveSim", "CurveDiagnosis", "ArgumentParsing"]),
    .target(
      name: "CurveCourse",
      dependencies: [
        "CurveCore", "CurveSim", "CurveDiagnosis", "CurveRender", "CurveExercises", "MarkdownText",
        "JSONCoding", "TerminalCanvas", "SafeFileWriting",
      ]
    ),
    .target(
      name: "CurveClassroom",
      dependencies: [
        "CurveCore", "CurveSim", "CurveDiagnosis", "CurveExercises", "CurveIO", "CurveRender",
        "HTMLDocument", "CSVCoding", "JSONCoding", "SafeFileWriting",
      ]
    ),
    .target(
      name: "CurveLabCLI",
      dependencies: [
        "CurveCore", "CurveSim", "CurveIO", "CurveDiagnosis", "CurveRender", "CurveExercises",
        "CurveCourse", "CurveClassroom", "ArgumentParsing",
        "TerminalCanvas", "JSONCoding", "HTMLDocument", "MarkdownText", "SafeFileWriting",
      ]
    ),
    .executableTarget(name: "curvelab", dependencies: ["CurveLabCLI", "TerminalCanvas"]),

    .target(
      name: "_CurveLabTestSupport", dependencies: ["CurveCore"], path: "Tests/_CurveLabTestSupport"
    ),
    .testTarget(name: "ArgumentParsingTests", dependencies: ["ArgumentParsing"]),
    .testTarget(name: "JSONCodingTests", dependencies: ["JSONCoding"], exclude: ["Fixtures"]),
    .testTarget(name: "CSVCodingTests", dependencies: ["CSVCoding"], exclude: ["Fixtures"]),
    .testTarget(name: "TerminalCanvasTests", dependencies: ["TerminalCanvas"]),
    .testTarget(name: "SafeFileWritingTests", dependencies: ["SafeFileWriting"]),
    .testTarget(
      name: "MarkdownTextTests",
      dependencies: ["MarkdownText", "TerminalCanvas", "_CurveLabTestSupport"],
      exclude: ["Snapshots"]
    ),
    .testTarget(
      name: "HTMLDocumentTests", dependencies: ["HTMLDocument", "_CurveLabTestSupport"],
      exclude: ["Snapshots"]
    ),
    .testTarget(
      name: "CurveDiagnosisTests",
      dependencies: ["CurveDiagnosis", "CurveIO", "CurveSim", "_CurveLabTestSupport"],
      exclude: ["RealRuns", "PublicRuns"]
    ),
    .testTarget(
      name: "CurveExercisesTests", dependencies: ["CurveExercises", "_CurveLabTestSupport"]),
    .testTarget(
      name: "CurveCourseTests",
      dependencies: ["CurveCourse", "CurveExercises", "_CurveLabTestSupport"]
    ),
    .testTarget(
      name: "CurveClassroomTests",
      dependencies: [
        "CurveClassroom", "CurveExercises", "CurveSim", "CurveDiagnosis", "CurveLabCLI", "CSVCoding",
        "_CurveLabTestSupport",
      ],
      exclude: ["Snapshots", "Schemas"]
    ),
    .testTarget(name: "CurveCoreTests", dependencies: ["CurveCore", "_CurveLabTestSupport"]),
    .testTarget(
      name: "CurveSimTests", dependencies: ["CurveSim", "_CurveLabTestSupport"],
      exclude: ["Snapshots"]
    ),
    .testTarget(
      name: "CurveIOTests", dependencies: ["CurveIO", "CurveSim", "_CurveLabTestSupport"],
      exclude: ["Snapshots", "Fixtures"]
    ),
    .testTarget(
      name: "CurveRenderTests", dependencies: ["CurveRender", "_CurveLabTestSupport"],
      exclude: ["Snapshots"]
    ),
    .testTarget(
      name: "CurveLabCLITests",
      dependencies: [
        "CurveLabCLI", "CurveCourse", "CurveCore", "CurveDiagnosis", "CurveRender", "JSONCoding",
        "TerminalCanvas", "_CurveLabTestSupport",
      ],
      exclude: ["Snapshots"]
    ),
  ]
)

for target in package.targets {
  target.swiftSettings =
    (target.swiftSettings ?? []) + [
      .enableUpcomingFeature("ExistentialAny"),
      .enableUpcomingFeature("InternalImportsByDefault"),
    ]
}
