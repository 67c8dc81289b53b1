import CMalloc

/// The C allocator's settings for a short batch process that allocates and frees the
/// same few megabytes thousands of times on several threads (`nianbao check DIR`).
///
/// By default glibc gives the top of each heap back to the kernel as soon as 128 KiB
/// are free there, and takes it again on the next report: a `brk` or `madvise` and
/// fresh zeroed pages per report and thread. Keeping freed memory (it is all returned
/// when the process exits) and growing heaps 16 MiB at a time removes that churn.
/// Not for the daemon: it runs for months and must give memory back.
public enum BatchMemory {
    /// Applies the batch settings to this process's allocator.
    public static func keepFreedMemory() {
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        _ = mallopt(M_TOP_PAD, 16 << 20)
    }
}
