import Foundation

/// The links of the archive's pages, as a crawler follows them: each `href` HTML-unescaped and
/// percent-decoded, resolved against the page's folder.
public enum SiteLinks {
    /// Every `href` in a document; one that is not validly percent-encoded comes back marked, so a test
    /// that looks for its file fails and names it.
    public static func links(_ html: String) -> [String] {
        guard let pattern = try? NSRegularExpression(pattern: "href=\"([^\"]*)\"") else { return [] }
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            guard let range = Range(match.range(at: 1), in: html) else { return nil }
            let raw = String(html[range])
            let unescaped = raw.replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            return unescaped.removingPercentEncoding ?? "(not percent-encoded: \(raw))"
        }
    }

    /// `folder/link` with `.` and `..` resolved, relative to the archive root.
    public static func resolve(_ link: String, from folder: String) -> String {
        var parts: [Substring] = []
        for part in (folder.isEmpty ? link : "\(folder)/\(link)").split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }
}
