extension DaemonState {
    /// A timer fired.
    mutating func due(_ timer: DaemonTimer, now: Moment, _ effects: inout [DaemonEffect]) {
        switch timer {
        case .publish:
            publish(now: now, &effects)
        case .outputs:
            if outputs.wakeUp(now: now) { writeOutputs(now: now, &effects) }
        case .statusRetry:
            status.retryDue()
            flushStatus(&effects)
        case .receiptRetry(let key):
            if let next = receipts.retryDue(key) { effects.append(.receipt(key, next)) }
        case .startup:
            guard !isReady, !isStopping else { return }
            effects += [
                .notify(.extendTimeout(usec: settings.startupExtensionUsec)),
                .notify(.status("scanning drop folders · \(drop.backlog) reports queued")),
                .timer(.startup, at: now + settings.startupEvery),
            ]
        case .watchdog:
            guard let interval = watchdog.interval, !dropFinished else { return }
            switch watchdog.tick(now: now, oldestJob: drop.oldestInProcessStart) {
            case .ping: effects.append(.notify(.watchdog))
            case .withhold(let report):
                if report { notice(.failure("a validation worker is wedged; withholding watchdog pings"), now: now, &effects) }
            }
            effects.append(.timer(.watchdog, at: now + interval))
        case .stateCheck:
            guard !isStopping, !dropFinished else { return }
            effects += [.checkState, .timer(.stateCheck, at: now + settings.stateCheckEvery)]
        }
    }

    /// Every drop folder's initial scan completed: READY=1, and a SIGHUP that waited for it.
    mutating func ready(now: Moment, _ effects: inout [DaemonEffect]) {
        notice(.started(drops: drop.drops), now: now, &effects)
        effects.append(.notify(.ready))
        effects.append(.timer(.stateCheck, at: now + settings.stateCheckEvery))
        sayStatus(always: true, &effects)
        resumeReload(&effects)
    }

    /// SIGHUP: a reload now, or once the daemon is ready and the reload in flight ended.
    mutating func hangup(now: Moment, _ effects: inout [DaemonEffect]) {
        if reload.hangup(ready: isReady, stopping: isStopping) { startReload(&effects) }
    }

    mutating func startReload(_ effects: inout [DaemonEffect]) {
        effects += [.notify(.reloading), .loadConfiguration]
    }

    /// A reload was applied or failed: READY=1 and always a STATUS= (even when the
    /// counts did not change); then a SIGHUP that came meanwhile.
    mutating func reloadEnded(now: Moment, _ effects: inout [DaemonEffect]) {
        reload.loaded()
        effects.append(.notify(.ready))
        sayStatus(always: true, &effects)
        resumeReload(&effects)
    }

    mutating func resumeReload(_ effects: inout [DaemonEffect]) {
        if reload.resume(ready: isReady, stopping: isStopping) { startReload(&effects) }
    }

    /// SIGTERM: stop promptly whatever the workers are doing — helper processes are
    /// killed and queued reports dropped; none of them has a verdict yet, so the
    /// next start judges them (its reconciliation finds them).
    mutating func stop(now: Moment, _ effects: inout [DaemonEffect]) {
        guard !isStopping else { return }
        effects.append(.notify(.stopping))
        notice(.stopping, now: now, &effects)
        effects.append(.stopWork)
        receipts.abandonRetries()
        applyDrop(.stop, now: now, &effects)
    }

    /// Ends the loop once the file state finished and nothing of this state's is in flight.
    mutating func exitIfDone(_ effects: inout [DaemonEffect]) {
        guard dropFinished, !exited, receipts.isIdle, !status.writing, !outputs.writing else { return }
        exited = true
        status.addSummary()
        let line = "stopped · \(drop.summary(updated: "").line)"
        effects.append(.exit(status.takeAll(), outputs: settings.outputs, line: line))
    }
}
