import Foundation
import Glibc

/// A stand-in for soffice.bin: a shell script that counts its starts in a file of
/// its own folder and then runs `body`, where `$n` is this start's number (1, 2 …),
/// `$out` the `--outdir` folder (made already) and `$src` the input file. Whatever
/// happens on a start depends only on its number, never on timing.
public struct FakeOffice {
    /// The script, to be given as the converter's executable.
    public let executable: String
    /// The folder holding the script and its start counter.
    public let directory: String

    public init(_ body: String) throws {
        directory = FileManager.default.temporaryDirectory.path + "/nianbao-fake-office-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        executable = directory + "/soffice"
        let script = """
        #!/bin/sh
        n=$(( $(cat '\(directory)/starts' 2>/dev/null || echo 0) + 1 ))
        echo $n > '\(directory)/starts'
        prev=; out=; src=
        for a in "$@"; do [ "$prev" = --outdir ] && out=$a; prev=$a; src=$a; done
        mkdir -p "$out"
        \(body)

        """
        try script.write(toFile: executable, atomically: true, encoding: .utf8)
        chmod(executable, 0o755)
    }

    /// How often the script was started.
    public var starts: Int {
        let text = (try? String(contentsOfFile: directory + "/starts", encoding: .utf8)) ?? ""
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
