/// Finds likely typos: the closest candidate by edit distance, if it is close enough.
public enum EditDistance {
    /// The candidate nearest to `word`, when at most a third of its characters (and at least one) differ.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        nearest(to: word, in: candidates, within: max(1, word.count / 3))
    }

    /// The candidate nearest to `word` (the first of those equally near), if one is at most `limit` edits away.
    public static func nearest(to word: String, in candidates: [String], within limit: Int) -> String? {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let d = distance(word, candidate)
            if d <= limit, d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        return best?.candidate
    }

    /// The optimal-string-alignment distance between two strings: insertions, deletions, substitutions
    /// and swaps of two adjacent characters each cost 1 (so `Bleu` is 1 from `Blue`); case is ignored.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
