/// Which comparison with last year each current report's verdict holds, so that a
/// comparison is made once both years' verdicts exist, whichever was judged first
/// and however close together (``DropState``'s cross-year bookkeeping).
///
/// A report is compared with last year's when it is judged, and again when last
/// year's is judged after it (``CrossYearUpdate``). Both look the other report up
/// among the durable verdicts, so two reports of one agency judged at the same time
/// (arriving together, or both new at start-up) miss each other. The book closes
/// that gap: whenever a verdict becomes durable, it and the next year's report are
/// looked at again, and a report whose verdict was compared with another content
/// of last year's report than the current one (or with none) is compared again.
struct CrossYearBook: Sendable {
    /// For each report: the content (SHA-256) of last year's report its verdict, or
    /// the verdict being made, was compared with; absent: none.
    var comparedWith: [ReportKey: String] = [:]
    /// Reports to look at once they are not active.
    var due: Set<ReportKey> = []
    /// Comparisons in flight (``DropEffect/recompare(_:)``).
    var inFlight: Set<ReportKey> = []
}

/// A report compared again with last year's (both judged before, and unchanged since).
public struct Recompare: Sendable, Hashable {
    /// The report that gets the findings.
    public var this: Counterpart
    /// The same agency's report of the year before.
    public var previous: Counterpart
}
