/// An 8-bit grey image, row-major, 0 black … 255 white.
struct GrayImage: Sendable {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    init(width: Int, height: Int, fill: UInt8 = 255) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: fill, count: width * height))
    }

    subscript(x: Int, y: Int) -> UInt8 {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// Grey from 32-bit xRGB pixels (cairo's ARGB32, little-endian B G R A), with
    /// the red seal removed: the grey is the red channel, in which a red seal is as
    /// light as paper while black (or blue) ink, under the seal too, stays dark.
    static func fromRGB(_ data: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) -> GrayImage {
        var image = GrayImage(width: width, height: height)
        image.pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let row = data + y * stride
                for x in 0..<width { out[y * width + x] = row[4 * x + 2] }
            }
        }
        return image
    }

    /// The part of the image inside a rectangle (clamped), padded with white by `margin` pixels.
    func crop(x0: Int, y0: Int, x1: Int, y1: Int, margin: Int = 0) -> GrayImage {
        let left = max(0, x0), top = max(0, y0), right = min(width, x1), bottom = min(height, y1)
        guard right > left, bottom > top else { return GrayImage(width: 1, height: 1) }
        var out = GrayImage(width: right - left + 2 * margin, height: bottom - top + 2 * margin)
        for y in top..<bottom {
            for x in left..<right { out[x - left + margin, y - top + margin] = self[x, y] }
        }
        return out
    }

    /// Black and white: below `threshold` black.
    func binarised(_ threshold: UInt8) -> GrayImage {
        GrayImage(width: width, height: height, pixels: pixels.map { $0 < threshold ? 0 : 255 })
    }

    /// The threshold that best splits the image's greys into ink and paper (Otsu's method).
    func otsuThreshold() -> UInt8 {
        var histogram = [Int](repeating: 0, count: 256)
        for pixel in pixels { histogram[Int(pixel)] += 1 }
        let total = Double(pixels.count)
        let sum = histogram.indices.reduce(0.0) { $0 + Double($1 * histogram[$1]) }
        var below = 0.0, belowSum = 0.0, best = (threshold: 128, variance: -1.0)
        for level in 0..<256 {
            below += Double(histogram[level])
            belowSum += Double(level * histogram[level])
            guard below > 0, below < total else { continue }
            let meanBelow = belowSum / below, meanAbove = (sum - belowSum) / (total - below)
            let variance = below * (total - below) * (meanBelow - meanAbove) * (meanBelow - meanAbove)
            if variance > best.variance { best = (level + 1, variance) }
        }
        return UInt8(min(best.threshold, 255))
    }

    /// Scaled by an integer factor (nearest neighbour), for small digits.
    func scaled(_ factor: Int) -> GrayImage {
        guard factor > 1 else { return self }
        var out = GrayImage(width: width * factor, height: height * factor)
        for y in 0..<out.height {
            for x in 0..<out.width { out[x, y] = self[x / factor, y / factor] }
        }
        return out
    }

    /// Rotated by `radians` about the centre (nearest neighbour, white outside).
    func rotated(_ radians: Double) -> GrayImage {
        guard abs(radians) > 0.0005 else { return self }
        var out = GrayImage(width: width, height: height)
        let c = cos(radians), s = sin(radians)
        let cx = Double(width) / 2, cy = Double(height) / 2
        pixels.withUnsafeBufferPointer { source in
            out.pixels.withUnsafeMutableBufferPointer { target in
                for y in 0..<height {
                    let dy = Double(y) - cy
                    for x in 0..<width {
                        let dx = Double(x) - cx
                        let sx = Int((c * dx - s * dy + cx).rounded())
                        let sy = Int((s * dx + c * dy + cy).rounded())
                        if sx >= 0, sx < width, sy >= 0, sy < height { target[y * width + x] = source[sy * width + sx] }
                    }
                }
            }
        }
        return out
    }

    /// The bounding box of pixels darker than `threshold` inside a rectangle, if any.
    func inkBox(x0: Int, y0: Int, x1: Int, y1: Int, threshold: UInt8) -> (x0: Int, y0: Int, x1: Int, y1: Int)? {
        var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
        for y in max(0, y0)..<min(height, y1) {
            for x in max(0, x0)..<min(width, x1) where self[x, y] < threshold {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        return maxX < 0 ? nil : (minX, minY, maxX + 1, maxY + 1)
    }
}

#if canImport(Glibc)
import Glibc
#endif

