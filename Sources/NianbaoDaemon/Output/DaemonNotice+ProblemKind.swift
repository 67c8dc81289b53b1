import NianbaoViews

extension DaemonNotice {
    /// The kind under which the page's problem list shows this notice; nil for
    /// notices that are not problems (start, reload, stop, recoveries).
    public var problemKind: DaemonProblemKind? {
        switch self {
        case .watchLost: .watchLost
        case .watchLimitReached: .watchLimit
        case .storageDegraded: .storage
        case .journalRepaired, .journalUnreadableLines: .journal
        case .failure: .error
        case .overflowRescan: .overflow
        case .started, .reloaded, .stopping, .watchRestored, .storageRecovered: nil
        }
    }

    /// The folder or file the notice is about, where it names one.
    public var problemPath: String? {
        switch self {
        case .watchLost(let path), .watchLimitReached(let path), .watchRestored(let path): path
        case .journalRepaired(let path, _), .journalUnreadableLines(let path, _): path
        case .started, .reloaded, .stopping, .overflowRescan, .storageDegraded, .storageRecovered, .failure: nil
        }
    }
}
