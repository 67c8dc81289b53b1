import CPoppler

/// Renders a PDF page to grey pixels through poppler's cairo backend, the red
/// seal removed by colour (`GrayImage.fromRGB`).
struct PageRenderer {
    /// Pixels per inch of the rendering.
    var dpi = 300.0
    /// Most pixels rendered for one page (A4 at 300 dpi is 8.7 million).
    var maxPixels = 16_000_000

    /// Pixels per page point.
    var scale: Double { dpi / 72 }

    func render(_ page: OpaquePointer, width: Double, height: Double) -> GrayImage? {
        var scale = self.scale
        if width * height * scale * scale > Double(maxPixels) { scale = (Double(maxPixels) / (width * height)).squareRoot() }
        let pixelWidth = Int((width * scale).rounded()), pixelHeight = Int((height * scale).rounded())
        guard pixelWidth > 0, pixelHeight > 0,
              let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else { return nil }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        poppler_page_render(page, context)
        cairo_destroy(context)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        return GrayImage.fromRGB(UnsafePointer(data), width: pixelWidth, height: pixelHeight,
                                 stride: Int(cairo_image_surface_get_stride(surface)))
    }
}

extension PageRenderer {
    /// A PDF's page rendered to grey pixels (seal removed), with the page's width in points.
    func page(_ index: Int, of bytes: [UInt8]) -> (image: GrayImage, width: Double)? {
        let gbytes = bytes.withUnsafeBytes { buffer in g_bytes_new(buffer.baseAddress, gsize(buffer.count)) }
        defer { g_bytes_unref(gbytes) }
        guard let document = poppler_document_new_from_bytes(gbytes, nil, nil) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        guard let page = poppler_document_get_page(document, Int32(index)) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        return render(page, width: width, height: height).map { ($0, width) }
    }
}
