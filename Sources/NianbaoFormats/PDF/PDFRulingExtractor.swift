import CCairoGlyphGate
import CPoppler

/// Takes a page's ruling segments from its own drawing, with no pixels and no
/// glyph outlines: poppler renders the page through cairo onto an observer
/// surface (over an image of a few pixels standing for the page), and
/// every stroke and fill it draws is read from the cairo context's current path
/// as it happens. Straight strokes and thin filled rectangles are the rules
/// (`RulingPaths`); paths with curves (glyph outlines) and white or
/// transparent paint are not. The page's glyphs are not drawn at all
/// (`CCairoGlyphGate`): looking up and rasterising them was most of the pass.
struct PDFRulingExtractor {
    /// Glyph runs left undrawn by this process's ruling passes so far.
    static var glyphRunsSkipped: UInt { UInt(nianbao_glyph_gate_skipped()) }

    /// Most segments taken from one page.
    var maxSegments = 20_000
    /// Most path elements read from one drawing operation.
    var maxPathElements = 4_000

    /// Collects the rules while poppler draws.
    private final class Collector {
        var context: OpaquePointer?
        var segments: [RulingSegment] = []
        let rules = RulingPaths()
        let maxSegments: Int
        let maxPathElements: Int

        init(maxSegments: Int, maxPathElements: Int) {
            self.maxSegments = maxSegments
            self.maxPathElements = maxPathElements
        }

        func drawn(stroked: Bool) {
            guard let context, segments.count < maxSegments, !invisible(context) else { return }
            guard let path = cairo_copy_path(context) else { return }
            defer { cairo_path_destroy(path) }
            guard path.pointee.status == CAIRO_STATUS_SUCCESS, let data = path.pointee.data,
                  path.pointee.num_data <= maxPathElements * 3 else { return }
            var matrix = cairo_matrix_t()
            cairo_get_matrix(context, &matrix)
            var subpaths: [[(Double, Double)]] = []
            var current: [(Double, Double)] = []
            var index = 0
            let count = Int(path.pointee.num_data)
            while index < count {
                let header = data[index].header
                let length = max(Int(header.length), 1)
                switch header.type {
                case CAIRO_PATH_MOVE_TO, CAIRO_PATH_LINE_TO:
                    guard index + 1 < count else { break }
                    if header.type == CAIRO_PATH_MOVE_TO, current.count >= 2 { subpaths.append(current) }
                    if header.type == CAIRO_PATH_MOVE_TO { current = [] }
                    var x = data[index + 1].point.x
                    var y = data[index + 1].point.y
                    cairo_matrix_transform_point(&matrix, &x, &y)
                    guard x.isFinite, y.isFinite else { return }
                    current.append((x, y))
                case CAIRO_PATH_CLOSE_PATH:
                    if let first = current.first, current.count >= 2 { current.append(first) }
                    if current.count >= 2 { subpaths.append(current) }
                    current = []
                default:
                    return  // a curve: glyph outlines and round shapes are no rules
                }
                index += length
            }
            if current.count >= 2 { subpaths.append(current) }
            let scale = abs(matrix.xx * matrix.yy - matrix.xy * matrix.yx).squareRoot()
            segments += rules.rules(subpaths, stroked: stroked, width: stroked ? cairo_get_line_width(context) * scale : 0)
        }

        /// White or (nearly) transparent paint draws no rule.
        private func invisible(_ context: OpaquePointer) -> Bool {
            guard let source = cairo_get_source(context), cairo_pattern_get_type(source) == CAIRO_PATTERN_TYPE_SOLID else { return false }
            var red = 0.0, green = 0.0, blue = 0.0, alpha = 0.0
            guard cairo_pattern_get_rgba(source, &red, &green, &blue, &alpha) == CAIRO_STATUS_SUCCESS else { return false }
            return alpha < 0.05 || (red >= 0.95 && green >= 0.95 && blue >= 0.95)
        }
    }

    func segments(of page: OpaquePointer, width: Double, height: Double) -> [RulingSegment] {
        let collector = Collector(maxSegments: maxSegments, maxPathElements: maxPathElements)
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        // A few pixels standing for the whole page: every operation reaches the
        // observer, and what the image does with it costs next to nothing.
        let scale = 0.01
        guard width > 0, height > 0,
              let target = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(width * scale) + 2, Int32(height * scale) + 2) else { return [] }
        defer { cairo_surface_destroy(target) }
        guard let observer = cairo_surface_create_observer(target, CAIRO_SURFACE_OBSERVER_NORMAL) else { return [] }
        defer { cairo_surface_destroy(observer) }
        cairo_surface_set_device_scale(observer, scale, scale)
        let stroke: cairo_surface_observer_callback_t = { _, _, data in
            guard let data else { return }
            Unmanaged<Collector>.fromOpaque(data).takeUnretainedValue().drawn(stroked: true)
        }
        let fill: cairo_surface_observer_callback_t = { _, _, data in
            guard let data else { return }
            Unmanaged<Collector>.fromOpaque(data).takeUnretainedValue().drawn(stroked: false)
        }
        guard cairo_surface_observer_add_stroke_callback(observer, stroke, box.toOpaque()) == CAIRO_STATUS_SUCCESS,
              cairo_surface_observer_add_fill_callback(observer, fill, box.toOpaque()) == CAIRO_STATUS_SUCCESS,
              let context = cairo_create(observer) else { return [] }
        collector.context = context
        nianbao_glyph_gate_skip(1)
        poppler_page_render(page, context)
        nianbao_glyph_gate_skip(0)
        collector.context = nil
        cairo_destroy(context)
        return collector.segments
    }
}
