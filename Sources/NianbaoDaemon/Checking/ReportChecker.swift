import NianbaoEngine
import NianbaoFormats
import NianbaoOffice
import NianbaoPlatform

/// Turns a report's bytes into a `VerdictRecord`: detects the format, extracts
/// the text, runs the engine, hashes the content.
public struct ReportChecker: ReportChecking {
    private let extractor: DocumentExtractor
    private let engine = ReportEngine()
    /// The office's roster: an agency name read by OCR takes the spelling of the roster name it is close to.
    public var roster: Roster?

    public init(extractor: DocumentExtractor) {
        self.extractor = extractor
    }

    /// The checker with iconv for GB18030, the legacy-document converter if LibreOffice
    /// is installed (at most `convertParallel` conversions at once; nil: the process's
    /// shared gate), and PDFs read by `pdfReader` in a child process (nil: in this process).
    public init(convertLimits: BoundedProcess.Limits = LibreOfficeConverter.defaultLimits, convertParallel: Int? = nil,
                pdfReader: ChildPDFReader? = nil) {
        let gate = convertParallel.map { FairGate(capacity: $0) } ?? LibreOfficeRun.sharedGate
        let converter = LibreOfficeConverter.installed(limits: convertLimits, gate: gate)
        self.extractor = DocumentExtractor(legacy: IconvDecoder(), converter: converter, isolated: pdfReader)
    }

    /// Checks one report. `path` is what the record names (as given, or absolute in the daemon).
    public func check(bytes: [UInt8], path: String) -> VerdictRecord {
        check(bytes: bytes, sha256: ContentHash.sha256(bytes), path: path)
    }

    /// Checks one report whose content hash is known already.
    public func check(bytes: [UInt8], sha256 sha: String, path: String) -> VerdictRecord {
        checkReport(bytes: bytes, sha256: sha, path: path).record
    }

    /// Checks one report and also returns the report as parsed (nil when it could not be read).
    public func checkReport(bytes: [UInt8], sha256 sha: String, path: String) -> (record: VerdictRecord, report: Report?) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        switch extractor.extract(bytes, fileName: name) {
        case .refused(let format, let finding):
            let record = VerdictRecord(
                path: path, sha256: sha, format: format.rawValue, encoding: nil, template: nil, agency: nil,
                year: nil, published: nil, verdict: .fail, findings: [.init(finding)])
            return (record, nil)
        case .document(let document, let format, let encoding):
            let assessment = engine.assess(document)
            var report = assessment.report
            if let roster, let agency = report.agency, document.lines.contains(where: { $0.location.contains(OCRReview.scanMarker) }) {
                report.agency = OCRAgencySpelling.corrected(agency, roster: roster)
            }
            let record = VerdictRecord(
                path: path, sha256: sha, format: format.rawValue, encoding: encoding,
                template: report.template?.rawValue, agency: report.agency, year: report.year,
                published: (report.published ?? report.signed)?.iso, verdict: assessment.verdict,
                findings: assessment.findings.map(VerdictRecord.FindingRecord.init), tables: TablesRecord(report))
            return (record, report)
        }
    }

    /// A fail record for a file that could not be read at all (FIFO, too large, vanished …).
    public static func refusal(path: String, code: RuleCode, message: String, sha256: String = "") -> VerdictRecord {
        VerdictRecord(
            path: path, sha256: sha256, format: "unknown", encoding: nil, template: nil, agency: nil, year: nil,
            published: nil, verdict: .fail, findings: [.init(Finding(code, message))])
    }
}
