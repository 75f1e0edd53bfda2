/// Stages 2 and 3: a RAG (Red/Amber/Green) analysis of the previous action plan, with its counts.
enum RAGCheck {
    static let id = "rag"
    static let title = "RAG analysis of the previous plan"

    /// The RAG analysis read from its table.
    static func check(_ reading: RAGTableReader.Reading, context: ScreenContext) -> Finding {
        let counts = reading.counts
        let mapping =
            reading.mapping.isEmpty ? "" : " (status words counted as: \(reading.mapping.joined(separator: "; ")))"
        if reading.unread > 0 || counts.total == 0 {
            return Finding(
                id: id, level: .attention, title: title,
                detail:
                    "The RAG table on page \(reading.page) has \(reading.unread) row\(reading.unread == 1 ? "" : "s") whose status could not be read; \(counts.red) red, \(counts.amber) amber and \(counts.green) green were counted\(mapping).",
                page: reading.page, certainty: .uncertain)
        }
        return Finding(
            id: id, level: .ok, title: title,
            detail:
                "The RAG analysis of your previous plan lists \(counts.red) red, \(counts.amber) amber and \(counts.green) green actions\(mapping).",
            page: reading.page)
    }

    static func check(_ result: RAGCounter.Result, context: ScreenContext) -> Finding {
        let counts = result.counts
        if counts.total > 0 {
            let quote = result.firstStatus.map { context.quote(at: $0, length: 120) }
            return Finding(
                id: id, level: .ok, title: title,
                detail:
                    "The RAG analysis of your previous plan lists \(counts.red) red, \(counts.amber) amber and \(counts.green) green actions.",
                evidence: quote?.evidence, page: quote?.page)
        }
        if let mention = result.mention {
            let quote = context.quote(at: mention.lowerBound, length: 120)
            return Finding(
                id: id, level: .attention, title: title,
                detail:
                    "A RAG analysis is mentioned, but no Red, Amber or Green statuses could be read from it; please give each action of your previous plan its status.",
                evidence: quote.evidence, page: quote.page, certainty: .uncertain)
        }
        return Finding(
            id: id, level: .missing, title: title,
            detail:
                "No RAG (Red/Amber/Green) analysis of your previous action plan was found; \(context.form.rawValue) submissions need one."
        )
    }
}
