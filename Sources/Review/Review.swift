/// Peer review of filed submissions: rubrics, the emailed review form and the replies to it, the
/// reviewer list, assignment, and reminders. Pure Swift; the service wires it to mail and the archive.
public enum Review {}
