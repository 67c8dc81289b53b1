import DequeModule

/// A bounded multi-producer, multi-consumer queue of jobs.
///
/// `put` suspends while the queue is full (backpressure on the dispatcher, never
/// on the inotify reader); `take` suspends while it is empty and returns nil
/// once the queue is closed and drained.
public actor JobQueue<Job: Sendable> {
    private var items = Deque<Job>()
    private var consumers: [CheckedContinuation<Job?, Never>] = []
    private var producers: [CheckedContinuation<Void, Never>] = []
    private var closed = false
    public let capacity: Int

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Number of jobs waiting.
    public var count: Int { items.count }

    /// Enqueues a job, waiting while the queue is full. Returns false if closed.
    @discardableResult
    public func put(_ job: Job) async -> Bool {
        while items.count >= capacity && !closed {
            await withCheckedContinuation { producers.append($0) }
        }
        if closed { return false }
        if !consumers.isEmpty {
            consumers.removeFirst().resume(returning: job)
        } else {
            items.append(job)
        }
        return true
    }

    /// Takes the next job, waiting while empty; nil once closed and empty.
    public func take() async -> Job? {
        if let job = items.popFirst() {
            if !producers.isEmpty { producers.removeFirst().resume() }
            return job
        }
        if closed { return nil }
        return await withCheckedContinuation { consumers.append($0) }
    }

    /// Stops accepting jobs and drops the queued ones; consumers get nil.
    public func cancelPending() {
        items.removeAll()
        close()
    }

    /// Stops accepting jobs; consumers drain what is queued, then get nil.
    public func close() {
        closed = true
        for consumer in consumers { consumer.resume(returning: nil) }
        consumers.removeAll()
        for producer in producers { producer.resume() }
        producers.removeAll()
    }
}
