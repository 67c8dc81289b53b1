#if canImport(Glibc)
import Glibc
#endif

/// A joinable POSIX thread running one closure.
struct ReaderThread: @unchecked Sendable {
    // pthread_t is a plain integer on Linux; the value is only used to join.
    private let handle: pthread_t

    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// Starts a thread running `body`.
    init(_ body: @escaping @Sendable () -> Void) throws(WatcherStartError) {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { context in
            let box = Unmanaged<AnyObject>.fromOpaque(context!).takeRetainedValue()
            (box as! ReaderThread.Box).body()
            return nil
        }, box)
        if result != 0 {
            Unmanaged<AnyObject>.fromOpaque(box).release()
            throw WatcherStartError(call: "pthread_create", errno: result)
        }
        handle = thread
    }

    /// Waits for the thread to finish.
    func join() {
        pthread_join(handle, nil)
    }

    /// Lets the thread end on its own, never waited for (a poller stuck on a hung mount).
    func detach() {
        pthread_detach(handle)
    }
}
