import Glibc
import NianbaoPlatform
import Testing
import NianbaoTestSupport

extension Systemd {
    /// `SystemdNotifier` against a real datagram socket named by `NOTIFY_SOCKET`.
    /// Serialized: every test changes the process environment.
    @Suite(.serialized)
    struct NotifierTests {
        /// A fresh socket, with `NOTIFY_SOCKET` pointing at it (callers unset it).
        private func listen(abstract: Bool = false) throws -> NotifyInbox {
            let socket = try NotifyInbox(abstract: abstract)
            setenv("NOTIFY_SOCKET", socket.address, 1)
            return socket
        }

        @Test func readySendsExactlyReady() throws {
            let socket = try listen()
            defer { unsetenv("NOTIFY_SOCKET") }
            let notifier = SystemdNotifier()
            #expect(notifier.isEnabled)
            #expect(notifier.ready())
            #expect(try socket.receive() == "READY=1")
            #expect(try !socket.hasPending())
        }

        @Test func statusStopsAndWatchdogPayloads() throws {
            let socket = try listen()
            defer { unsetenv("NOTIFY_SOCKET") }
            let notifier = SystemdNotifier()
            notifier.status("检查 3 份年报")
            #expect(try socket.receive() == "STATUS=检查 3 份年报")
            notifier.watchdog()
            #expect(try socket.receive() == "WATCHDOG=1")
            notifier.stopping()
            #expect(try socket.receive() == "STOPPING=1")
            notifier.extendTimeout(usec: 5_000_000)
            #expect(try socket.receive() == "EXTEND_TIMEOUT_USEC=5000000")
        }

        @Test func statusCannotForgeReady() throws {
            let socket = try listen()
            defer { unsetenv("NOTIFY_SOCKET") }
            let notifier = SystemdNotifier()
            notifier.status("a\nREADY=1")
            #expect(try socket.receive() == "STATUS=a READY=1")
        }

        @Test func reloadingCarriesMonotonicTimeInOneDatagram() throws {
            let socket = try listen()
            defer { unsetenv("NOTIFY_SOCKET") }
            let notifier = SystemdNotifier()
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let before = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
            notifier.reloading()
            let lines = try socket.receive().split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            #expect(lines.first == "RELOADING=1")
            let stamp = lines.last.flatMap { $0.hasPrefix("MONOTONIC_USEC=") ? UInt64($0.dropFirst(15)) : nil }
            let value = try #require(stamp)
            #expect(value >= before)
            #expect(value < before + 10_000_000)
            #expect(try !socket.hasPending())
        }

        @Test func abstractSocketIsHonoured() throws {
            let socket = try listen(abstract: true)
            defer { unsetenv("NOTIFY_SOCKET") }
            let notifier = SystemdNotifier()
            #expect(socket.address.hasPrefix("@"))
            #expect(notifier.ready())
            #expect(try socket.receive() == "READY=1")
        }

        @Test func environmentIsNotUnset() throws {
            let socket = try listen()
            defer { unsetenv("NOTIFY_SOCKET") }
            let notifier = SystemdNotifier()
            notifier.ready()
            _ = try socket.receive()
            #expect(getenv("NOTIFY_SOCKET") != nil)
        }

        @Test func disabledWithoutNotifySocket() {
            unsetenv("NOTIFY_SOCKET")
            let notifier = SystemdNotifier()
            #expect(!notifier.isEnabled)
            #expect(!notifier.ready())
        }

        @Test func watchdogIntervalIsHalfOfWatchdogUsec() {
            setenv("WATCHDOG_USEC", "30000000", 1)
            setenv("WATCHDOG_PID", String(getpid()), 1)
            defer { unsetenv("WATCHDOG_USEC"); unsetenv("WATCHDOG_PID") }
            #expect(SystemdNotifier().watchdogInterval == .seconds(15))
            // Still set afterwards: the environment is left alone.
            #expect(SystemdNotifier().watchdogInterval == .seconds(15))
        }

        @Test func watchdogIntervalIgnoresOtherPid() {
            setenv("WATCHDOG_USEC", "30000000", 1)
            setenv("WATCHDOG_PID", "1", 1)
            defer { unsetenv("WATCHDOG_USEC"); unsetenv("WATCHDOG_PID") }
            #expect(SystemdNotifier().watchdogInterval == nil)
        }

        @Test func noWatchdogWithoutWatchdogUsec() {
            unsetenv("WATCHDOG_USEC")
            #expect(SystemdNotifier().watchdogInterval == nil)
        }
    }
}
