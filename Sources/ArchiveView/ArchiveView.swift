/// The coordinator's view of the archive: status rows, one submission in full, the index pages,
/// deadlines, and verification of every filed file.
public enum ArchiveView {}
