import NianbaoEngine
import NianbaoPlatform
import NianbaoViews
import Synchronization

/// Writes `<status>/index.html` when the page would show something new: its body
/// (everything after the head, which carries the generation time) changed, or the
/// day did (the deadline countdowns move). The page's "生成于" time therefore tells
/// when its content last changed.
///
/// The page is streamed to a temporary file a row at a time (``StagedFile``): a
/// page of ten thousand reports is tens of megabytes, never held in memory. Only
/// the body's SHA-256 is kept between writes.
final class DashboardOutput: Sendable {
    private let last = Mutex<(body: String, day: CivilDate)?>(nil)

    /// The page's path under the status directory.
    static let path = ["index.html"]

    /// Renders and writes the page unless its content is unchanged; returns an error line, if any.
    func write(_ model: DashboardModel, in tree: SafeTreeWriter, files: OutputFiles) -> String? {
        let day = model.clock.civilDate(model.generatedAt)
        do {
            var page = try files.stage(Self.path, in: tree)
            page.write(DashboardPage.head(model))
            page.beginContent()
            DashboardPage.body(model, into: &page)
            let body = page.contentDigest
            if let previous = last.withLock({ $0 }), previous.body == body, previous.day == day {
                files.discard(page)
                return nil
            }
            try files.commit(page)
            last.withLock { $0 = (body, day) }
        } catch {
            return "dashboard \(tree.location(Self.path)): \(error)"
        }
        return nil
    }
}
