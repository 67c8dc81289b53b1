import CSeccomp
#if canImport(Glibc)
import Glibc
#endif

/// The seccomp filter a reader child installs on itself once it has read its
/// input, before it parses anything: on top of the unit's own filter and the
/// child's resource limits, it may not start programs or processes, open
/// sockets, signal or trace other processes, or change any file. It can still
/// read files (poppler's font configuration) and create threads.
public enum ChildSandbox {
    /// CLONE_THREAD from <sched.h> (a GNU macro Swift does not import).
    static let cloneThread: UInt64 = 0x0001_0000

    /// Installs the filter; false if the kernel or libseccomp refused it.
    @discardableResult
    public static func lockDown() -> Bool {
        guard let context = seccomp_init(SCMP_ACT_ALLOW) else { return false }
        defer { seccomp_release(context) }
        let deny = UInt32(0x0005_0000) | UInt32(EPERM)  // SCMP_ACT_ERRNO(EPERM)
        var ok = true
        func rule(_ name: String, _ action: UInt32 = deny, _ comparisons: [scmp_arg_cmp] = []) {
            let number = seccomp_syscall_resolve_name(name)
            guard number != __NR_SCMP_ERROR else { return }  // not on this architecture
            let status = comparisons.withUnsafeBufferPointer {
                seccomp_rule_add_array(context, action, number, UInt32($0.count), $0.baseAddress)
            }
            if status != 0 { ok = false }
        }
        func masked(_ argument: UInt32, _ mask: UInt64) -> scmp_arg_cmp {
            scmp_arg_cmp(arg: argument, op: SCMP_CMP_MASKED_EQ, datum_a: mask, datum_b: mask)
        }
        // No programs, no processes (threads only), no network, no tracing.
        for name in ["execve", "execveat", "fork", "vfork", "socket", "socketpair", "connect", "bind", "listen",
                     "ptrace", "process_vm_readv", "process_vm_writev", "pidfd_open", "pidfd_send_signal"] {
            rule(name)
        }
        rule("clone", deny, [scmp_arg_cmp(arg: 0, op: SCMP_CMP_MASKED_EQ, datum_a: Self.cloneThread, datum_b: 0)])
        rule("clone3", UInt32(0x0005_0000) | UInt32(ENOSYS))  // glibc falls back to clone, checked above
        // Signals only to itself (abort() uses tgkill on its own thread group).
        let me = UInt64(UInt32(bitPattern: getpid()))
        for name in ["kill", "tgkill"] {
            rule(name, deny, [scmp_arg_cmp(arg: 0, op: SCMP_CMP_NE, datum_a: me, datum_b: 0)])
        }
        rule("tkill")
        // No file is created, written, removed, renamed or re-permissioned.
        for flag in [O_WRONLY, O_RDWR, O_CREAT, O_TRUNC] {
            rule("openat", deny, [masked(2, UInt64(flag))])
            rule("open", deny, [masked(1, UInt64(flag))])
        }
        rule("creat")
        for name in ["unlink", "unlinkat", "rename", "renameat", "renameat2", "truncate", "mkdir", "mkdirat", "rmdir",
                     "chmod", "fchmodat", "chown", "fchownat", "lchown", "link", "linkat", "symlink", "symlinkat",
                     "mknod", "mknodat", "utimensat", "setxattr", "removexattr"] {
            rule(name)
        }
        guard ok else { return false }
        return seccomp_load(context) == 0
    }
}
