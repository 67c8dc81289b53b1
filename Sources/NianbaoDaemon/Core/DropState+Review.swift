/// The office's review marks as the file state holds them (``DropState``).
struct ReviewState: Sendable {
    /// The marks in force, applied to every verdict handed to the journal.
    var marks = ReviewMarks()
    /// Reports whose settled findings differ from the marks: judged again once idle.
    var due: Set<ReportKey> = []
    /// Reports queued to be judged again although their content is unchanged.
    var rejudge: Set<ReportKey> = []
}

extension DropState {
    /// The marks file was read (at start, and after each change): reports whose
    /// settled findings would differ are judged again, so their new verdict, status
    /// file, receipt, page and metrics follow the marks.
    mutating func marksChanged(_ marks: ReviewMarks, _ effects: inout [DropEffect]) {
        guard marks != review.marks else { return }
        review.marks = marks
        for (key, record) in current where record.settling(with: marks) != record {
            review.due.insert(key)
        }
    }

    /// Queues the due reports that are idle (an active one gets the marks with its
    /// verdict, or is looked at again once done).
    mutating func rejudgeDue(_ effects: inout [DropEffect]) {
        guard !review.due.isEmpty, !isStopping else { return }
        for key in review.due.sorted() where !active.contains(key) {
            review.due.remove(key)
            guard let record = current[key], record.settling(with: review.marks) != record,
                  let root = drops.first(where: { $0.name == key.drop })?.path else { continue }
            review.rejudge.insert(key)
            enqueue(Job(key: key, root: root), &effects)
        }
    }

    /// The verdict as the marks settle it (every verdict goes through this on its way to the journal).
    func settled(_ record: VerdictRecord) -> VerdictRecord {
        record.settling(with: review.marks)
    }

    /// Queues current reports to be judged again although their content is unchanged.
    mutating func rejudge(_ keys: Set<ReportKey>, _ effects: inout [DropEffect]) {
        guard !isStopping else { return }
        for key in keys.sorted() where current[key] != nil {
            guard let root = drops.first(where: { $0.name == key.drop })?.path else { continue }
            review.rejudge.insert(key)
            enqueue(Job(key: key, root: root), &effects)
        }
    }

    /// Whether a queued job is judged although its content is the current verdict's.
    mutating func takeRejudge(_ key: ReportKey) -> Bool {
        review.rejudge.remove(key) != nil
    }
}
