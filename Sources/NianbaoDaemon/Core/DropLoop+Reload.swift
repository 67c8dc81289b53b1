import NianbaoPlatform

extension DropLoop {
    /// SIGHUP: RELOADING=1, then the configuration is read off the loop. A
    /// SIGHUP before READY=1 waits for it; one during a reload is ignored (the
    /// reload in progress reads the newest file anyway).
    func startReload(_ group: inout DiscardingTaskGroup) {
        guard !stopRequested, !reloading else { return }
        guard state.isReady else {
            hangupPending = true
            return
        }
        reloading = true
        seams.notifier.reloading()
        let (send, reload) = (send, parts.reload)
        group.addTask {
            do {
                send.yield(.reloadLoaded(.success(try await reload())))
            } catch {
                send.yield(.reloadLoaded(.failure(error)))
            }
        }
    }

    func finishReload(_ result: Result<DaemonConfiguration, any Error>, _ group: inout DiscardingTaskGroup) {
        reloading = false
        guard !stopRequested else { return }
        do {
            var fresh = try result.get()
            fresh.drops = fresh.drops.map { DropFolder(name: $0.name, path: CanonicalPath.absolute($0.path)) }
            for drop in fresh.drops where !config.drops.contains(drop) {
                try? Directories.create(drop.path)
            }
            try parts.journal.reopenNow()
            config = fresh
            apply(.reconfigure(fresh.drops), &group)
        } catch {
            parts.logger.error("reload failed, keeping the previous configuration: \(error)")
            seams.observer.notice(.failure("reload failed, keeping the previous configuration: \(error)"))
        }
        seams.notifier.ready()
        // Always a STATUS= after a reload, even when the counts did not change.
        lastStatusLine = statusLine()
        seams.notifier.status(lastStatusLine)
    }
}
