extension GrayImage {
    /// The image with specks removed: every group of touching pixels darker than
    /// `threshold` (8-connected) of at most `maxArea` pixels becomes white, with the
    /// lighter grey around it. Scanner dust and noise go; a decimal point (about 25
    /// pixels at 300 dpi), a comma or a stroke stays.
    func despeckled(threshold: UInt8 = 170, maxArea: Int = 10) -> GrayImage {
        var out = self
        let width = self.width, height = self.height
        var visited = [Bool](repeating: false, count: pixels.count)
        var stack: [Int] = []
        var component: [Int] = []
        out.pixels.withUnsafeMutableBufferPointer { pixels in
            for start in 0..<pixels.count where !visited[start] && pixels[start] < threshold {
                visited[start] = true
                stack.append(start)
                component.removeAll(keepingCapacity: true)
                while let index = stack.popLast() {
                    // Only the first maxArea + 1 pixels are kept: enough to know the group is no speck.
                    if component.count <= maxArea { component.append(index) }
                    let x = index % width, y = index / width
                    for dy in -1...1 {
                        let ny = y + dy
                        guard ny >= 0, ny < height else { continue }
                        for dx in -1...1 {
                            let nx = x + dx
                            guard nx >= 0, nx < width else { continue }
                            let neighbour = ny * width + nx
                            if !visited[neighbour], pixels[neighbour] < threshold {
                                visited[neighbour] = true
                                stack.append(neighbour)
                            }
                        }
                    }
                }
                guard component.count <= maxArea else { continue }
                for index in component {
                    let x = index % width, y = index / width
                    for ny in max(0, y - 1)...min(height - 1, y + 1) {
                        for nx in max(0, x - 1)...min(width - 1, x + 1) { pixels[ny * width + nx] = 255 }
                    }
                }
            }
        }
        return out
    }
}
