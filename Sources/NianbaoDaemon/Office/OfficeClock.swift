import Foundation
import NianbaoEngine
import NianbaoOffice

/// The office's calendar: today's date where the office is (China Standard Time by default).
public enum OfficeClock {
    /// Today's date at `utcOffsetSeconds` east of UTC (default UTC+8), from the system clock.
    public static func today(utcOffsetSeconds: Int = YearStatus.chinaStandardTime) -> CivilDate {
        Arrival(seconds: Date().timeIntervalSince1970).date(utcOffsetSeconds: utcOffsetSeconds)
    }
}
