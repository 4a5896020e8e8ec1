import BookingCore

/// ` (did you mean 'X'?)` for the nearest known word, or nothing.
enum EditDistanceHint {
    static func suggestion(for word: String, among candidates: [String]) -> String {
        guard let nearest = EditDistance.nearest(to: word, in: candidates) else { return "" }
        return " (did you mean '\(nearest)'?)"
    }
}
