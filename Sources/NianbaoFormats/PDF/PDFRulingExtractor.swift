import CPoppler

/// Takes a page's ruling segments from its own drawing: poppler renders the
/// page through cairo onto an SVG surface held in memory, and the straight
/// strokes and thin filled rectangles of that SVG are the rules
/// (`SVGRulingParser`). No pixels are rendered.
struct PDFRulingExtractor {
    /// Most bytes of SVG accepted for one page; a larger page yields no rules.
    var maxSVGBytes = 48 << 20

    /// Collects cairo's output, refusing more than `limit` bytes.
    private final class Buffer {
        var bytes: [UInt8] = []
        var overflowed = false
        let limit: Int

        init(limit: Int) { self.limit = limit }
    }

    func segments(of page: OpaquePointer, width: Double, height: Double) -> [RulingSegment] {
        let buffer = Buffer(limit: maxSVGBytes)
        let closure = Unmanaged.passRetained(buffer)
        defer { closure.release() }
        let write: cairo_write_func_t = { context, data, length in
            guard let context, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let buffer = Unmanaged<Buffer>.fromOpaque(context).takeUnretainedValue()
            guard !buffer.overflowed, buffer.bytes.count + Int(length) <= buffer.limit else {
                buffer.overflowed = true
                return CAIRO_STATUS_WRITE_ERROR
            }
            buffer.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        guard width > 0, height > 0, width < 20_000, height < 20_000,
              let surface = cairo_svg_surface_create_for_stream(write, closure.toOpaque(), width, height) else { return [] }
        guard let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            return []
        }
        poppler_page_render(page, context)
        cairo_destroy(context)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        guard !buffer.overflowed else { return [] }
        return SVGRulingParser().segments(buffer.bytes)
    }
}
