/// One drop folder's line in the page's 投递目录 section.
public struct DropWatchLine: Sendable, Hashable {
    public var name: String
    public var path: String
    /// "inotify", "poll" or "mixed".
    public var mode: String
    public var pollSeconds: Int
    /// Why this mode (English, from the daemon: "nfs4 file system" …).
    public var reason: String
    /// The share does not answer.
    public var stalled: Bool

    public init(name: String, path: String, mode: String, pollSeconds: Int, reason: String, stalled: Bool) {
        self.name = name
        self.path = path
        self.mode = mode
        self.pollSeconds = pollSeconds
        self.reason = reason
        self.stalled = stalled
    }

    /// The 监视方式 cell's text.
    var modeText: String {
        switch mode {
        case "poll": "每 \(pollSeconds) 秒轮询"
        case "mixed": "inotify，共享挂载点每 \(pollSeconds) 秒轮询"
        default: "inotify 实时监视"
        }
    }
}

/// The page's 投递目录 section: how each drop folder is watched, and the stalled ones.
enum DropWatchTable {
    static func section(_ lines: [DropWatchLine]) -> String {
        guard !lines.isEmpty else { return "" }
        let e = HTMLEscaping.escape
        var html = """
        <h2>投递目录</h2>
        <table class="stack drops">
        <thead><tr><th scope="col">目录</th><th scope="col">路径</th><th scope="col">监视方式</th><th scope="col">状态</th></tr></thead>
        <tbody>

        """
        for line in lines {
            html += #"<tr class="drop\#(line.stalled ? " stalled" : "")">"#
            html += AgencyTable.cell("目录", e(line.name))
            html += AgencyTable.cell("路径", #"<span class="path">\#(e(line.path))</span>"#)
            html += AgencyTable.cell("监视方式", #"<span title="\#(e(line.reason))">\#(e(line.modeText))</span>"#)
            html += AgencyTable.cell("状态", line.stalled ? "共享目录无响应" : "正常") + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
