import Foundation
import HotelTestSupport
import Testing

/// `hotel occupancy` in its three formats, on the sample store.
struct OccupancyCommandTests {
    let sandbox = Sandbox()

    var hotel: HotelProcess {
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_NOW"] = "2024-05-08T16:00:00Z"
        hotel.environment["TZ"] = "UTC"
        return hotel
    }

    init() throws {
        try sandbox.copySample()
    }

    @Test func linesCSVAndJSONAgreeAndAddUp() throws {
        let lines = try hotel.run(["occupancy", "--from", "2024-05-01", "--nights", "5"]).lines
        #expect(lines.count == 6)
        #expect(lines.last?.hasPrefix("total\t") == true)
        // Every night: occupied + free + out of service = 12 rooms; the total sums the nights.
        let rows = lines.map { $0.split(separator: "\t").map(String.init) }
        for fields in rows.dropLast() { #expect(Int(fields[1])! + Int(fields[2])! + Int(fields[3])! == 12) }
        #expect(rows.dropLast().map { Int($0[1])! }.reduce(0, +) == Int(rows.last![1])!)
        // Occupied nights are those `hotel bookings` lists as active, checked in or checked out.
        for fields in rows.dropLast() {
            let night = fields[0]
            let staying = try hotel.run(["bookings", "--from", night, "--to", String(night.prefix(8)) + String(format: "%02d", Int(night.suffix(2))! + 1)]).lines
                .filter { ["active", "checked-in", "checked-out"].contains($0.split(separator: "\t").last.map(String.init) ?? "") }
            #expect(Int(fields[1]) == staying.count, "\(night)")
        }
        let csv = try hotel.run(["occupancy", "--from", "2024-05-01", "--nights", "5", "--by", "type", "--csv"]).lines
        #expect(csv.first == "type,occupied,free,out_of_service,rate")
        #expect(csv.last?.hasPrefix("total,\(rows.last![1]),\(rows.last![2]),\(rows.last![3]),0.") == true)
        let json = try hotel.run(["occupancy", "--from", "2024-05-28", "--to", "2024-06-01", "--by", "room", "--type", "standard", "--json"]).stdout
        #expect(json.hasPrefix(#"{"from":"2024-05-28","to":"2024-06-01","by":"room","rows":[{"key":"Garden","occupied":0,"free":1,"outOfService":3,"rate":0.0000}"#))
        #expect(try hotel.run(["occupancy", "--from", "2024-05-01", "--nights", "5", "--by", "floor"]).status == 64)
        #expect(try hotel.run(["occupancy", "--from", "2024-05-01", "--nights", "5", "--csv", "--json"]).status == 64)
    }
}
