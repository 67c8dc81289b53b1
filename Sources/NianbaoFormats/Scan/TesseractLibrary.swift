#if canImport(Glibc)
import Glibc
#endif

/// libtesseract's C API, loaded with dlopen on first use, so that nothing links
/// it: only a reader that meets a scanned page loads it (in the daemon, the
/// bounded PDF reader child, under its seccomp filter), and a host without
/// Tesseract reads every other document and reports scans as unreadable.
final class TesseractLibrary: @unchecked Sendable {
    /// The soname of Debian's libtesseract5 (Tesseract 5).
    static let soname = "libtesseract.so.5"

    /// The library, or nil if it could not be loaded (not installed).
    static let shared: TesseractLibrary? = TesseractLibrary(soname)

    // TessPageSegMode, TessPageIteratorLevel and TessOcrEngineMode values (capi.h).
    static let psmSingleBlock: Int32 = 6
    static let psmSingleLine: Int32 = 7
    static let psmSingleCharacter: Int32 = 10
    static let psmRawLine: Int32 = 13
    static let rilTextLine: Int32 = 2
    static let rilWord: Int32 = 3
    static let oemLSTMOnly: Int32 = 1

    typealias Handle = OpaquePointer
    let create: @convention(c) () -> Handle?
    let delete: @convention(c) (Handle) -> Void
    let end: @convention(c) (Handle) -> Void
    let initialise: @convention(c) (Handle, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32) -> Int32
    let clear: @convention(c) (Handle) -> Void
    let setPageSegMode: @convention(c) (Handle, Int32) -> Void
    let setVariable: @convention(c) (Handle, UnsafePointer<CChar>, UnsafePointer<CChar>) -> Int32
    let setImage: @convention(c) (Handle, UnsafePointer<UInt8>?, Int32, Int32, Int32, Int32) -> Void
    let recognize: @convention(c) (Handle, OpaquePointer?) -> Int32
    let utf8Text: @convention(c) (Handle) -> UnsafeMutablePointer<CChar>?
    let deleteText: @convention(c) (UnsafePointer<CChar>?) -> Void
    let meanTextConf: @convention(c) (Handle) -> Int32
    let iterator: @convention(c) (Handle) -> OpaquePointer?
    let iteratorDelete: @convention(c) (OpaquePointer) -> Void
    let iteratorPage: @convention(c) (OpaquePointer) -> OpaquePointer?
    let iteratorText: @convention(c) (OpaquePointer, Int32) -> UnsafeMutablePointer<CChar>?
    let iteratorConfidence: @convention(c) (OpaquePointer, Int32) -> Float
    let iteratorNext: @convention(c) (OpaquePointer, Int32) -> Int32
    let boundingBox: @convention(c) (OpaquePointer, Int32, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>,
                                     UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>) -> Int32

    /// Loads the library and resolves every function, or nil if any is missing.
    init?(_ soname: String) {
        guard let library = dlopen(soname, RTLD_NOW | RTLD_LOCAL) else { return nil }
        func symbol<T>(_ name: String, _: T.Type) -> T? {
            guard let address = dlsym(library, name) else { return nil }
            return unsafeBitCast(address, to: T.self)
        }
        guard let create = symbol("TessBaseAPICreate", (@convention(c) () -> Handle?).self),
              let delete = symbol("TessBaseAPIDelete", (@convention(c) (Handle) -> Void).self),
              let end = symbol("TessBaseAPIEnd", (@convention(c) (Handle) -> Void).self),
              let initialise = symbol("TessBaseAPIInit2",
                                      (@convention(c) (Handle, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32) -> Int32).self),
              let clear = symbol("TessBaseAPIClear", (@convention(c) (Handle) -> Void).self),
              let setPageSegMode = symbol("TessBaseAPISetPageSegMode", (@convention(c) (Handle, Int32) -> Void).self),
              let setVariable = symbol("TessBaseAPISetVariable",
                                       (@convention(c) (Handle, UnsafePointer<CChar>, UnsafePointer<CChar>) -> Int32).self),
              let setImage = symbol("TessBaseAPISetImage",
                                    (@convention(c) (Handle, UnsafePointer<UInt8>?, Int32, Int32, Int32, Int32) -> Void).self),
              let recognize = symbol("TessBaseAPIRecognize", (@convention(c) (Handle, OpaquePointer?) -> Int32).self),
              let utf8Text = symbol("TessBaseAPIGetUTF8Text", (@convention(c) (Handle) -> UnsafeMutablePointer<CChar>?).self),
              let deleteText = symbol("TessDeleteText", (@convention(c) (UnsafePointer<CChar>?) -> Void).self),
              let meanTextConf = symbol("TessBaseAPIMeanTextConf", (@convention(c) (Handle) -> Int32).self),
              let iterator = symbol("TessBaseAPIGetIterator", (@convention(c) (Handle) -> OpaquePointer?).self),
              let iteratorDelete = symbol("TessResultIteratorDelete", (@convention(c) (OpaquePointer) -> Void).self),
              let iteratorPage = symbol("TessResultIteratorGetPageIterator",
                                        (@convention(c) (OpaquePointer) -> OpaquePointer?).self),
              let iteratorText = symbol("TessResultIteratorGetUTF8Text",
                                        (@convention(c) (OpaquePointer, Int32) -> UnsafeMutablePointer<CChar>?).self),
              let iteratorConfidence = symbol("TessResultIteratorConfidence", (@convention(c) (OpaquePointer, Int32) -> Float).self),
              let iteratorNext = symbol("TessResultIteratorNext", (@convention(c) (OpaquePointer, Int32) -> Int32).self),
              let boundingBox = symbol("TessPageIteratorBoundingBox",
                                       (@convention(c) (OpaquePointer, Int32, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>,
                                                        UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>) -> Int32).self)
        else {
            dlclose(library)
            return nil
        }
        self.create = create
        self.delete = delete
        self.end = end
        self.initialise = initialise
        self.clear = clear
        self.setPageSegMode = setPageSegMode
        self.setVariable = setVariable
        self.setImage = setImage
        self.recognize = recognize
        self.utf8Text = utf8Text
        self.deleteText = deleteText
        self.meanTextConf = meanTextConf
        self.iterator = iterator
        self.iteratorDelete = iteratorDelete
        self.iteratorPage = iteratorPage
        self.iteratorText = iteratorText
        self.iteratorConfidence = iteratorConfidence
        self.iteratorNext = iteratorNext
        self.boundingBox = boundingBox
    }
}
