import Foundation

/// A CSV file as a spreadsheet writes it (RFC 4180: quoted fields, doubled quotes, CRLF or LF), with a header row.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line where the row starts.
        public var line: Int
        public var fields: [String: String]

        public subscript(_ column: String) -> String {
            (fields[column] ?? "").trimmingCharacters(in: .whitespaces)
        }
    }

    public let header: [String]
    public let rows: [Row]

    /// Parses `text`; the first record is the header, lowercased and trimmed.
    public init(text: String) {
        var records: [(line: Int, fields: [String])] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                records.append((recordLine, fields))
            }
            fields = []
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: inQuotes = true
            case ",": fields.append(field); field = ""
            case "\r": continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        let header = records.first?.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? []
        self.header = header
        self.rows = records.dropFirst().map { record in
            var named: [String: String] = [:]
            for (index, column) in header.enumerated() where index < record.fields.count {
                named[column] = record.fields[index]
            }
            return Row(line: record.line, fields: named)
        }
    }
}
