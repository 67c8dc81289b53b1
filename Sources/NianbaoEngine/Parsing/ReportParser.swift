/// Turns a source document into a `Report`.
struct ReportParser {
    let document: SourceDocument

    func parse() -> Report {
        Report()
    }
}
