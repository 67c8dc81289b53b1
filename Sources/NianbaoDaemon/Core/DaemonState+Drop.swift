import NianbaoViews

extension DaemonState {
    /// Applies a file-state input and takes in its effects: the status files,
    /// notices, changes, READY=1 and the end are this state's to handle; jobs,
    /// journal writes and watch changes go to the loop as they are.
    mutating func applyDrop(_ input: DropInput, now: Moment, _ effects: inout [DaemonEffect]) {
        for effect in drop.apply(input, now: now) {
            switch effect {
            case .writeStatus(let key, let line):
                status.add(key, .write(line: line))
                flushStatus(&effects)
            case .removeStatus(let key):
                status.add(key, .remove)
                flushStatus(&effects)
            case .notice(let notice):
                self.notice(notice, now: now, &effects)
            case .changed(let summary):
                summaryDirty = summaryDirty || summary
                outputs.changed()
                schedulePublish(now: now, &effects)
            case .ready:
                ready(now: now, &effects)
            case .finished:
                dropFinished = true
            case .verdict(let record, let key):
                effects.append(.work(effect))
                count(record, key, now: now, &effects)
                receipt(key, .write(record), &effects)
            case .removed(_, let key):
                effects.append(.work(effect))
                receipt(key, .remove, &effects)
            default:
                effects.append(.work(effect))
            }
        }
    }

    /// Tells the observers, and keeps the notice for the page if it is a problem.
    mutating func notice(_ notice: DaemonNotice, now: Moment, _ effects: inout [DaemonEffect]) {
        effects.append(.notice(notice))
        let watchChanged = watching.record(notice)
        if watchChanged { drop.setOneReader(Set(watching.drops.filter { $0.value.mode != .inotify }.keys)) }
        if problems.add(notice, at: wallTime(now)) || watchChanged { outputsChanged(now: now, &effects) }
    }

    /// Counts a durable verdict (and a refused entry, which is also a problem).
    mutating func count(_ record: VerdictRecord, _ key: ReportKey, now: Moment, _ effects: inout [DaemonEffect]) {
        counters.judged += 1
        counters.lastVerdict = wallTime(now)
        guard let finding = record.findings.first, finding.code.hasPrefix("input.") else { return }
        counters.refused[finding.code, default: 0] += 1
        problems.add(.refused, path: record.relativePath, text: finding.message, at: wallTime(now))
        outputs.changed()
    }

    mutating func receipt(_ key: ReportKey, _ change: ReceiptChange, _ effects: inout [DaemonEffect]) {
        guard settings.receipts, let start = receipts.add(key, change) else { return }
        effects.append(.receipt(key, start))
    }

    /// Something the page shows changed: written with the next publish.
    mutating func outputsChanged(now: Moment, _ effects: inout [DaemonEffect]) {
        outputs.changed()
        schedulePublish(now: now, &effects)
    }

    /// Publishes summary.json and STATUS= at most every ``Settings/publishDelay``; idle, nothing wakes.
    mutating func schedulePublish(now: Moment, _ effects: inout [DaemonEffect]) {
        guard !publishPending, !dropFinished else { return }
        publishPending = true
        effects.append(.timer(.publish, at: now + settings.publishDelay))
    }

    /// The coalescing delay ran out: outputs, summary and STATUS= as they are now.
    mutating func publish(now: Moment, _ effects: inout [DaemonEffect]) {
        publishPending = false
        writeOutputs(now: now, &effects)
        if summaryDirty {
            summaryDirty = false
            status.addSummary()
            flushStatus(&effects)
        }
        guard isReady || isStopping else { return }
        sayStatus(always: false, &effects)
    }

    /// `STATUS=` with the current line, if it changed (or `always`).
    mutating func sayStatus(always: Bool, _ effects: inout [DaemonEffect]) {
        let line = statusLine
        guard always || line != lastStatusLine else { return }
        lastStatusLine = line
        effects.append(.notify(.status(line)))
    }

    /// Starts a status batch unless one is being written or a retry delay runs.
    mutating func flushStatus(_ effects: inout [DaemonEffect]) {
        if let batch = status.take() { effects.append(.writeStatus(batch)) }
    }

    /// Writes the derived outputs, or asks to be woken when they may be.
    mutating func writeOutputs(now: Moment, _ effects: inout [DaemonEffect]) {
        guard settings.outputs else { return }
        switch outputs.next(now: now, backlog: drop.backlog > 0) {
        case .write: effects.append(.writeOutputs)
        case .wake(let at): effects.append(.timer(.outputs, at: at))
        case .wait: break
        }
    }
}
