import Foundation

/// Headless Chromium, as the tests drive it: dump the DOM after scripts ran,
/// take screenshots, print to PDF. Each run gets its own profile directory, so
/// parallel runs (other tests, other users) do not share state.
struct Chromium {
    let tool: ExternalTool

    static func required() -> Chromium? {
        ExternalTool.required("chromium", package: "chromium").map(Chromium.init)
    }

    /// The serialized DOM of a page after loading (and running any script in it).
    func dumpDOM(_ page: URL, width: Int = 1280, height: Int = 2000) throws -> String {
        try run(["--dump-dom", "--window-size=\(width),\(height)", page.absoluteString]).text
    }

    /// A PNG screenshot of the page's first `height` pixels.
    func screenshot(_ page: URL, width: Int, height: Int = 2000) throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("views-shot-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try run(["--screenshot=\(file.path)", "--window-size=\(width),\(height)", "--hide-scrollbars", page.absoluteString])
        return try Data(contentsOf: file)
    }

    /// The page printed to PDF (the print style sheet applies).
    func printToPDF(_ page: URL) throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("views-print-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try run(["--print-to-pdf=\(file.path)", "--no-pdf-header-footer", page.absoluteString])
        return try Data(contentsOf: file)
    }

    private func run(_ arguments: [String]) throws -> ExternalTool.Run {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("views-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let run = try tool.run([
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile.path)",
        ] + arguments, timeout: 120)
        if run.status != 0 { throw ChromiumFailure(status: run.status, stderr: String(run.stderr.suffix(2000))) }
        return run
    }

    struct ChromiumFailure: Error, CustomStringConvertible {
        var status: Int32
        var stderr: String
        var description: String { "chromium exited \(status): \(stderr)" }
    }
}

/// Width and height of a PNG, from its IHDR chunk.
func pngSize(_ data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data.prefix(24))
    guard bytes.count == 24, bytes[0] == 0x89, bytes[1] == 0x50 else { return nil }
    func be(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (be(16), be(20))
}
