/// The page's inline SVG pictures. Only numbers and fixed Chinese labels go into
/// them; nothing from a file or report.
enum DashboardCharts {
    static let passColour = "#2e7d32"
    static let warnColour = "#e0a100"
    static let failColour = "#c62828"
    static let refusedColour = "#6a1b9a"
    static let missingColour = "#c9ced6"
    static let emptyColour = "#eceff3"

    /// A horizontal stacked bar, full width, with a `<title>` per segment.
    static func stackedBar(_ segments: [(label: String, count: Int, colour: String)], marker: Double? = nil, markerLabel: String = "") -> String {
        let total = segments.reduce(0) { $0 + $1.count }
        var svg = #"<svg class="bar" viewBox="0 0 1000 20" preserveAspectRatio="none" role="img" aria-label=""#
        svg += HTMLEscaping.escape(segments.map { "\($0.label) \($0.count)" }.joined(separator: "，")) + #"">"#
        svg += #"<rect x="0" y="0" width="1000" height="20" fill="\#(emptyColour)"/>"#
        var x = 0.0
        if total > 0 {
            for segment in segments where segment.count > 0 {
                let width = 1000.0 * Double(segment.count) / Double(total)
                svg += #"<rect x="\#(number(x))" y="0" width="\#(number(width))" height="20" fill="\#(segment.colour)">"#
                svg += "<title>\(HTMLEscaping.escape(segment.label)) \(segment.count)</title></rect>"
                x += width
            }
        }
        if let marker {
            let at = number(min(998, max(2, 1000 * marker)))
            svg += ##"<rect x="\##(at)" y="0" width="4" height="20" fill="#1a1a1a"><title>\##(HTMLEscaping.escape(markerLabel))</title></rect>"##
        }
        return svg + "</svg>"
    }

    /// A ring chart of segments (circumference 100 units), with two short lines of text in the middle.
    static func donut(_ segments: [(label: String, count: Int, colour: String)], centre: String, caption: String) -> String {
        let total = segments.reduce(0) { $0 + $1.count }
        var svg = #"<svg class="donut" viewBox="0 0 42 42" role="img" aria-label=""#
        svg += HTMLEscaping.escape(segments.map { "\($0.label) \($0.count)" }.joined(separator: "，")) + #"">"#
        svg += #"<circle cx="21" cy="21" r="15.9155" fill="none" stroke="\#(emptyColour)" stroke-width="5"/>"#
        var done = 0.0
        if total > 0 {
            for segment in segments where segment.count > 0 {
                let share = 100 * Double(segment.count) / Double(total)
                svg += #"<circle cx="21" cy="21" r="15.9155" fill="none" stroke="\#(segment.colour)" stroke-width="5" "#
                svg += #"stroke-dasharray="\#(number(share)) \#(number(100 - share))" stroke-dashoffset="\#(number(25 - done))">"#
                svg += "<title>\(HTMLEscaping.escape(segment.label)) \(segment.count)</title></circle>"
                done += share
            }
        }
        svg += #"<text x="21" y="21" text-anchor="middle" class="donut-number">\#(HTMLEscaping.escape(centre))</text>"#
        svg += #"<text x="21" y="27" text-anchor="middle" class="donut-caption">\#(HTMLEscaping.escape(caption))</text>"#
        return svg + "</svg>"
    }

    /// A coordinate with at most two decimals.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
