/// Bytes made once for the life of the process (JSON keys escaped ahead of time) and
/// never freed: reading them retains nothing, so threads writing records at once do not
/// contend on one shared reference count the way they would on a global array.
///
/// Make them once, as globals or statics; each one made is kept until the process exits.
struct ConstantBytes<Element>: @unchecked Sendable {
    /// The elements (immutable, never deallocated).
    let buffer: UnsafeBufferPointer<Element>

    /// A permanent copy of `elements`.
    init(_ elements: [Element]) {
        let storage = UnsafeMutableBufferPointer<Element>.allocate(capacity: elements.count)
        _ = storage.initialize(from: elements)
        buffer = UnsafeBufferPointer(storage)
    }
}
