import NianbaoEngine

/// A reporting year across a province's sites, each site with its own roster: every
/// site's year status (as that site computed it, `<status>/years/<year>.json`) side by
/// side, with the province's totals.
///
/// JSON: `year`, `expected`, `submitted` (sums), `missing`, `failing` (`site`, `name`
/// each), `sites` (`site` and `status`, the site's `status --year --json` object).
public struct SitesYearStatus: Sendable, Hashable, Encodable {
    /// One site's year.
    public struct SiteYear: Sendable, Hashable, Encodable {
        /// The site's name.
        public var site: String
        /// Its year status.
        public var status: YearStatus

        /// A site's year.
        public init(site: String, status: YearStatus) {
            self.site = site
            self.status = status
        }
    }

    /// An agency of one site.
    public struct SiteAgency: Sendable, Hashable, Encodable {
        /// The site's name.
        public var site: String
        /// The agency's roster name.
        public var name: String
    }

    /// The report year.
    public var year: Int
    /// The sites, in the order given.
    public var sites: [SiteYear]

    /// A province's year from its sites' years.
    public init(year: Int, sites: [SiteYear]) {
        self.year = year
        self.sites = sites
    }

    /// Agencies expected, over all sites.
    public var expected: Int { sites.reduce(0) { $0 + $1.status.expected } }
    /// Agencies that submitted, over all sites.
    public var submitted: Int { sites.reduce(0) { $0 + $1.status.submitted } }
    /// Missing agencies, site by site.
    public var missing: [SiteAgency] { sites.flatMap { site in site.status.missing.map { SiteAgency(site: site.site, name: $0) } } }
    /// Failing agencies, site by site.
    public var failing: [SiteAgency] { sites.flatMap { site in site.status.failing.map { SiteAgency(site: site.site, name: $0) } } }

    /// "2024 年度（2 个站点）：应报 9 · 已报 6 · 未报 3 · 不合格 1".
    public var headline: String {
        "\(year) 年度（\(sites.count) 个站点）：应报 \(expected) · 已报 \(submitted) · 未报 \(missing.count) · 不合格 \(failing.count)"
    }

    /// The headline, then each site's text (`YearStatus.text`) under 【site】.
    public var text: String {
        var lines = [headline]
        for site in sites {
            lines.append("【\(YearStatus.field(site.site))】" + site.status.text)
        }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case year, expected, submitted, missing, failing, sites
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(expected, forKey: .expected)
        try c.encode(submitted, forKey: .submitted)
        try c.encode(missing, forKey: .missing)
        try c.encode(failing, forKey: .failing)
        try c.encode(sites, forKey: .sites)
    }
}

extension SitesYearStatus {
    /// The province's year as pretty-printed JSON with sorted keys (`OfficeJSON`).
    public func json() throws -> String { try OfficeJSON.text(self) }
}
