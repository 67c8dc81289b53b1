extension DropLoop {
    /// Starts a checkpoint of the state as it is now (the state asked for it when
    /// every journal line written was in it), written on a Dispatch thread.
    func checkpoint(_ group: inout DiscardingTaskGroup) {
        guard let snapshot = checkpointSnapshot() else { return }
        let (send, checkpointer) = (send, parts.checkpointer)
        group.addTask {
            if let error = await BlockingWork.run({ checkpointer.write(snapshot) }) {
                send.yield(.notice(.failure(error)))
            }
        }
    }

    /// The last checkpoint, at the stop (everything in flight has ended).
    func finalCheckpoint() async {
        guard let snapshot = checkpointSnapshot() else { return }
        let (checkpointer, observer) = (parts.checkpointer, seams.observer)
        if let error = await BlockingWork.run({ checkpointer.write(snapshot) }) {
            observer.notice(.failure(error))
        }
    }

    private func checkpointSnapshot() -> JournalCheckpointer.Snapshot? {
        let (send, observer, stopping) = (send, seams.observer, state.isStopping)
        let position = parts.checkpointer.begin { error in
            let notice = DaemonNotice.failure("verdict journal rotation failed: \(error)")
            if stopping { observer.notice(notice) } else { send.yield(.notice(notice)) }
        }
        guard let position else { return nil }
        return JournalCheckpointer.Snapshot(
            position: position, records: state.drop.current, arrivals: state.drop.arrivals,
            nextSeq: state.drop.nextSequence, lastTime: parts.journalClock.lastTime)
    }
}
