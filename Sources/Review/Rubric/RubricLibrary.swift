import Configuration
import Foundation

/// The rubrics of a folder, one `*.rubric` file per stage.
public enum RubricLibrary {
    /// The rubric a submission of `stage` is reviewed by: its stage's, or Stage 1's when the stage is unknown
    /// or has no rubric.
    public static func rubric(forStage stage: Int?, in rubrics: [Int: Rubric]) -> Rubric? {
        rubrics[stage ?? 1] ?? rubrics[1]
    }

    /// Loads `stage-1.rubric`, `stage-2.rubric`, `stage-3.rubric` (any `*.rubric`) from `folder`; problems as
    /// `file:line: message`.
    ///
    /// Files are read in name order; a stage defined by two files is a problem at the second `stage =` line.
    /// A stage with no file is not a problem here: the caller knows which stages it needs.
    public static func load(folder: String) -> (rubrics: [Int: Rubric], problems: [ConfigProblem]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { $0.hasSuffix(".rubric") && !$0.hasPrefix(".") }
                .sorted()
        } catch {
            return ([:], [ConfigProblem(file: folder, line: 0, message: "cannot read the rubrics folder")])
        }
        var rubrics: [Int: Rubric] = [:]
        var files: [Int: String] = [:]
        var problems: [ConfigProblem] = []
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(ConfigProblem(file: path, line: 0, message: "cannot read the file"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append(ConfigProblem(file: path, line: 0, message: "is not UTF-8 text; save it as UTF-8"))
                continue
            }
            let (rubric, found, stageLine) = RubricParser.parseWithStageLine(text, file: path)
            problems += found
            guard let rubric else { continue }
            if let first = files[rubric.stage] {
                problems.append(
                    ConfigProblem(
                        file: path, line: stageLine,
                        message:
                            "stage \(rubric.stage) is already defined by \((first as NSString).lastPathComponent); keep one rubric per stage"
                    ))
                continue
            }
            rubrics[rubric.stage] = rubric
            files[rubric.stage] = path
        }
        return (rubrics, problems)
    }
}
