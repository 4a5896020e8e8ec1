import Foundation

/// `count` consecutive days as YYYY-MM-DD, the first being `year`-01-01 (for inputs of many stays).
public func consecutiveDays(fromNewYearOf year: Int, count: Int) -> [String] {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    let first = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: .gmt, year: year, month: 1, day: 1))!
    return (0..<count).map { formatter.string(from: first.addingTimeInterval(Double($0) * 86_400)) }
}
