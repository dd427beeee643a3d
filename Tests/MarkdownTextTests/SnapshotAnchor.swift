/// A file path in the root folder of this test target.
///
/// Passed as `testFile` to `snapshotMismatch`, it keeps every suite's golden files in
/// `Tests/MarkdownTextTests/Snapshots/`, whatever subfolder the suite sits in.
let snapshotAnchor: String = #filePath
