extension DropState {
    /// Bookkeeping before an input is applied: which of last year's contents a
    /// verdict being made is compared with (read before the verdict changes the index).
    mutating func noteCrossYear(before input: DropInput) {
        switch input {
        case .judged(let job, .verdict(let record, let report)):
            // As ``judged(_:_:now:_:)`` decides: compared only with a parsed report.
            guard report != nil, let previous = previousYear(of: job.key, record) else {
                crossBook.comparedWith.removeValue(forKey: job.key)
                return
            }
            crossBook.comparedWith[job.key] = previous.sha256
        case .judged(let job, .refused):
            crossBook.comparedWith.removeValue(forKey: job.key)
        case .crossChecked(_, let record, let updates):
            // The next year's report is updated (or found to need no update) against this verdict.
            for update in updates where current[update.counterpart.key]?.sha256 == update.counterpart.sha256
                && !active.contains(update.counterpart.key) {
                crossBook.comparedWith[update.counterpart.key] = record.sha256
            }
        default:
            break
        }
    }

    /// Bookkeeping after an input was applied: a durable verdict makes itself and the
    /// next year's report due for a look.
    mutating func noteCrossYear(after input: DropInput) {
        switch input {
        case .appended(let key, let record, _):
            crossBook.due.insert(key)
            if let agencyYear = AgencyYear(record),
               let next = agencyIndex[AgencyYear(agency: agencyYear.agency, year: agencyYear.year + 1)], next.key != key {
                crossBook.due.insert(next.key)
            }
        case .removalDurable(let key, _):
            crossBook.comparedWith.removeValue(forKey: key)
        default:
            break
        }
    }

    /// Compares again each due report that is idle and whose verdict was not compared
    /// with last year's current content. While last year's report is busy (a new verdict
    /// of it may be on its way), the report stays due.
    mutating func recompareDue(_ effects: inout [DropEffect]) {
        guard !crossBook.due.isEmpty, !isStopping else { return }
        // Only the idle ones are sorted (for a deterministic order): during a backlog
        // thousands may be due and busy, and this runs after every input.
        let idle = crossBook.due.filter { !active.contains($0) }
        guard !idle.isEmpty else { return }
        for key in idle.sorted() {
            let previous = current[key].flatMap { previousYear(of: key, $0) }
            if let previous, active.contains(previous.key) { continue }
            crossBook.due.remove(key)
            guard let record = current[key], let this = counterpart(key, record), let previous,
                  crossBook.comparedWith[key] != previous.sha256 else { continue }
            active.insert(key)
            crossBook.inFlight.insert(key)
            effects.append(.recompare(Recompare(this: this, previous: previous)))
        }
    }

    /// The answer of a ``DropEffect/recompare(_:)``: a new verdict if its findings differ.
    mutating func recompared(_ key: ReportKey, previous: String, _ update: CrossYearUpdate?, _ effects: inout [DropEffect]) {
        guard crossBook.inFlight.remove(key) != nil else { return }
        crossBook.comparedWith[key] = previous
        guard !isStopping, let update, let record = current[key], record.sha256 == update.counterpart.sha256,
              record.crossYearFindings != update.findings else {
            finish(key, &effects)
            return
        }
        var updated = record.replacingCrossYear(update.findings)
        updated.tables = update.tables
        commit(key, updated, &effects)
    }

    /// The same agency's report of the year before, if judged (and not this one).
    func previousYear(of key: ReportKey, _ record: VerdictRecord) -> Counterpart? {
        guard let agencyYear = AgencyYear(record),
              let previous = agencyIndex[AgencyYear(agency: agencyYear.agency, year: agencyYear.year - 1)],
              previous.key != key else { return nil }
        return previous
    }

    /// A current report as a counterpart to compare.
    func counterpart(_ key: ReportKey, _ record: VerdictRecord) -> Counterpart? {
        guard let root = drops.first(where: { $0.name == key.drop })?.path else { return nil }
        return Counterpart(key: key, root: root, sha256: record.sha256)
    }
}
