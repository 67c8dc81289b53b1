import Foundation
import ZIPFoundation

/// Reads `word/document.xml` out of a .docx held in memory, counting inflated
/// bytes as they stream so that a zip bomb is stopped early.
struct DocxArchive {
    let limits: ExtractionLimits

    private struct LimitExceeded: Error {
        let detail: String
    }

    /// The inflated bytes of the main document part.
    func documentXML(from bytes: [UInt8]) throws(ExtractionFailure) -> [UInt8] {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .broken("不是有效的 ZIP 容器")
        }
        var entryCount = 0
        var documentEntry: Entry?
        for entry in archive {
            entryCount += 1
            guard entryCount <= limits.maxZipEntries else { throw .bomb("条目数超过 \(limits.maxZipEntries)") }
            if entry.path == "word/document.xml" { documentEntry = entry }
        }
        guard let entry = documentEntry else { throw .broken("缺少 word/document.xml") }
        let cap = min(limits.maxDocumentXMLBytes, limits.maxTotalInflatedBytes)
        guard entry.uncompressedSize <= UInt64(cap) else {
            throw .bomb("word/document.xml 声明解压后 \(entry.uncompressedSize) 字节，超过上限 \(cap)")
        }
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        let ratioCap = limits.maxCompressionRatio
        var output: [UInt8] = []
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                guard output.count + chunk.count <= cap else {
                    throw LimitExceeded(detail: "word/document.xml 解压后超过 \(cap) 字节")
                }
                output.append(contentsOf: chunk)
                if output.count > 1 << 20, output.count / compressed > ratioCap {
                    throw LimitExceeded(detail: "压缩比超过 \(ratioCap):1")
                }
            }
        } catch let exceeded as LimitExceeded {
            throw .bomb(exceeded.detail)
        } catch {
            throw .broken("word/document.xml 无法解压")
        }
        return output
    }
}
