import ArgumentParser
import NianbaoDaemon
import NianbaoOffice
import NianbaoPlatform

/// `nianbao export --year 2024`: the 汇总 of a reporting year — tables 1–3 summed over the
/// counted reports without table errors, one row per agency, and the excluded reports with why.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the combined tables (汇总) of a report year as CSV, JSON or .xlsx.",
        discussion: """
        One report per agency is counted (the latest arrival, as status --year counts it); reports \
        with table errors are listed as excluded with the reason. Several sites (--status-dir SITE=DIR \
        repeated, or --sites DIR) are combined against one roster; each file is named site:drop/file. .xlsx is made by LibreOffice Calc \
        (libreoffice-calc-nogui) from the CSV and needs --output.
        """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json, xlsx
    }

    @Option(help: "The report year (e.g. 2024).")
    var year: Int

    @Option(help: "csv (UTF-8 with BOM, for Excel), json or xlsx (default: from --output's extension, else csv).")
    var format: Format?

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var office: OfficeOptions

    /// The format asked for, or told by the output file's extension.
    var chosenFormat: Format {
        if let format { return format }
        if let output, let ext = output.split(separator: ".").last.map({ $0.lowercased() }), output.contains("."),
           let byExtension = Format(rawValue: ext) {
            return byExtension
        }
        return .csv
    }

    func validate() throws {
        if chosenFormat == .xlsx && output == nil { throw ValidationError("--format xlsx needs --output FILE") }
    }

    func run() async throws {
        let settings = try await office.resolve()
        // Several sites: one province roster over all their reports, each file named site:drop/file.
        let records = settings.records
        let export = records.export(year: year, roster: settings.roster, today: settings.today)
        let bytes: [UInt8]
        switch chosenFormat {
        case .csv: bytes = Array(export.csv().utf8)
        case .json: bytes = Array((try export.json() + "\n").utf8)
        case .xlsx:
            guard let converter = SpreadsheetConverter.installed() else {
                FileHandleOutput.standardError("nianbao: .xlsx needs LibreOffice Calc (apt install libreoffice-calc-nogui) and prlimit")
                throw ExitCode(2)
            }
            do {
                bytes = try converter.xlsx(csv: export.csv(neutralisingFormulas: false), sheetName: "\(year)")
            } catch {
                FileHandleOutput.standardError("nianbao: \(error)")
                throw ExitCode(2)
            }
        }
        guard let output else {
            FileHandleOutput.standardOutput(bytes)
            return
        }
        do {
            try SafeTreeWriter.replaceFile(at: output, with: bytes, permissions: [.ownerReadWrite, .groupRead, .otherRead])
        } catch {
            FileHandleOutput.standardError("nianbao: cannot write \(output): \(error)")
            throw ExitCode(2)
        }
    }
}
