import Foundation

/// The first sheet of an .xlsx file, read with the real `unzip` and plain pattern
/// matching over the sheet and shared-strings XML: cell texts by (row, column letter),
/// and whether a cell holds a number, a string or a formula.
struct XLSXSheet {
    struct Cell: Equatable {
        var text: String
        var isNumber: Bool
        var hasFormula: Bool
    }

    var cells: [Int: [String: Cell]] = [:]
    var sheetXML: String

    init(path: String) throws {
        sheetXML = try Self.unzip(path, "xl/worksheets/sheet1.xml")
        let shared = Self.sharedStrings((try? Self.unzip(path, "xl/sharedStrings.xml")) ?? "")
        let cellPattern = try NSRegularExpression(pattern: #"<c r="([A-Z]+)([0-9]+)"([^>]*?)(?:/>|>(.*?)</c>)"#, options: [.dotMatchesLineSeparators])
        let xml = sheetXML as NSString
        for match in cellPattern.matches(in: sheetXML, range: NSRange(location: 0, length: xml.length)) {
            let column = xml.substring(with: match.range(at: 1))
            let row = Int(xml.substring(with: match.range(at: 2))) ?? 0
            let attributes = xml.substring(with: match.range(at: 3))
            let body = match.range(at: 4).location == NSNotFound ? "" : xml.substring(with: match.range(at: 4))
            let value = Self.first(#"<v>(.*?)</v>"#, in: body) ?? ""
            let isShared = attributes.contains(#"t="s""#)
            let isText = isShared || attributes.contains(#"t="str""#) || attributes.contains(#"t="inlineStr""#)
            let text = isShared ? (Int(value).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? "") : Self.unescape(value)
            cells[row, default: [:]][column] = Cell(text: text, isNumber: !isText && !value.isEmpty, hasFormula: body.contains("<f"))
        }
    }

    /// The first row whose column A reads `label`, as its cells B, C, … up to `count`.
    func row(startingWith label: String, count: Int) -> [Cell]? {
        guard let number = cells.keys.sorted().first(where: { cells[$0]?["A"]?.text == label }) else { return nil }
        let letters = (0..<count).map { String(UnicodeScalar(UInt8(66 + $0))) }
        return letters.map { cells[number]?[$0] ?? Cell(text: "", isNumber: false, hasFormula: false) }
    }

    var allTexts: [String] { cells.values.flatMap { $0.values.map(\.text) } }

    private static func unzip(_ path: String, _ member: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", path, member]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
        return String(decoding: data, as: UTF8.self)
    }

    private static func sharedStrings(_ xml: String) -> [String] {
        guard let items = try? NSRegularExpression(pattern: #"<si>(.*?)</si>"#, options: [.dotMatchesLineSeparators]),
              let texts = try? NSRegularExpression(pattern: #"<t[^>]*>(.*?)</t>"#, options: [.dotMatchesLineSeparators]) else { return [] }
        let ns = xml as NSString
        return items.matches(in: xml, range: NSRange(location: 0, length: ns.length)).map { item in
            let inner = ns.substring(with: item.range(at: 1))
            let innerNS = inner as NSString
            return texts.matches(in: inner, range: NSRange(location: 0, length: innerNS.length))
                .map { unescape(innerNS.substring(with: $0.range(at: 1))) }.joined()
        }
    }

    private static func first(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
              let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) else { return nil }
        return (text as NSString).substring(with: match.range(at: 1))
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
