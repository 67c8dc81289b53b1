extension DropLoop {
    /// Reads the marks file again whenever it changes, until its watcher stops.
    func watchMarks(_ marks: MarksSource, _ group: inout DiscardingTaskGroup) {
        let send = send
        group.addTask {
            for await _ in marks.watcher.changes {
                let (read, notice) = await BlockingWork.run { marks.read() }
                if let notice { send.yield(.notice(notice)) }
                if let read { send.yield(.drop(.marksChanged(read))) }
            }
        }
    }
}
