/// A file path in the root folder of this test target.
///
/// Passed as `testFile` to `snapshotMismatch`, it makes every suite keep its golden files in
/// `Tests/CurveRenderTests/Snapshots/`, whatever subfolder the suite sits in.
let snapshotAnchor: String = #filePath
