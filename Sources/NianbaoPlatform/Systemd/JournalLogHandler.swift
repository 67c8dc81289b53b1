import Logging

/// A swift-log handler writing each entry to the journal as structured fields.
///
/// Every entry carries `MESSAGE`, `PRIORITY` (see ``JournalPriority``),
/// `SYSLOG_IDENTIFIER`, `CODE_FILE`, `CODE_LINE`, `CODE_FUNC` and
/// `NIANBAO_SOURCE` (the swift-log source module). Metadata keys become
/// `NIANBAO_<KEY>` fields (sanitised by ``JournalFieldName``), except the key
/// ``messageIDKey``, whose value becomes the entry's `MESSAGE_ID`:
///
///     logger.info("checked", metadata: [
///         JournalLogHandler.messageIDKey: "\(MessageID.verdictPass.rawValue)",
///         "file": "\(name)",
///     ])
public struct JournalLogHandler: LogHandler {
    /// The metadata key whose value is sent as `MESSAGE_ID` instead of a
    /// `NIANBAO_` field.
    public static let messageIDKey = "message_id"

    /// The prefix of fields made from metadata keys.
    public static let metadataPrefix = "NIANBAO_"

    /// The `SYSLOG_IDENTIFIER` of every entry.
    public let identifier: String
    /// The logger's label (kept for diagnostics; not sent).
    public let label: String
    /// Entries below this level are dropped by `Logger`.
    public var logLevel: Logger.Level = .info
    /// Metadata attached to every entry of this handler.
    public var metadata: Logger.Metadata = [:]
    /// Contextual metadata added to every entry at the time it is logged.
    public var metadataProvider: Logger.MetadataProvider?

    private let writer: JournalWriter

    /// Creates a handler for the logger `label`, tagging entries with `identifier`.
    public init(
        label: String,
        identifier: String = "nianbao",
        metadataProvider: Logger.MetadataProvider? = nil,
        writer: JournalWriter = JournalWriter()
    ) {
        self.label = label
        self.identifier = identifier
        self.metadataProvider = metadataProvider
        self.writer = writer
    }

    /// Gets or sets one metadata value of this handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Sends `event` to the journal. Failures are dropped: logging must not fail.
    public func log(event: LogEvent) {
        try? writer.send(fields: fields(for: event))
    }

    /// The journal fields for `event`, in the order they are sent.
    public func fields(for event: LogEvent) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("MESSAGE", event.message.description),
            ("PRIORITY", String(JournalPriority(event.level).rawValue)),
            ("SYSLOG_IDENTIFIER", identifier),
            ("CODE_FILE", event.file),
            ("CODE_LINE", String(event.line)),
            ("CODE_FUNC", event.function),
            ("NIANBAO_SOURCE", event.source),
        ]
        if let error = event.error {
            fields.append(("NIANBAO_ERROR", String(describing: error)))
        }
        for (key, value) in mergedMetadata(event.metadata).sorted(by: { $0.key < $1.key }) {
            if key == Self.messageIDKey {
                fields.append(("MESSAGE_ID", value.description))
            } else {
                fields.append((JournalFieldName.sanitize(key, prefix: Self.metadataPrefix), value.description))
            }
        }
        return fields
    }

    private func mergedMetadata(_ explicit: Logger.Metadata?) -> Logger.Metadata {
        var merged = metadata
        if let provided = metadataProvider?.get() {
            merged.merge(provided) { _, new in new }
        }
        if let explicit {
            merged.merge(explicit) { _, new in new }
        }
        return merged
    }
}
