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

    /// id/class words that name chrome wherever they occur in a token ("mainnav",
    /// "main-nav", "footer_wrap", "bdsharebuttonbox").
    private static let partWords = [
        "nav", "menu", "footer", "crumb", "copyright", "fenxiang", "share", "sidebar", "toolbar", "topbar", "dayin",
    ]

    /// Class tokens that name chrome only as a whole ("top" is a portal's top bar with its
    /// clock; "article-top" may hold the title; `id="top"` is as often a scroll anchor).
    private static let wholeWords: Set = ["top", "foot", "bottom", "position", "location", "banner", "search", "login"]

    /// Whether the element opened with this name and these attributes is page chrome.
    static func isChrome(_ name: String, _ attributes: [String: String]) -> Bool {
        if elements.contains(name) { return true }
        guard name == "div" || name == "ul" || name == "span" || name == "table" || name == "section" else { return false }
        for key in ["id", "class"] {
            guard let value = attributes[key] else { continue }
            for token in value.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                if key == "class", wholeWords.contains(String(token)) { return true }
                for word in partWords where token.contains(word) { return true }
            }
        }
        return false
    }
}
