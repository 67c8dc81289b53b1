import NianbaoEngine

/// When a report arrived: an instant, kept as milliseconds since 1970-01-01T00:00:00Z.
///
/// Read from the daemon's record time (ISO 8601, "2025-01-30T02:15:07.123Z" or with an
/// offset "+08:00") or from seconds. Encoded as its ISO 8601 UTC form.
public struct Arrival: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: Int64

    /// An arrival `milliseconds` after 1970-01-01T00:00:00Z.
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// An arrival `seconds` after 1970-01-01T00:00:00Z (fractions kept to the millisecond;
    /// a value that is not finite counts as 0, one beyond ±285,000 years is clamped).
    public init(seconds: Double) {
        let milliseconds = seconds * 1000
        self.milliseconds = milliseconds.isFinite ? Int64(min(max(milliseconds, -9e15), 9e15).rounded()) : 0
    }

    /// Reads "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM|±HHMM)"; a space may stand for the T.
    /// Returns nil for anything else (no zone means no instant).
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ width: Int) -> Int? {
            guard index + width <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + width] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += width
            return value
        }
        func expect(_ characters: String) -> Bool {
            guard index < bytes.count, characters.utf8.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2), expect("T t"),
              let hour = number(2), expect(":"), let minute = number(2) else { return nil }
        var second = 0
        var millisecond = 0
        if expect(":") {
            guard let value = number(2) else { return nil }
            second = value
            if expect(".,") {
                var scale = 100
                let start = index
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                    millisecond += Int(bytes[index] - 0x30) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        var offsetMinutes = 0
        if expect("Zz") {
        } else if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D {
            let sign = bytes[index] == 0x2D ? -1 : 1
            index += 1
            guard let hours = number(2) else { return nil }
            _ = expect(":")
            guard let minutes = number(2) else { return nil }
            offsetMinutes = sign * (hours * 60 + minutes)
        } else {
            return nil
        }
        let date = CivilDate(year: year, month: month, day: day)
        guard index == bytes.count, date.isValid, hour < 24, minute < 60, second < 61 else { return nil }
        let seconds = Int64(date.daysSince1970) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes * 60)
        self.milliseconds = seconds * 1000 + Int64(millisecond)
    }

    /// The calendar date of the arrival at `utcOffsetSeconds` east of UTC.
    public func date(utcOffsetSeconds: Int) -> CivilDate {
        let offset = Int64(clamping: utcOffsetSeconds).multipliedReportingOverflow(by: 1000)
        let local = milliseconds.addingReportingOverflow(offset.overflow ? 0 : offset.partialValue)
        return CivilDate(daysSince1970: Int(Self.floorDays(local.overflow ? milliseconds : local.partialValue)))
    }

    /// Whole days since 1970-01-01 of a millisecond count, rounded down.
    private static func floorDays(_ milliseconds: Int64) -> Int64 {
        let (quotient, remainder) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        return remainder < 0 ? quotient - 1 : quotient
    }

    /// ISO 8601 in UTC, with milliseconds when there are any: "2025-01-30T02:15:07.123Z".
    public var iso: String {
        let days = Self.floorDays(milliseconds)
        let rest = milliseconds &- days &* 86_400_000
        let date = CivilDate(daysSince1970: Int(days))
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let time = "\(pad(rest / 3_600_000, 2)):\(pad(rest / 60_000 % 60, 2)):\(pad(rest / 1000 % 60, 2))"
        let fraction = rest % 1000 == 0 ? "" : ".\(pad(rest % 1000, 3))"
        return "\(date.iso)T\(time)\(fraction)Z"
    }

    public var description: String { iso }

    public static func < (lhs: Arrival, rhs: Arrival) -> Bool { lhs.milliseconds < rhs.milliseconds }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Double.self) {
            self.init(seconds: seconds)
            return
        }
        let text = try container.decode(String.self)
        guard let arrival = Arrival(iso8601: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 time with a zone: \(text)")
        }
        self = arrival
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
