import CMalloc
#if canImport(Glibc)
import Glibc
#endif

/// The C allocator's settings for a short batch process that allocates and frees the
/// same few megabytes thousands of times on several threads (`nianbao check DIR`).
///
/// - By default glibc gives the top of each heap back to the kernel as soon as 128 KiB
///   are free there, and takes it again on the next report: a `brk` or `madvise` and
///   fresh zeroed pages per report and thread. Keeping freed memory (it is all returned
///   when the process exits) and growing heaps 16 MiB at a time removes that churn.
/// - Each thread's cache of freed blocks holds 7 blocks per size; a report frees
///   thousands of small blocks, so most frees overflow into the shared bins, where a
///   second thread makes them slower still. A cache of 1,000 per size keeps them
///   thread-local: 4 % less CPU on one thread, 9 % on two. glibc reads that setting only
///   from `GLIBC_TUNABLES` when a process starts, hence ``restartWithBatchTunables(_:)``.
///
/// Not for the daemon: it runs for months and must give memory back.
public enum BatchMemory {
    /// The tunable that ``restartWithBatchTunables(_:)`` adds.
    public static let tunable = "glibc.malloc.tcache_count=1000"

    /// Applies the settings `mallopt` can change in a running process.
    public static func keepFreedMemory() {
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        _ = mallopt(M_TOP_PAD, 16 << 20)
    }

    /// Executes this program again with ``tunable`` added to `GLIBC_TUNABLES`, unless it
    /// is there already (the restarted process, or a caller who chose a value). Returns
    /// only if it cannot (no `/proc/self/exe`): the process then goes on untuned.
    public static func restartWithBatchTunables(_ arguments: [String]) {
        let current = getenv("GLIBC_TUNABLES").map { String(cString: $0) }
        if let current, current.contains("glibc.malloc.tcache_count") { return }
        setenv("GLIBC_TUNABLES", current.map { $0 + ":" + tunable } ?? tunable, 1)
        var argv = arguments.map { strdup($0) }
        argv.append(nil)
        execv("/proc/self/exe", argv)
        // Still here: exec failed. Leave the environment as it was.
        argv.forEach { free($0) }
        if let current { setenv("GLIBC_TUNABLES", current, 1) } else { unsetenv("GLIBC_TUNABLES") }
    }
}
