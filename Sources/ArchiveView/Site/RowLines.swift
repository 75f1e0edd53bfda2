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
        _ data: Data, changes: [String: Data?], descending: Bool = false, kind: (Data.SubSequence) -> Kind
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
    static func rows(_ data: Data, descending: Bool = false, kind: (Data.SubSequence) -> Kind) -> [(
        key: String, range: Range<Int>
    )]? {
        layout(data, descending: descending, kind: kind)?.rows
    }

    private static func layout(_ data: Data, descending: Bool, kind: (Data.SubSequence) -> Kind) -> (
        rows: [(key: String, range: Range<Int>)], prefixEnd: Int, suffixStart: Int
    )? {
        var prefixEnd: Int?
        var suffixStart: Int?
        var rows: [(key: String, range: Range<Int>)] = []
        var lineStart = data.startIndex
        while lineStart < data.endIndex {
            let end = data[lineStart...].firstIndex(of: 0x0A).map { $0 + 1 } ?? data.endIndex
            switch kind(data[lineStart..<end]) {
            case .row(let key):
                guard suffixStart == nil else { return nil }
                if prefixEnd == nil { prefixEnd = lineStart }
                if let last = rows.last, !(descending ? key < last.key : key > last.key) { return nil }
                rows.append((key, lineStart..<end))
            case .continuation:
                guard suffixStart == nil, let last = rows.popLast() else { return nil }
                rows.append((last.key, last.range.lowerBound..<end))
            case .other:
                if prefixEnd != nil, suffixStart == nil { suffixStart = lineStart }
            }
            lineStart = end
        }
        guard let prefixEnd else { return nil }
        return (rows, prefixEnd, suffixStart ?? data.endIndex)
    }

    /// The key of a line that starts with `marker` and runs to `end` (`<tr id="` and `"`): a row of a page.
    static func key(of line: Data.SubSequence, after marker: [UInt8], upTo end: UInt8) -> String? {
        guard line.count > marker.count, line.prefix(marker.count).elementsEqual(marker) else { return nil }
        let start = line.startIndex + marker.count
        guard let close = line[start...].firstIndex(of: end) else { return nil }
        return String(decoding: line[start..<close], as: UTF8.self)
    }
}
