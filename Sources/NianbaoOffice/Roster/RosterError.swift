/// Why a roster file was refused. Every case names the 1-based line and quotes it.
public struct RosterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Sendable, Hashable {
        /// The file holds no header line.
        case empty
        /// The header is not `name,level,folder,aliases` (folder and aliases may be left out).
        case wrongHeader
        /// A quoted field is never closed.
        case unterminatedQuote
        /// The name column is empty.
        case missingName
        /// The level column holds a word the roster does not know.
        case unknownLevel(String)
        /// The level column is empty and the name does not tell the level.
        case missingLevel
        /// The name (or a name that matches it the same way) is already on the roster at `firstLine`.
        case duplicateName(String, firstLine: Int)
        /// An alias is already a name or alias of the entry at `firstLine`.
        case duplicateAlias(String, firstLine: Int)
        /// The line has non-empty fields beyond the header's columns.
        case tooManyFields(Int)
    }

    /// What is wrong.
    public var kind: Kind
    /// The 1-based line of the roster file.
    public var line: Int
    /// The line's text as read (the record, for a quoted field spanning lines).
    public var text: String

    /// An error on a line.
    public init(_ kind: Kind, line: Int, text: String) {
        self.kind = kind
        self.line = line
        self.text = text
    }

    /// One English sentence for the command line and the service log.
    public var description: String {
        let what: String
        switch kind {
        case .empty: return "roster: the file is empty; expected the header line \"name,level,folder,aliases\""
        case .wrongHeader: what = "the header must be \"name,level,folder,aliases\" (folder and aliases may be left out)"
        case .unterminatedQuote: what = "a quoted field is never closed"
        case .missingName: what = "the name is empty"
        case .unknownLevel(let word): what = "unknown level \"\(word)\" (use one of \(RosterLevel.listed))"
        case .missingLevel: what = "the level is empty and cannot be told from the name (use one of \(RosterLevel.listed))"
        case .duplicateName(let name, let first): what = "\"\(name)\" is already on the roster at line \(first)"
        case .duplicateAlias(let alias, let first): what = "the alias \"\(alias)\" is already a name or alias at line \(first)"
        case .tooManyFields(let count): what = "\(count) fields; the roster has at most 4 (name, level, folder, aliases)"
        }
        return "roster line \(line): \(what): \(text)"
    }
}
