/// The coordinator's view of the archive: status rows, one submission in full, the index pages,
/// deadlines, and verification of every filed file.
///
/// - `ArchiveScanner.summaries` finds every filed submission and where it stands (`SubmissionSummary`), reading only
///   `submission.json`, `reviews/assignments.json` and `feedback.json` in each folder.
/// - `StatusView` prints them (`tcreview status`) and one in full (`tcreview show`).
/// - `ArchiveIndex` writes `index.html`, `index.csv` and each folder's `summary.txt`.
/// - `Verifier` re-hashes every filed file (`tcreview verify`).
public enum ArchiveView {}
