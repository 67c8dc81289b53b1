/// Which elements of a page saved from a government portal (TRS WCM, Hanweb jcms and
/// similar templates) are chrome rather than the report: navigation, the page header with
/// its clock, the footer, breadcrumbs, share and print bars.
///
/// Judged by element name and by the words of its `id` and `class` (`class="nav"`,
/// `id="footer"`, `class="top-bar"`), never by text: a report's own text is never dropped
/// because of what it says.
enum PortalChrome {
    /// `<header>` is not among them: an article's own header holds the report's title.
    private static let elements: Set = ["nav", "footer", "select", "button", "iframe"]

    /// id/class words that name chrome wherever they occur in a token, or as a token's
    /// dash/underscore-separated part ("main-nav", "footer_wrap").
    private static let partWords: Set = [
        "nav", "navbar", "navigation", "menu", "footer", "crumb", "crumbs", "breadcrumb", "copyright", "fenxiang",
        "share", "sidebar", "toolbar", "topbar",
    ]

    /// id/class tokens that name chrome only as a whole ("top" is a portal's top bar with
    /// its clock; "article-top" may hold the title).
    private static let wholeWords: Set = ["top", "foot", "bottom", "position", "location", "banner", "search", "login"]

    /// Whether the element opened with this name and these attributes is page chrome.
    static func isChrome(_ name: String, _ attributes: [String: String]) -> Bool {
        if elements.contains(name) { return true }
        guard name == "div" || name == "ul" || name == "span" || name == "table" || name == "section" || name == "p" else { return false }
        for key in ["id", "class"] {
            guard let value = attributes[key] else { continue }
            for token in value.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                if wholeWords.contains(String(token)) || partWords.contains(String(token)) { return true }
                for part in token.split(whereSeparator: { $0 == "-" || $0 == "_" }) where partWords.contains(String(part)) {
                    return true
                }
            }
        }
        return false
    }
}
