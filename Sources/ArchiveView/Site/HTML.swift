import Foundation

/// The pieces every page of the archive's site shares: escaping, relative links, and the page frame with
/// its style. Pages are static files that open from a shared folder, without a server; the only script
/// (sorting a table by a click on its header) is a few inline lines, and every page reads the same without it.
public enum HTML {
    /// A relative URL for a path: each component percent-encoded (all but RFC 3986's unreserved characters), the
    /// `/` between them kept. The result needs no HTML escaping.
    public static func href(_ path: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count + 32)
        var previousWasSlash = true
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "/"):
                if !previousWasSlash { bytes.append(byte) }
                previousWasSlash = true
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
            previousWasSlash = false
        }
        if bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Text safe in HTML content and attribute values: `&`, `<`, `>`, `"` and `'` escaped.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A link to `path` (relative, not yet encoded) showing `label`.
    public static func link(_ path: String, _ label: String) -> String {
        "<a href=\"\(href(path))\">\(escape(label))</a>"
    }

    /// One table cell: its HTML (already escaped) and, optionally, its class (`n` right-aligns a number;
    /// `ok`, `attention`, `missing`, … colour it).
    public struct Cell: Sendable {
        public var html: String
        public var css: String?

        /// Text, escaped.
        public static func text(_ text: String, css: String? = nil) -> Cell { Cell(html: escape(text), css: css) }
        /// A number, right-aligned.
        public static func number(_ value: Int) -> Cell { Cell(html: "\(value)", css: "n") }
        /// A link to `path` showing `label`.
        public static func link(_ path: String, _ label: String) -> Cell { Cell(html: HTML.link(path, label)) }
    }

    /// A table with a header row; `sortable` lets a click on a header sort it. With `ids`, each row has
    /// its `id` (a submission's reference), so a change can replace its line alone (`RowLines`).
    public static func table(_ headers: [String], sortable: Bool = false, rows: [[Cell]], ids: [String]? = nil)
        -> String
    {
        var out = sortable ? "<table class=\"sortable\">\n" : "<table>\n"
        out += "<thead><tr>" + headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (index, cells) in rows.enumerated() { out += row(cells, id: ids?[index]) }
        return out + "</tbody>\n</table>\n"
    }

    /// One table row, on a line of its own.
    static func row(_ cells: [Cell], id: String? = nil) -> String {
        var out = id.map { "<tr id=\"\(escape($0))\">" } ?? "<tr>"
        for cell in cells {
            out += cell.css.map { "<td class=\"\(escape($0))\">" } ?? "<td>"
            out += cell.html + "</td>"
        }
        return out + "</tr>\n"
    }

    /// A whole page: `up` is the way from the page's folder to the archive root (`""`, `"../"`, …), used by
    /// the navigation line; `trail` names the pages between the index and this one.
    public static func page(title: String, up: String, trail: [(path: String, label: String)] = [], body: String)
        -> String
    {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>\(style)</style>
            </head>
            <body>

            """
        if !up.isEmpty || !trail.isEmpty {
            out += "<nav><a href=\"\(up)index.html\">All submissions</a>"
            for step in trail { out += " › <a href=\"\(up)\(href(step.path))\">\(escape(step.label))</a>" }
            out += "</nav>\n"
        }
        out += "<h1>\(escape(title))</h1>\n"
        out += body
        out += "<script>\(sortScript)</script>\n</body>\n</html>\n"
        return out
    }

    static let style = """

        body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; max-width: 80em; }
        nav { margin-bottom: 1em; }
        table { border-collapse: collapse; margin-bottom: 1.5em; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
        th { background: #f0f0f0; }
        table.sortable th { cursor: pointer; }
        td.n { text-align: right; }
        .ok, .in, .sent, .received { color: #17631f; }
        .attention, .draft, .unsure { color: #8a5a00; }
        .missing, .overdue { color: #b00020; font-weight: bold; }
        .withdrawn { color: #777; text-decoration: line-through; }
        .muted { color: #666; }
        .evidence { font-family: ui-monospace, monospace; font-size: 0.9em; color: #444; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        pre { white-space: pre-wrap; background: #f8f8f8; padding: 0.5em; border: 1px solid #ddd; }
        svg text { font-family: system-ui, sans-serif; font-size: 12px; }

        """

    /// Sorts a `table.sortable` by the column whose header is clicked (again: the other way), numbers as numbers.
    static let sortScript = """
        document.querySelectorAll('table.sortable th').forEach(function (th) {
          th.addEventListener('click', function () {
            var table = th.closest('table'), body = table.tBodies[0];
            var column = Array.prototype.indexOf.call(th.parentNode.children, th);
            var up = th.dataset.order !== 'up'; th.dataset.order = up ? 'up' : 'down';
            Array.from(body.rows).sort(function (a, b) {
              var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
              var order = (isNaN(x) || isNaN(y) || x === '' || y === '') ? x.localeCompare(y) : x - y;
              return up ? order : -order;
            }).forEach(function (row) { body.appendChild(row); });
          });
        });
        """
}
