/// Fast substring search on UTF-8 bytes, for the rules' hot paths (the
/// generic `String.contains` and `firstRange(of:)` work character by character
/// and are far slower).
enum Utf8Search {
    /// The byte offset of the first occurrence of `needle` in `haystack` at or after `from`.
    static func offset(of needle: String, in haystack: String, from: Int = 0) -> Int? {
        if let found = haystack.utf8.withContiguousStorageIfAvailable({ hay in
            needle.utf8.withContiguousStorageIfAvailable { pattern in search(pattern, in: hay, from: from) }
        }) {
            return found ?? nil
        }
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pattern in search(pattern, in: hay, from: from) }
        }
    }

    /// Whether `haystack` contains `needle`.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        offset(of: needle, in: haystack) != nil
    }

    /// Whether `haystack` contains any of `needles`.
    static func containsAny(_ haystack: String, _ needles: [String]) -> Bool {
        needles.contains { offset(of: $0, in: haystack) != nil }
    }

    /// Whether `haystack` ends with `suffix` (byte-wise; valid for whole UTF-8 sequences).
    static func hasSuffix(_ haystack: String, _ suffix: String) -> Bool {
        let hay = haystack.utf8
        let tail = suffix.utf8
        guard tail.count <= hay.count else { return false }
        return hay.suffix(tail.count).elementsEqual(tail)
    }

    private static func search(_ pattern: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = pattern.first, pattern.count <= hay.count, from >= 0 else { return pattern.isEmpty ? from : nil }
        var index = from
        let last = hay.count - pattern.count
        while index <= last {
            if hay[index] == first {
                var offset = 1
                while offset < pattern.count && hay[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }
}
