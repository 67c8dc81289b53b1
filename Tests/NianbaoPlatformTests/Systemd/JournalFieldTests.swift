import Glibc
import Logging
@testable import NianbaoPlatform
import Testing
import NianbaoTestSupport

extension Systemd {
    struct JournalFieldNameTests {
        @Test(arguments: [
            ("request-id", "NIANBAO_", "NIANBAO_REQUEST_ID"),
            ("MESSAGE", "", "MESSAGE"),
            ("_PID", "", "PID"),
            ("__x", "", "X"),
            ("9lives", "", "F9LIVES"),
            ("文件名", "", "FIELD"),
            ("", "", "FIELD"),
            ("file name.ext", "", "FILE_NAME_EXT"),
            ("a=b\nc", "", "A_B_C"),
        ])
        func sanitises(key: String, prefix: String, expected: String) {
            let name = JournalFieldName.sanitize(key, prefix: prefix)
            #expect(name == expected)
            #expect(JournalFieldName.isValid(name))
        }

        @Test func cutsAtSixtyFourCharacters() {
            let name = JournalFieldName.sanitize(String(repeating: "k", count: 100), prefix: "NIANBAO_")
            #expect(name.utf8.count == 64)
            #expect(name.hasPrefix("NIANBAO_KKK"))
            #expect(JournalFieldName.isValid(name))
        }

        @Test func validity() {
            #expect(JournalFieldName.isValid("CODE_LINE"))
            #expect(!JournalFieldName.isValid("_TRUSTED"))
            #expect(!JournalFieldName.isValid("1ABC"))
            #expect(!JournalFieldName.isValid("lower"))
            #expect(!JournalFieldName.isValid(""))
            #expect(!JournalFieldName.isValid(String(repeating: "A", count: 65)))
        }
    }
}

extension Systemd {
    struct JournalPriorityTests {
        @Test func mapsSwiftLogLevelsToSyslog() {
            let expected: [(Logger.Level, Int)] = [
                (.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
            ]
            for (level, priority) in expected {
                #expect(JournalPriority(level).rawValue == priority, "\(level)")
            }
        }
    }
}

extension Systemd {
    struct MessageIDTests {
        @Test func idsAreDistinct128BitHex() {
            let ids = MessageID.allCases.map(\.rawValue)
            #expect(Set(ids).count == ids.count)
            for id in ids {
                #expect(id.utf8.count == 32)
                #expect(id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
            }
        }
    }
}

extension Systemd {
    struct JournalLogHandlerFieldTests {
        @Test func buildsStructuredFields() throws {
            var handler = JournalLogHandler(label: "t", identifier: "nianbao")
            handler[metadataKey: "drop folder"] = "/srv/nianbao/drop"
            let event = LogEvent(
                level: .warning,
                message: "问题",
                metadata: [JournalLogHandler.messageIDKey: "\(MessageID.verdictWarn.rawValue)", "n": "1"],
                source: "Tests",
                file: "Tests/x.swift",
                function: "f()",
                line: 12
            )
            let fields = handler.fields(for: event)
            let map = Dictionary(fields, uniquingKeysWith: { first, _ in first })
            #expect(map["MESSAGE"] == "问题")
            #expect(map["PRIORITY"] == "4")
            #expect(map["SYSLOG_IDENTIFIER"] == "nianbao")
            #expect(map["CODE_FILE"] == "Tests/x.swift")
            #expect(map["CODE_LINE"] == "12")
            #expect(map["CODE_FUNC"] == "f()")
            #expect(map["MESSAGE_ID"] == MessageID.verdictWarn.rawValue)
            #expect(map["NIANBAO_DROP_FOLDER"] == "/srv/nianbao/drop")
            #expect(map["NIANBAO_N"] == "1")
            #expect(fields.allSatisfy { JournalFieldName.isValid($0.0) })
        }
    }
}

extension Systemd {
    struct JournalEnvironmentTests {
        @Test func journalStreamMatchesTheRightDescriptorOnly() throws {
            let path = "/tmp/nianbao-stream-\(getpid())"
            let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
            try #require(fd >= 0)
            defer { close(fd); unlink(path) }
            var info = stat()
            try #require(fstat(fd, &info) == 0)
            #expect(JournalWriter.streamMatches("\(info.st_dev):\(info.st_ino)", descriptor: fd))
            #expect(!JournalWriter.streamMatches("\(info.st_dev):\(info.st_ino + 1)", descriptor: fd))
            #expect(!JournalWriter.streamMatches("garbage", descriptor: fd))
            #expect(!JournalWriter.streamMatches("\(info.st_dev):\(info.st_ino)", descriptor: -1))
        }
    }
}
