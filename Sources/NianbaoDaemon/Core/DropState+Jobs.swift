extension DropState {
    /// Queues a job, or marks it to run again if it is active already.
    mutating func enqueue(_ job: Job, _ effects: inout [DropEffect]) {
        guard !isStopping else { return }
        vanished.remove(job.key)
        if active.contains(job.key) {
            rerun[job.key] = job
            return
        }
        active.insert(job.key)
        waiting.append(job)
        backlogChanged(&effects)
    }

    /// Says the backlog changed, once for a run of such changes (a scan that queues
    /// ten thousand reports makes one effect, not ten thousand).
    func backlogChanged(_ effects: inout [DropEffect]) {
        if case .changed = effects.last { return }
        effects.append(.changed(summary: false))
    }

    /// Starts queued jobs while a worker or a child slot is free.
    mutating func dispatch(_ effects: inout [DropEffect]) {
        while inProcess.count < settings.workers, var job = waiting.popFirst() {
            if parkIfReading(job) { continue }
            if !takeRejudge(job.key) {
                // A verdict that was the host's failure is no verdict about the file: judged again.
                let known = current[job.key].flatMap { $0.retry == nil ? $0 : nil }
                job.knownSHA256 = known?.sha256
                job.knownFirstCode = known?.findings.first?.code
            }
            inProcess[job.key] = lastNow
            effects.append(.read(job))
        }
        while inChild.count < settings.workers, let prepared = waitingForChild.popFirst() {
            inChild.insert(prepared.job.key)
            effects.append(.judgeInChild(prepared))
        }
    }

    /// A worker's answer.
    mutating func judged(_ job: Job, _ outcome: JudgeOutcome, now: Moment, _ effects: inout [DropEffect]) {
        let key = job.key
        if inProcess.removeValue(forKey: key) != nil { unpark(key.drop) }
        inChild.remove(key)
        switch outcome {
        case .unchanged, .gone, .cancelled:
            finish(key, &effects)
        case .changedWhileReading(let identity):
            finish(key, &effects)
            if !isStopping && !active.contains(key) {
                startSettling(Job(key: key, root: job.root), identity: identity, now: now)
            }
        case .needsChild(let prepared):
            if isStopping {
                finish(key, &effects)
            } else {
                waitingForChild.append(prepared)
            }
        case .verdict(let record, let report):
            if dropsVerdict(key, &effects) { return }
            if let report, let agencyYear = AgencyYear(record), !isStopping {
                let previous = agencyIndex[AgencyYear(agency: agencyYear.agency, year: agencyYear.year - 1)].flatMap { $0.key == key ? nil : $0 }
                let next = agencyIndex[AgencyYear(agency: agencyYear.agency, year: agencyYear.year + 1)].flatMap { $0.key == key ? nil : $0 }
                if previous != nil || next != nil {
                    crossChecking.insert(key)
                    effects.append(.crossCheck(CrossCheck(
                        key: key, root: job.root, record: record, report: report, previous: previous, next: next)))
                    return
                }
            }
            commit(key, record, &effects)
        case .refused(let record):
            if dropsVerdict(key, &effects) { return }
            commit(key, record, &effects)
        }
    }

    /// New cross-year findings for a report judged earlier: a new verdict for it,
    /// unless its file changed since (it is judged again then anyway).
    mutating func applyCrossYear(_ update: CrossYearUpdate, _ effects: inout [DropEffect]) {
        let key = update.counterpart.key
        guard !isStopping, !active.contains(key), let record = current[key], record.sha256 == update.counterpart.sha256,
              record.crossYearFindings != update.findings else { return }
        active.insert(key)
        var updated = record.replacingCrossYear(update.findings)
        updated.tables = update.tables
        commit(key, updated, &effects)
    }

    /// Keeps the agency index in step with the current verdicts.
    mutating func index(_ key: ReportKey, _ record: VerdictRecord?) {
        if let old = indexedAs.removeValue(forKey: key), agencyIndex[old]?.key == key {
            agencyIndex.removeValue(forKey: old)
        }
        guard let record, let agencyYear = AgencyYear(record),
              let root = drops.first(where: { $0.name == key.drop })?.path else { return }
        agencyIndex[agencyYear] = Counterpart(key: key, root: root, sha256: record.sha256)
        indexedAs[key] = agencyYear
    }

    /// Hands a verdict to the journal; the key stays active until it is durable.
    mutating func commit(_ key: ReportKey, _ input: VerdictRecord, _ effects: inout [DropEffect]) {
        var record = settled(input)
        record.event = current[key] == nil ? .new : .changed
        record.drop = key.drop
        record.relativePath = key.relativePath.string
        sequence(&record)
        markRetry(&record, key)
        committing.insert(key)
        effects.append(.append(key, record, delay: nil))
    }

    /// A verdict is durable: it becomes current and is reported.
    mutating func appended(_ key: ReportKey, _ record: VerdictRecord, line: [UInt8], now: Moment, _ effects: inout [DropEffect]) {
        guard committing.remove(key) != nil else { return }
        held.removeValue(forKey: key)
        if degraded && held.isEmpty {
            degraded = false
            storageError = nil
            effects.append(.notice(.storageRecovered(written: recoveredCount + 1)))
            recoveredCount = 0
        } else if degraded {
            recoveredCount += 1
        }
        // The tables stay in the journal line and the status file, not in memory.
        let kept = record.withoutTables
        current[key] = kept
        index(key, kept)
        recorded(key, kept, now: now)
        effects += [.writeStatus(key, line: line), .verdict(kept, key), .changed(summary: true)]
        let wasVanished = vanished.contains(key)
        finish(key, &effects)
        retireIfGone(key, wasVanished: wasVanished, &effects)
    }

    /// The journal could not be written: the verdict is held and retried with
    /// back-off (the key stays active, so it is not judged again meanwhile).
    mutating func appendFailed(_ key: ReportKey, _ record: VerdictRecord, error: String, _ effects: inout [DropEffect]) {
        guard committing.contains(key) else { return }
        if isStopping {
            // No verdict: judged again at the next start.
            committing.remove(key)
            held.removeValue(forKey: key)
            finish(key, &effects)
            return
        }
        let delay = held[key].map { min($0 * 2, settings.retryLongest) } ?? settings.retryFirst
        held[key] = delay
        storageError = error
        if !degraded {
            degraded = true
            effects.append(.notice(.storageDegraded(pending: committing.count, error: error)))
            effects.append(.changed(summary: false))
        }
        effects.append(.append(key, record, delay: delay))
    }

    /// A job is done with: its key is free, and runs again if it changed meanwhile.
    mutating func finish(_ key: ReportKey, _ effects: inout [DropEffect]) {
        active.remove(key)
        vanished.remove(key)
        backlogChanged(&effects)
        if let job = rerun.removeValue(forKey: key), !isStopping {
            enqueue(job, &effects)
        }
    }

    /// Retires a report that left its drop folder. The removal line is written
    /// in order at once; its sync is not awaited before the next input, so a
    /// storm of removals shares a few syncs and never holds up arrivals.
    mutating func retire(_ key: ReportKey, _ effects: inout [DropEffect]) {
        guard var record = current.removeValue(forKey: key) else { return }
        index(key, nil)
        retryDue.removeValue(forKey: key)
        retiring[key] = record
        record.event = .removed
        record.seq = nextSequence
        nextSequence += 1
        effects.append(.appendRemoval(key, record))
    }
}
