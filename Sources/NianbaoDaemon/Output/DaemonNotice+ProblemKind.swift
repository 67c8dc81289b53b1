import NianbaoViews

extension DaemonNotice {
    /// The kind under which the page's problem list shows this notice; nil for
    /// notices that are not problems (start, reload, stop, recoveries).
    public var problemKind: DaemonProblemKind? {
        switch self {
        case .watchLost: .watchLost
        case .watchLimitReached: .watchLimit
        case .storageDegraded: .storage
        case .journalRepaired, .journalUnreadableLines, .clockStepped: .journal
        case .failure: .error
        case .stateHealed: .storage
        case .restartNeeded: nil
        case .overflowRescan: .overflow
        case .watchStalled: .watchStalled
        case .started, .reloaded, .stopping, .watchRestored, .storageRecovered, .watchMode, .watchResumed: nil
        }
    }

    /// The folder or file the notice is about, where it names one.
    public var problemPath: String? {
        switch self {
        case .watchLost(let path), .watchLimitReached(let path), .watchRestored(let path): path
        case .watchStalled(_, let path), .watchResumed(_, let path): path
        case .watchMode(let drop, _, _): drop.path
        case .journalRepaired(let path, _), .journalUnreadableLines(let path, _): path
        case .stateHealed(_, let path): path
        case .restartNeeded: nil
        case .started, .reloaded, .stopping, .overflowRescan, .storageDegraded, .storageRecovered, .failure, .clockStepped: nil
        }
    }
}
