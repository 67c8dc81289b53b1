import DequeModule

/// Drop folders on a share (polled, `mixed` or `poll`) are read one report at a time.
/// A share that stops answering (a hung NFS server, a stopped FUSE process) hangs the
/// read of a report in the kernel, and nothing can take the worker back: so one hung
/// share holds one worker, never all of them, and the other folders keep their
/// verdicts. Such a read does not withhold the watchdog's ping either (the poller says
/// the folder is stalled instead): the loop and the other workers still run.
///
/// The price: a polled folder's reports are judged one after the other (its scans,
/// an interval apart, are slower than one reader anyway).
extension DropState {
    /// Sets the folders read one report at a time (by drop name); reports parked for a
    /// folder no longer among them are queued again, first.
    mutating func setOneReader(_ names: Set<String>) {
        oneReader = names
        for (drop, jobs) in parked where !names.contains(drop) {
            parked.removeValue(forKey: drop)
            for job in jobs.reversed() { waiting.prepend(job) }
        }
    }

    /// Whether `job` has to wait for its folder's read in progress; if so it is parked.
    mutating func parkIfReading(_ job: Job) -> Bool {
        let drop = job.key.drop
        guard oneReader.contains(drop), inProcess.keys.contains(where: { $0.drop == drop }) else { return false }
        parked[drop, default: []].append(job)
        return true
    }

    /// A read of `drop` ended: its next parked report goes first in the queue.
    mutating func unpark(_ drop: String) {
        guard var jobs = parked.removeValue(forKey: drop), let job = jobs.popFirst() else { return }
        if !jobs.isEmpty { parked[drop] = jobs }
        waiting.prepend(job)
    }

    /// Every parked report, in no particular order (stopping, reloading).
    var parkedJobs: [Job] { parked.values.flatMap { $0 } }
}
