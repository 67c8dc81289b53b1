/// Journal `MESSAGE_ID`s of the structured events nianbao logs.
///
/// Each raw value is a 128-bit id (generated with `systemd-id128 new`) in the
/// 32-hex-digit form the journal expects. `systemd/nianbao.catalog` carries a
/// Chinese and an English catalog entry for every case, so
/// `journalctl -x` explains each event and `journalctl MESSAGE_ID=…` finds them.
public enum MessageID: String, Sendable, CaseIterable {
    /// A report was checked and passed.
    case verdictPass = "d4de48c1ed974e448a87bd13cf04b099"
    /// A report was checked and passed with warnings.
    case verdictWarn = "725f16ae4bbf457d973c22b85588790d"
    /// A report was checked and failed.
    case verdictFail = "1ba86532d7f44372892d6c30b26e2940"
    /// A report disappeared from a drop folder; its verdict was withdrawn.
    case reportRemoved = "f22b014274b348d880d2f8d8e60940d3"
    /// The daemon finished start-up and is watching its drop folders.
    case daemonStarted = "8cdbb73c726d472ab4e952906b384185"
    /// The daemon re-read its configuration after SIGHUP.
    case daemonReloaded = "a074403d3fd049fc9992ce66f0d875b8"
    /// The daemon is shutting down.
    case daemonStopping = "28eb06f4e82b4e5fa1647055b3470715"
    /// The inotify queue overflowed; the drop folders are being rescanned.
    case overflowRescan = "7ebf115c08a74448a525963b088e70a9"
    /// A watched drop folder was removed or became unreachable.
    case watchLost = "995c2580072440e5863befd177a39e5f"
    /// Verdicts cannot be written (disk full, quota, I/O error); they are held and retried.
    case storageDegraded = "8b0ab24e1f5b49e585fb84b9dc054c5a"
    /// Verdicts held during a storage failure have all been written.
    case storageRecovered = "4f22f84e9f6d48bebe0938d128463ae3"
    /// A lost drop folder exists again and is watched.
    case watchRestored = "75352a21f4434ab6af0dd991aba0651f"
    /// The kernel refused an inotify watch (fs.inotify.max_user_watches).
    case watchLimitReached = "9b7573634185479c86820a9367aa1c82"
    /// How a drop folder is watched (inotify, polling, or both) and why: one entry per folder at start.
    case watchMode = "0c19dc95dc7f4d40800539f10d9ad0c5"
    /// A polled drop folder's share does not answer: its scan does not finish.
    case watchStalled = "283ab752fdf5456483eef76707824d1a"
    /// A stalled drop folder's share answers again.
    case watchResumed = "c80c72098947431b8da8dcf367852ccd"
    /// The verdict journal ended in a torn line (a crash mid-write), which was cut off.
    case journalRepaired = "9d632a9c8d434e59acae486c6b0f33be"
    /// Lines of the verdict journal could not be read back at start.
    case journalUnreadable = "e0951a0107d74bf38ee570dcefaacd64"
    /// The daily reminder of a reporting year in progress (`nianbao remind`): who is still missing, and the deadline.
    case yearReminder = "3722b34e0f314b4298559f0b52ef73dd"
    /// The wall clock stepped (against the monotonic clock or the journal's last line).
    case clockStepped = "5c1e7f0a3b8d4e29a6f1c2d3e4b5a697"
    /// Any other daemon error (a failed reload, a status file that cannot be written …).
    case daemonError = "aac9eb045e5948c3b0c0587c96c57e2b"
}
