import Foundation
import NianbaoEngine

/// Turns instants into the wall-clock text the views print, in one fixed time
/// zone (China Standard Time by default: UTC+8, no daylight saving).
public struct DisplayClock: Sendable, Hashable {
    /// Offset of the displayed time from UTC, in seconds.
    public var secondsFromGMT: Int

    /// China Standard Time, UTC+8.
    public static let chinaStandardTime = DisplayClock(secondsFromGMT: 8 * 3600)

    public init(secondsFromGMT: Int) {
        self.secondsFromGMT = secondsFromGMT
    }

    /// The calendar date of an instant in this zone.
    public func civilDate(_ date: Date) -> CivilDate {
        let (days, _) = splitDays(date)
        return CivilDate(daysSince1970: days)
    }

    /// "2024-01-15 09:30".
    public func minute(_ date: Date) -> String {
        let (days, seconds) = splitDays(date)
        return "\(CivilDate(daysSince1970: days).iso) \(Self.two(seconds / 3600)):\(Self.two(seconds % 3600 / 60))"
    }

    /// "2024-01-15 09:30:05".
    public func second(_ date: Date) -> String {
        let (_, seconds) = splitDays(date)
        return minute(date) + ":" + Self.two(seconds % 60)
    }

    /// ISO 8601 with the offset, "2024-01-15T09:30:05+08:00".
    public func iso8601(_ date: Date) -> String {
        let offset = abs(secondsFromGMT)
        let sign = secondsFromGMT < 0 ? "-" : "+"
        let text = second(date).replacingOccurrences(of: " ", with: "T")
        return text + sign + Self.two(offset / 3600) + ":" + Self.two(offset % 3600 / 60)
    }

    /// Days since 1970-01-01 in this zone, and seconds into that day.
    private func splitDays(_ date: Date) -> (Int, Int) {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + secondsFromGMT
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return (days, local - days * 86_400)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
