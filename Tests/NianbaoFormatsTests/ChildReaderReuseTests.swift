import Foundation
import Glibc
import NianbaoDaemon
import NianbaoEngine
import NianbaoFormats
import NianbaoPlatform
import Synchronization
import Testing
import NianbaoTestSupport

/// `ChildPDFReader` with real `nianbao extract-child pdf --serve` children (the
/// debug build next to the test bundle): children are reused across documents,
/// and a timeout, a crash or a child that died idle costs at most that one document.
@Suite("Formats: reused PDF reader children", .serialized, .timeLimit(.minutes(5)), .offPool)
struct ChildReaderReuseTests {
    static let binary: URL? = FileManager.default.isExecutableFile(atPath: Binaries.nianbao) ? URL(fileURLWithPath: Binaries.nianbao) : nil
    /// Under CI the built CLI must be there: the tests run, they do not skip.
    static let runnable = binary != nil || ProcessInfo.processInfo.environment["CI"] == "true"

    /// The PDFs under Tests/Fixtures (office exports, a synthetic one, real published ones).
    static let pdfs: [[UInt8]] = ["office/hongze-2024.pdf", "office/jiangbei-transport-2023.pdf",
                                  "office/jiangnan-market-2024.pdf", "formats/clean-2021.pdf",
                                  "real-pdfs/huaian_hongze_2024.pdf"].compactMap { try? Fixtures.bytes($0) }

    /// What poppler gives for `pdf` in this process: what the child must send back.
    static func expected(_ pdf: [UInt8]) -> IsolatedReading {
        DocumentExtractor(legacy: nil).readInProcess(pdf, format: .pdf)
    }

    static func reader(timeout: Int = 20, cpuSeconds: Int = 10,
                       reuse: ChildPDFReader.Reuse = ChildPDFReader.Reuse()) throws -> ChildPDFReader {
        let binary = try #require(binary, "nianbao not built next to the test bundle")
        let limits = BoundedProcess.Limits(cpuSeconds: cpuSeconds, addressSpaceBytes: 512 << 20, fileSizeBytes: 0,
                                           timeout: .seconds(timeout))
        return ChildPDFReader(executable: binary.path, limits: limits, reuse: reuse)
    }

    static func hostile(_ name: String) throws -> [UInt8] { try Fixtures.bytes("hostile/" + name) }

    /// Reads `bytes` on another thread; the result arrives in the returned box.
    static func readInBackground(_ reader: ChildPDFReader, _ bytes: [UInt8]) -> ResultBox {
        let box = ResultBox()
        Thread.detachNewThread { box.set(reader.read(bytes, format: .pdf)) }
        return box
    }

    /// Whether `pid` is gone or a zombie (killed, not yet reaped by its parent).
    static func hasEnded(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }

    static func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }

    @Test(.enabled(if: runnable)) func manyPDFsAreReadByOneChild() throws {
        #expect(Self.pdfs.count == 5)
        let reader = try Self.reader()
        var pids: Set<pid_t> = []
        for round in 0..<3 {
            for pdf in Self.pdfs {
                let reading = reader.read(pdf, format: .pdf)
                #expect(reading == Self.expected(pdf), "round \(round)")
                pids.formUnion(reader.childProcessIDs)
            }
        }
        guard case .lines(let lines, _) = reader.read(Self.pdfs[0], format: .pdf) else { Issue.record("no lines"); return }
        #expect(lines.count > 50)
        #expect(reader.childrenStarted == 1)
        #expect(pids.count == 1, "children seen: \(pids)")
    }

    @Test(.enabled(if: runnable)) func aChildIsRetiredAfterItsDocuments() throws {
        let reader = try Self.reader(reuse: .init(documentsPerChild: 3))
        for index in 0..<7 {
            let pdf = Self.pdfs[index % Self.pdfs.count]
            #expect(reader.read(pdf, format: .pdf) == Self.expected(pdf))
        }
        #expect(reader.childrenStarted == 3)
        #expect(reader.childProcessIDs.count == 1)
    }

    @Test(.enabled(if: runnable)) func aSlowPDFTimesOutAndTheNextPDFReadsInAFreshChild() throws {
        let reader = try Self.reader(timeout: 2)
        #expect(reader.read(Self.pdfs[1], format: .pdf) == Self.expected(Self.pdfs[1]))
        let first = try #require(reader.childProcessIDs.first)
        let start = Date()
        let reading = reader.read(try Self.hostile("slow-20pages.pdf"), format: .pdf)
        let elapsed = Date().timeIntervalSince(start)
        guard case .refused(let finding) = reading else { Issue.record("slow PDF was read: \(reading)"); return }
        #expect(finding.code == .inputTimeout)
        #expect(finding.message.contains("超时"), "\(finding.message)")
        #expect(elapsed >= 2 && elapsed < 3.5, "timed out after \(elapsed) s (budget 2 s)")
        #expect(Self.hasEnded(first), "the late child \(first) was not killed")
        #expect(reader.childProcessIDs.isEmpty)
        for pdf in Self.pdfs { #expect(reader.read(pdf, format: .pdf) == Self.expected(pdf)) }
        #expect(reader.childrenStarted == 2)
    }

    @Test(.enabled(if: runnable)) func aChildKilledMidDocumentFailsOnlyThatDocument() throws {
        let reader = try Self.reader()
        #expect(reader.read(Self.pdfs[0], format: .pdf) == Self.expected(Self.pdfs[0]))
        let child = try #require(reader.childProcessIDs.first)
        let pending = Self.readInBackground(reader, try Self.hostile("slow-20pages.pdf"))
        Thread.sleep(forTimeInterval: 0.5)
        #expect(pending.value == nil, "the slow PDF finished early")
        #expect(reader.childProcessIDs == [child], "the slow PDF went to another child")
        kill(child, SIGKILL)
        #expect(Self.waitUntil(seconds: 5) { pending.value != nil })
        guard case .refused(let finding) = pending.value else { Issue.record("\(String(describing: pending.value))"); return }
        #expect(finding.code == .parserCrashed)
        #expect(finding.message.contains("信号 9"), "\(finding.message)")
        for pdf in Self.pdfs { #expect(reader.read(pdf, format: .pdf) == Self.expected(pdf)) }
        #expect(reader.childrenStarted == 2)
    }

    @Test(.enabled(if: runnable)) func aChildThatDiedIdleIsReplacedWithoutBlamingTheDocument() throws {
        let reader = try Self.reader()
        #expect(reader.read(Self.pdfs[2], format: .pdf) == Self.expected(Self.pdfs[2]))
        let child = try #require(reader.childProcessIDs.first)
        kill(child, SIGKILL)
        #expect(Self.waitUntil(seconds: 5) { Self.hasEnded(child) })
        #expect(reader.read(Self.pdfs[3], format: .pdf) == Self.expected(Self.pdfs[3]))
        #expect(reader.childrenStarted == 2)
        #expect(!reader.childProcessIDs.contains(child))
    }

    @Test(.enabled(if: runnable)) func twoCallersReadTwentyPDFsEachCorrectly() throws {
        let reader = try Self.reader()
        let expected = Self.pdfs.map(Self.expected)
        let failures = Mutex(0)
        let done = DispatchGroup()
        for caller in 0..<2 {
            done.enter()
            Thread.detachNewThread {
                for index in 0..<20 {
                    let which = (index + caller) % Self.pdfs.count
                    if reader.read(Self.pdfs[which], format: .pdf) != expected[which] { failures.withLock { $0 += 1 } }
                }
                done.leave()
            }
        }
        #expect(done.wait(timeout: .now() + 90) == .success)
        #expect(failures.withLock { $0 } == 0)
        #expect((1...2).contains(reader.childrenStarted), "\(reader.childrenStarted) children for 2 callers")
    }

    @Test(.enabled(if: runnable)) func idleChildrenAreStopped() throws {
        // Ordered on the pool's own record, not on the clock: the child may already be
        // gone when the read returns on a loaded machine (300 ms is short).
        let reader = try Self.reader(reuse: .init(idleTimeout: .milliseconds(300)))
        #expect(reader.read(Self.pdfs[0], format: .pdf) == Self.expected(Self.pdfs[0]))
        #expect(reader.childrenStarted == 1)
        // The pool records a child once it has stopped and reaped it.
        #expect(Self.waitUntil(seconds: 60) { !reader.idleStoppedProcessIDs.isEmpty })
        #expect(reader.childProcessIDs.isEmpty)
        let child = try #require(reader.idleStoppedProcessIDs.first)
        #expect(reader.idleStoppedProcessIDs.count == 1)
        #expect(kill(child, 0) == -1 && errno == ESRCH, "the idle child \(child) was not reaped")
        #expect(reader.read(Self.pdfs[0], format: .pdf) == Self.expected(Self.pdfs[0]))
        #expect(reader.childrenStarted == 2)
    }

    /// Each document has its own CPU budget in a reused child: the child reads well past
    /// one budget in all, and a document that overruns its own still gets SIGXCPU.
    @Test(.enabled(if: runnable)) func everyDocumentHasItsOwnCPUBudget() throws {
        let reader = try Self.reader(timeout: 30, cpuSeconds: 1, reuse: .init(documentsPerChild: 1000))
        #expect(reader.read(Self.pdfs[0], format: .pdf) == Self.expected(Self.pdfs[0]))
        let child = try #require(reader.childProcessIDs.first)
        var documents = 1
        while Self.cpuSeconds(child) < 1.5 && documents < 2000 {
            let pdf = Self.pdfs[documents % Self.pdfs.count]
            guard reader.read(pdf, format: .pdf) == Self.expected(pdf) else { Issue.record("document \(documents)"); return }
            documents += 1
        }
        #expect(Self.cpuSeconds(child) >= 1.5, "\(documents) documents")
        #expect(reader.childrenStarted == 1)
        let start = Date()
        guard case .refused(let finding) = reader.read(try Self.hostile("slow-20pages.pdf"), format: .pdf) else {
            Issue.record("slow PDF was read"); return
        }
        #expect(finding.code == .inputTimeout)
        #expect(finding.message.contains("CPU"), "\(finding.message)")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    /// User plus system CPU seconds of `pid`, from /proc.
    static func cpuSeconds(_ pid: pid_t) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return 0 }
        let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

/// A value set once by another thread.
final class ResultBox: Sendable {
    private let storage = Mutex<IsolatedReading?>(nil)
    var value: IsolatedReading? { storage.withLock { $0 } }
    func set(_ value: IsolatedReading) { storage.withLock { $0 = value } }
}
