/// Groups of indices joined pair by pair (union-find with path halving): rules that touch, grid
/// positions with no rule between them.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    /// The representative of the group holding `index`.
    mutating func find(_ index: Int) -> Int {
        var index = index
        while parent[index] != index {
            parent[index] = parent[parent[index]]
            index = parent[index]
        }
        return index
    }

    /// Puts `a` and `b` in one group.
    mutating func join(_ a: Int, _ b: Int) {
        let (rootA, rootB) = (find(a), find(b))
        if rootA != rootB { parent[rootB] = rootA }
    }
}
