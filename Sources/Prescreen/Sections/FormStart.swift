/// Where the form proper starts, after the guidance pages: its header (`Organisation:`) or its title
/// ("Evaluating Impact through Self-Assessment"), whichever comes first; the start of the text otherwise.
enum FormStart {
    static func find(in document: ScreenText) -> Int {
        [header, title].compactMap { $0.firstMatch(in: document.text)?.range.lowerBound }.min() ?? 0
    }

    private static let header = Pattern(#"^[ \t]*organi[sz]ation(?:\s+name)?[ \t]*:"#)
    private static let title = Pattern(#"evaluating impact through self[\s-]*assessment"#)
}
