/// Small, allocation-free helpers over `[Unicode.Scalar]` used by the parser
/// (no regex engines: every search is a plain linear scan).
enum ScalarText {
    /// Decodes the scalar starting at `index` in valid UTF-8 `bytes` and advances
    /// past it; nil at `end` or on a sequence cut off by `end`.
    @inline(__always)
    static func nextScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ end: Int) -> Unicode.Scalar? {
        guard index < end else { return nil }
        let lead = UInt32(bytes[index])
        let value: UInt32
        if lead < 0x80 {
            value = lead
            index += 1
        } else if lead < 0xE0 {
            guard index + 2 <= end else { return nil }
            value = (lead & 0x1F) << 6 | (UInt32(bytes[index + 1]) & 0x3F)
            index += 2
        } else if lead < 0xF0 {
            guard index + 3 <= end else { return nil }
            value = (lead & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | (UInt32(bytes[index + 2]) & 0x3F)
            index += 3
        } else {
            guard index + 4 <= end else { return nil }
            value = (lead & 0x07) << 18 | (UInt32(bytes[index + 1]) & 0x3F) << 12
                | (UInt32(bytes[index + 2]) & 0x3F) << 6 | (UInt32(bytes[index + 3]) & 0x3F)
            index += 4
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// The scalars of a string, decoded straight from its UTF-8 storage.
    static func of(_ string: String) -> [Unicode.Scalar] {
        var string = string
        return string.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: max(1, bytes.count)) { buffer -> [Unicode.Scalar] in
                var index = 0
                var count = 0
                let end = bytes.count
                while let scalar = nextScalar(bytes, &index, end) {
                    buffer[count] = scalar
                    count += 1
                }
                return Array(UnsafeBufferPointer(rebasing: buffer[0..<count]))
            }
        }
    }

    /// The normalised scalars (`ScalarNormalizer.normalize`) of the UTF-8 bytes
    /// `bytes[lo..<hi]`, decoded and repaired in one pass.
    static func normalized(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> [Unicode.Scalar] {
        var changed = false
        return normalized(bytes, lo, hi, changed: &changed)
    }

    /// As `normalized(_:_:_:)`; `changed` is set when the scalars differ from the bytes' own.
    static func normalized(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, changed: inout Bool) -> [Unicode.Scalar] {
        guard lo < hi else { return [] }
        var sawBracket = false
        var repaired = false
        let out = withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: hi - lo) { buffer -> [Unicode.Scalar] in
            var index = lo
            var count = 0
            while index < hi {
                let lead = UInt32(bytes[index])
                var value: UInt32
                if lead >= 0xE4 && lead <= 0xE9 && index + 3 <= hi {
                    // U+4000…U+9FFF: kept as they are.
                    value = (lead & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | (UInt32(bytes[index + 2]) & 0x3F)
                    buffer[count] = Unicode.Scalar(value) ?? "\u{FFFD}"
                    count += 1
                    index += 3
                    continue
                }
                if lead < 0x80 {
                    index += 1
                    if lead >= 0x20 && lead < 0x7F {
                        if lead == 0x5B { sawBracket = true }
                        buffer[count] = Unicode.Scalar(UInt8(lead))
                        count += 1
                        continue
                    }
                    value = lead
                } else if lead < 0xE0 {
                    guard index + 2 <= hi else { break }
                    value = (lead & 0x1F) << 6 | (UInt32(bytes[index + 1]) & 0x3F)
                    index += 2
                } else if lead < 0xF0 {
                    guard index + 3 <= hi else { break }
                    value = (lead & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | (UInt32(bytes[index + 2]) & 0x3F)
                    index += 3
                } else {
                    guard index + 4 <= hi else { break }
                    value = (lead & 0x07) << 18 | (UInt32(bytes[index + 1]) & 0x3F) << 12
                        | (UInt32(bytes[index + 2]) & 0x3F) << 6 | (UInt32(bytes[index + 3]) & 0x3F)
                    index += 4
                }
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                if let mapped = ScalarNormalizer.map(scalar) {
                    buffer[count] = mapped
                    count += 1
                    if mapped == "[" { sawBracket = true }
                    if mapped != scalar || scalar.value != value { repaired = true }
                } else {
                    repaired = true
                }
            }
            if index != hi { repaired = true }
            return Array(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
        if repaired { changed = true }
        guard sawBracket else { return out }
        let kept = ScalarNormalizer.removingBookmarks(out)
        if kept.count != out.count { changed = true }
        return kept
    }

    /// The normalised scalars of a string (see `normalized(_:_:_:)`).
    static func normalized(_ string: String) -> [Unicode.Scalar] {
        var string = string
        return string.withUTF8 { normalized($0, 0, $0.count) }
    }

    /// The normalised scalars of a string, and whether they are exactly the string's own.
    static func normalizedKeepingTrack(_ string: String) -> (scalars: [Unicode.Scalar], unchanged: Bool) {
        var string = string
        var changed = false
        let scalars = string.withUTF8 { normalized($0, 0, $0.count, changed: &changed) }
        return (scalars, !changed)
    }

    /// Whether `ScalarNormalizer` leaves the UTF-8 bytes `bytes[lo..<hi]` unchanged
    /// (no character to repair or drop, no "[" that could open a bookmark).
    static func isNormal(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        var index = lo
        while index < hi {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead < 0x20 ? lead != 0x09 : (lead == 0x7F || lead == 0x5B) { return false }
                index += 1
                continue
            }
            if lead >= 0xE4 && lead <= 0xE9 {
                // U+4000…U+9FFF: Han and other characters kept as they are.
                index += 3
                continue
            }
            var value: UInt32
            let first = UInt32(lead)
            if first < 0xE0 {
                guard index + 2 <= hi else { return false }
                value = (first & 0x1F) << 6 | (UInt32(bytes[index + 1]) & 0x3F)
                index += 2
            } else if first < 0xF0 {
                guard index + 3 <= hi else { return false }
                value = (first & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | (UInt32(bytes[index + 2]) & 0x3F)
                index += 3
            } else {
                guard index + 4 <= hi else { return false }
                value = (first & 0x07) << 18 | (UInt32(bytes[index + 1]) & 0x3F) << 12
                    | (UInt32(bytes[index + 2]) & 0x3F) << 6 | (UInt32(bytes[index + 3]) & 0x3F)
                index += 4
            }
            guard let scalar = Unicode.Scalar(value), ScalarNormalizer.map(scalar) == scalar else { return false }
        }
        return index == hi
    }

    /// A string holding the trimmed pieces `lines[i][lo..<hi]` one after another, encoded in one pass.
    static func joined(_ lines: [[Unicode.Scalar]], _ pieces: [(line: Int, lo: Int, hi: Int)]) -> String {
        var bytes = 0
        for piece in pieces {
            let line = lines[piece.line]
            for index in piece.lo..<piece.hi { bytes += utf8Length(line[index]) }
        }
        if bytes == 0 { return "" }
        return String(unsafeUninitializedCapacity: bytes) { buffer in
            var at = 0
            for piece in pieces {
                let line = lines[piece.line]
                for index in piece.lo..<piece.hi { at = encode(line[index], into: buffer, at: at) }
            }
            return at
        }
    }

    @inline(__always)
    static func utf8Length(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        return value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
    }

    @inline(__always)
    static func encode(_ scalar: Unicode.Scalar, into buffer: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        let value = scalar.value
        if value < 0x80 {
            buffer[index] = UInt8(value)
            return index + 1
        } else if value < 0x800 {
            buffer[index] = UInt8(0xC0 | value >> 6)
            buffer[index + 1] = UInt8(0x80 | value & 0x3F)
            return index + 2
        } else if value < 0x10000 {
            buffer[index] = UInt8(0xE0 | value >> 12)
            buffer[index + 1] = UInt8(0x80 | (value >> 6) & 0x3F)
            buffer[index + 2] = UInt8(0x80 | value & 0x3F)
            return index + 3
        } else {
            buffer[index] = UInt8(0xF0 | value >> 18)
            buffer[index + 1] = UInt8(0x80 | (value >> 12) & 0x3F)
            buffer[index + 2] = UInt8(0x80 | (value >> 6) & 0x3F)
            buffer[index + 3] = UInt8(0x80 | value & 0x3F)
            return index + 4
        }
    }

    /// A string from scalars, encoded directly into the string's storage.
    static func string(_ scalars: [Unicode.Scalar]) -> String { string(scalars[...]) }

    /// A string from a slice of scalars.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        if scalars.isEmpty { return "" }
        return String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var index = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[index] = UInt8(value)
                    index += 1
                } else if value < 0x800 {
                    buffer[index] = UInt8(0xC0 | value >> 6)
                    buffer[index + 1] = UInt8(0x80 | value & 0x3F)
                    index += 2
                } else if value < 0x10000 {
                    buffer[index] = UInt8(0xE0 | value >> 12)
                    buffer[index + 1] = UInt8(0x80 | (value >> 6) & 0x3F)
                    buffer[index + 2] = UInt8(0x80 | value & 0x3F)
                    index += 3
                } else {
                    buffer[index] = UInt8(0xF0 | value >> 18)
                    buffer[index + 1] = UInt8(0x80 | (value >> 12) & 0x3F)
                    buffer[index + 2] = UInt8(0x80 | (value >> 6) & 0x3F)
                    buffer[index + 3] = UInt8(0x80 | value & 0x3F)
                    index += 4
                }
            }
            return index
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
    }

    static func isOpenParen(_ scalar: Unicode.Scalar) -> Bool { scalar == "（" || scalar == "(" }
    static func isCloseParen(_ scalar: Unicode.Scalar) -> Bool { scalar == "）" || scalar == ")" }

    /// 一 … 十 as 1 … 10.
    static func chineseNumeral(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "一": return 1
        case "二": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        case "十": return 10
        default: return nil
        }
    }

    /// Whether `needle` occurs in `hay` starting exactly at `index`.
    static func hasPrefix(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + needle.count <= hay.count else { return false }
        var offset = 0
        while offset < needle.count {
            if hay[index + offset] != needle[offset] { return false }
            offset += 1
        }
        return true
    }

    /// First index of `needle` in `hay[from..<to]` (the whole needle must fit before `to`).
    static func find(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar], from: Int = 0, to: Int? = nil) -> Int? {
        let end = min(to ?? hay.count, hay.count)
        guard let first = needle.first, from >= 0, end - from >= needle.count else { return nil }
        var index = from
        let last = end - needle.count
        while index <= last {
            if hay[index] == first, hasPrefix(needle, in: hay, at: index) { return index }
            index += 1
        }
        return nil
    }

    static func contains(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar]) -> Bool {
        find(needle, in: hay) != nil
    }

    static func containsAny(_ needles: [[Unicode.Scalar]], in hay: [Unicode.Scalar]) -> Bool {
        needles.contains { find($0, in: hay) != nil }
    }

    static func firstIndex(of scalar: Unicode.Scalar, in hay: [Unicode.Scalar], from: Int, to: Int) -> Int? {
        var index = max(0, from)
        let end = min(to, hay.count)
        while index < end {
            if hay[index] == scalar { return index }
            index += 1
        }
        return nil
    }

    /// The bounds of `scalars[lo..<hi]` without leading and trailing spaces and tabs.
    static func trim(_ scalars: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> (Int, Int) {
        var start = max(0, lo)
        var end = min(hi, scalars.count)
        while start < end, isSpace(scalars[start]) { start += 1 }
        while end > start, isSpace(scalars[end - 1]) { end -= 1 }
        return (start, end)
    }

    /// The scalars without any spaces or tabs.
    static func withoutSpaces(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        scalars.contains(where: isSpace) ? scalars.filter { !isSpace($0) } : scalars
    }

    /// The value of the ASCII digits in `scalars[lo..<hi]`, if all are digits and it fits.
    static func integer(_ scalars: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> Int? {
        guard lo < hi, hi - lo <= 9 else { return nil }
        var value = 0
        for index in lo..<hi {
            guard isDigit(scalars[index]) else { return nil }
            value = value * 10 + Int(scalars[index].value - 0x30)
        }
        return value
    }
}

/// A keyword held as scalars, built once.
struct Keyword: Sendable {
    let scalars: [Unicode.Scalar]
    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    func occurs(in hay: [Unicode.Scalar]) -> Bool { ScalarText.find(scalars, in: hay) != nil }

    static func any(_ keywords: [Keyword], in hay: [Unicode.Scalar]) -> Bool {
        keywords.contains { $0.occurs(in: hay) }
    }

    /// Whether any keyword occurs in a slice of a line (no copy of the slice).
    static func any(_ keywords: [Keyword], in hay: ArraySlice<Unicode.Scalar>) -> Bool {
        hay.withUnsafeBufferPointer { buffer in
            keywords.contains { keyword in
                let needle = keyword.scalars
                guard let first = needle.first, buffer.count >= needle.count else { return false }
                var index = 0
                let last = buffer.count - needle.count
                while index <= last {
                    if buffer[index] == first {
                        var offset = 1
                        while offset < needle.count, buffer[index + offset] == needle[offset] { offset += 1 }
                        if offset == needle.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
