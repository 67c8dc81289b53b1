import Foundation
import ZIPFoundation
import NianbaoTestSupport

/// Writes minimal WordprocessingML packages in memory, for tests.
enum DocxWriter {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func paragraph(_ text: String) -> String {
        "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr><w:r><w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p>"
    }

    /// Table rows with spans: trailing empty cells become `w:gridSpan`, leading ones `w:vMerge` continuations.
    static func table(_ rows: [[String]]) -> String {
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
        for row in rows {
            xml += "<w:tr>"
            for cell in ReportBlocks.spans(row) {
                var properties = ""
                if cell.span > 1 { properties += "<w:gridSpan w:val=\"\(cell.span)\"/>" }
                if cell.continuation { properties += "<w:vMerge/>" }
                let lines = cell.text.split(separator: "\n", omittingEmptySubsequences: false)
                let paragraphs = lines.map { "<w:p><w:r><w:t>\(escape(String($0)))</w:t></w:r></w:p>" }.joined()
                xml += "<w:tc><w:tcPr>\(properties)</w:tcPr>\(paragraphs.isEmpty ? "<w:p/>" : paragraphs)</w:tc>"
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    static func documentXML(_ blocks: [Block]) -> String {
        var body = ""
        for block in blocks {
            switch block {
            case .paragraph(let text): body += paragraph(text)
            case .table(let rows): body += table(rows) + "<w:p/>"
            }
        }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr/></w:body></w:document>
        """
    }

    static func docx(_ blocks: [Block]) throws -> [UInt8] {
        try package(documentXML: Array(documentXML(blocks).utf8))
    }

    /// A package with content types, relationships and the given main part.
    static func package(documentXML: [UInt8]) throws -> [UInt8] {
        let types = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """
        return try zip([("[Content_Types].xml", Array(types.utf8)), ("word/document.xml", documentXML)])
    }

    static func zip(_ entries: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return Array(archive.data ?? Data())
    }
}
