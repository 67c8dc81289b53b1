import NianbaoEngine
import NianbaoViews
import Synchronization

/// Writes `<status>/index.html` when the page would show something new: the model
/// (less its generation time) changed, or the day did (the deadline countdowns move).
/// The page's "生成于" time therefore tells when its content last changed.
final class DashboardOutput: Sendable {
    private let last = Mutex<(model: DashboardModel, day: CivilDate)?>(nil)

    /// The page's path under the status directory.
    static func path(_ statusDirectory: StatusDirectory) -> String { statusDirectory.root + "/index.html" }

    /// Renders and writes the page unless its content is unchanged; returns an error line, if any.
    func write(_ model: DashboardModel, to path: String, files: OutputFiles) -> String? {
        var timeless = model
        timeless.generatedAt = .init(timeIntervalSince1970: 0)
        let day = model.clock.civilDate(model.generatedAt)
        if let previous = last.withLock({ $0 }), previous.model == timeless, previous.day == day { return nil }
        do {
            try files.write(Array(DashboardPage.render(model).utf8), to: path)
        } catch {
            return "dashboard \(path): \(error)"
        }
        last.withLock { $0 = (timeless, day) }
        return nil
    }
}
