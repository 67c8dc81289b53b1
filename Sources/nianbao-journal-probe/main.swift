// nianbao-journal-probe TAG
//
// Sends a fixed set of entries through JournalWriter and JournalLogHandler,
// each tagged NIANBAO_PROBE=TAG, for the journal round-trip test. Exits 1 if a
// send fails, 2 on bad usage.
import Glibc
import Logging
import NianbaoPlatform

guard CommandLine.arguments.count == 2 else {
    print("usage: nianbao-journal-probe TAG")
    exit(2)
}
let tag = CommandLine.arguments[1]

// 1. Raw writer: a file name with a newline, a quote and invalid UTF-8, a
//    value that tries to forge PRIORITY=0, and a key that needs sanitising.
let fileName: [UInt8] = Array("报告\n\"引号\"".utf8) + [0xFF, 0xFE, 0x00, 0x41] + Array(".docx".utf8)
do {
    try JournalWriter().send(fields: [
        ("MESSAGE", Array("probe writer".utf8)),
        ("PRIORITY", Array("4".utf8)),
        ("MESSAGE_ID", Array(MessageID.verdictWarn.rawValue.utf8)),
        ("NIANBAO_PROBE", Array(tag.utf8)),
        ("NIANBAO_FILE", fileName),
        ("NIANBAO_FORGE", Array("x\nPRIORITY=0".utf8)),
        ("bad name-1", Array("sanitised".utf8)),
    ])
} catch {
    print("writer failed: errno \(error.errno)")
    exit(1)
}

// 2. swift-log through JournalLogHandler.
var logger = Logger(label: "probe") { JournalLogHandler(label: $0, identifier: "nianbao") }
logger.logLevel = .info
logger[metadataKey: "probe"] = "\(tag)"
logger.trace("probe trace must not arrive")
logger.error(
    "probe handler \"quoted\"\nsecond line",
    metadata: [
        JournalLogHandler.messageIDKey: "\(MessageID.verdictFail.rawValue)",
        "file": "a\nPRIORITY=0",
        "request-id": "42",
    ]
)
logger.notice("probe notice")
logger.critical("probe critical")
