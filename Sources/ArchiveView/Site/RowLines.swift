import Foundation

/// Files with a line (or a block of lines) per submission, in the order of a key: a page's table rows
/// (`<tr id="REF">`), a CSV's lines, a cache's blocks. A change to a few submissions replaces, inserts or
/// removes their lines and copies every other byte as it is, so its cost does not grow with the rows
/// that did not change.
enum RowLines {
    /// What a line is.
    enum Kind: Equatable {
        /// The first line of the row with this key.
        case row(String)
        /// A further line of the row above.
        case continuation
        /// A line before or after the rows (a header, a footer).
        case other
    }

    /// `data` with each key of `changes` set: its row's lines replaced by the new ones (which end with a
    /// line break), removed for nil, inserted in order when it had none. Nil when `data` has no rows, or
    /// rows out of order or apart: the caller then writes the whole file.
    static func splice(
        _ data: Data, changes: [String: Data?], descending: Bool = false, kind: (Line) -> Kind
    ) -> Data? {
        guard let (rows, prefixEnd, suffixStart) = layout(data, descending: descending, kind: kind) else { return nil }
        let before = { (a: String, b: String) in descending ? a > b : a < b }
        var pending = changes.keys.sorted(by: before)[...]
        var out = Data(data[data.startIndex..<prefixEnd])
        out.reserveCapacity(data.count + changes.values.reduce(0) { $0 + ($1?.count ?? 0) })
        func insert(upTo key: String?) {
            while let next = pending.first, key.map({ before(next, $0) }) ?? true {
                pending.removeFirst()
                if let line = changes[next] ?? nil { out += line }
            }
        }
        for row in rows {
            insert(upTo: row.key)
            if let change = changes[row.key] {
                if let line = change { out += line }
                if pending.first == row.key { pending.removeFirst() }
            } else {
                out += data[row.range]
            }
        }
        insert(upTo: nil)
        out += data[suffixStart...]
        return out
    }

    /// The rows of `data`, in order, each with the bytes of its lines; nil as for `splice`.
    static func rows(_ data: Data, descending: Bool = false, kind: (Line) -> Kind) -> [(
        key: String, range: Range<Int>
    )]? {
        layout(data, descending: descending, kind: kind)?.rows
    }

    private static func layout(_ data: Data, descending: Bool, kind: (Line) -> Kind) -> (
        rows: [(key: String, range: Range<Int>)], prefixEnd: Int, suffixStart: Int
    )? {
        // One copy into an array, whose slices are cheap, then a line at a time.
        let bytes = [UInt8](data)
        var prefixEnd: Int?
        var suffixStart: Int?
        var rows: [(key: String, range: Range<Int>)] = []
        var lineStart = 0
        while lineStart < bytes.count {
            let end = bytes[lineStart...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            switch kind(Line(bytes: bytes[lineStart..<end])) {
            case .row(let key):
                guard suffixStart == nil else { return nil }
                if prefixEnd == nil { prefixEnd = lineStart }
                if let last = rows.last, !(descending ? key < last.key : key > last.key) { return nil }
                rows.append((key, data.startIndex + lineStart..<data.startIndex + end))
            case .continuation:
                guard suffixStart == nil, let last = rows.popLast() else { return nil }
                rows.append((last.key, last.range.lowerBound..<data.startIndex + end))
            case .other:
                if prefixEnd != nil, suffixStart == nil { suffixStart = lineStart }
            }
            lineStart = end
        }
        guard let prefixEnd else { return nil }
        return (rows, data.startIndex + prefixEnd, data.startIndex + (suffixStart ?? bytes.count))
    }

    /// One line's bytes, with its line break, as `kind` sees it.
    struct Line {
        let bytes: ArraySlice<UInt8>

        /// Whether the line starts with `prefix`.
        func starts(with prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }

        /// The bytes from offset `start` up to the first `end` (or the line's end), as text.
        func text(from start: Int, upTo end: UInt8) -> String? {
            guard let slice = field(start, end) else { return nil }
            return String(decoding: slice, as: UTF8.self)
        }

        /// The bytes from offset `start` up to the first `end`, unescaped as `TabSeparated` fields are.
        func field(from start: Int, upTo end: UInt8) -> String? { field(start, end).map { TabSeparated.unescape($0) } }

        private func field(_ start: Int, _ end: UInt8) -> ArraySlice<UInt8>? {
            let from = bytes.startIndex + start
            guard from <= bytes.endIndex else { return nil }
            let stop = bytes[from...].firstIndex { $0 == end || $0 == 0x0A } ?? bytes.endIndex
            return bytes[from..<stop]
        }

        /// The byte at offset `index`.
        subscript(index: Int) -> UInt8 { bytes[bytes.startIndex + index] }

        var count: Int { bytes.count }
        var first: UInt8? { bytes.first }
    }
}
