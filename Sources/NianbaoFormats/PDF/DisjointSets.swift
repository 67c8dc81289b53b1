/// Union–find over `0..<count`: which ruling lines touch one another (one table),
/// which basic rectangles of a grid form one merged cell.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    /// The representative of `index`'s set (the smallest index joined with it).
    mutating func root(_ index: Int) -> Int {
        var index = index
        while parent[index] != index {
            parent[index] = parent[parent[index]]
            index = parent[index]
        }
        return index
    }

    /// Joins the sets of `a` and `b`.
    mutating func join(_ a: Int, _ b: Int) {
        let ra = root(a)
        let rb = root(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
