import Foundation
import NianbaoOffice

extension YearSummaries {
    /// The year summary a site's daemon wrote, `<status>/years/<year>.json` (with that
    /// site's roster), copied to the office; nil when absent or unreadable.
    public static func read(statusDirectory: String, year: Int) -> YearStatus? {
        guard let data = FileManager.default.contents(atPath: ([statusDirectory] + path(year: year)).joined(separator: "/")) else {
            return nil
        }
        return try? JSONDecoder().decode(YearStatus.self, from: data)
    }
}
