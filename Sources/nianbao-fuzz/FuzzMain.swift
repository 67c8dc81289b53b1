import NianbaoFormats
#if canImport(Glibc)
import Glibc
#endif

// libFuzzer targets for the readers and the engine. Built for fuzzing with
//   swift build --product nianbao-fuzz --scratch-path .build-fuzz \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
// and run as `NIANBAO_FUZZ_TARGET=engine .build-fuzz/debug/nianbao-fuzz CORPUS`
// (scripts/fuzz.sh). Built normally, it replays files: `nianbao-fuzz TARGET FILE...`.

/// The target chosen by NIANBAO_FUZZ_TARGET, read once.
nonisolated(unsafe) private var fuzzTarget: String?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if fuzzTarget == nil {
        fuzzTarget = getenv("NIANBAO_FUZZ_TARGET").map { String(cString: $0) } ?? "engine"
    }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzEntry.run(fuzzTarget ?? "engine", bytes)
    return 0
}

#if FUZZING
/// libFuzzer's driver (SwiftPM names the executable's entry point itself, so the
/// driver is started from here rather than from libFuzzer's own main).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif

@main
struct FuzzMain {
    static func main() {
        #if FUZZING
        var argc = CInt(CommandLine.argc)
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
        #else
        replay()
        #endif
    }

    /// `nianbao-fuzz TARGET FILE...`: runs the target on each file (a crash reproducer, a corpus).
    static func replay() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let target = arguments.first, FuzzEntry.targets.contains(target) else {
            print("usage: nianbao-fuzz \(FuzzEntry.targets.joined(separator: "|")) FILE...")
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let file = fopen(path, "rb") else { continue }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = fread(&buffer, 1, buffer.count, file)
                if n <= 0 { break }
                bytes.append(contentsOf: buffer[0..<n])
            }
            fclose(file)
            print("\(path): \(FuzzEntry.run(target, bytes)) findings")
        }
    }
}
