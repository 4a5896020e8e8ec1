import Foundation
import HotelTestSupport
import Testing

/// `rooms add --type` with a new type one or two edits from an existing one is a typo until said otherwise:
/// refused with the nearest type unless `--new-type` is given.
struct NewRoomTypeTests {
    let sandbox = Sandbox()
    var hotel: HotelProcess { sandbox.hotel(now: "2024-05-01T10:00:00Z") }

    init() throws {
        try #require(hotel.run(["rooms", "add", "201", "202", "--type", "family"]).status == 0)
        try #require(hotel.run(["rooms", "add", "101", "--type", "double"]).status == 0)
    }

    static func refusal(_ type: String, near existing: String) -> String {
        "hotel: error: room type '\(type)' is new and close to '\(existing)' (did you mean '\(existing)'?); give --new-type to add it as a new type\n"
    }

    @Test(arguments: ["famliy", "Family", "famly", "familyy", "fmly"])
    func aNewTypeWithinTwoEditsOfAnExistingOneIsRefused(_ type: String) throws {
        let before = sandbox.hotel.storeBytes()
        #expect(try hotel.run(["rooms", "add", "209", "--type", type]) == .init(stdout: "", stderr: Self.refusal(type, near: "family"), status: 1))
        #expect(sandbox.hotel.storeBytes() == before)
    }

    @Test func withNewTypeItIsAdded() throws {
        #expect(try hotel.run(["rooms", "add", "209", "--type", "famliy", "--new-type"]) == .init(stdout: "209\n", stderr: "", status: 0))
        #expect(try hotel.run(["rooms", "--type", "famliy"]).stdout == "209\n")
        #expect(try hotel.run(["rooms", "--type", "family"]).stdout == "201\n202\n")
    }

    @Test func anExistingTypeOrOneFarFromEveryTypeNeedsNoOption() throws {
        #expect(try hotel.run(["rooms", "add", "203", "--type", "family"]).stdout == "203\n")
        #expect(try hotel.run(["rooms", "add", "301", "--type", "suite"]).stdout == "301\n")
        #expect(try hotel.run(["rooms", "add", "401", "--type", "fam"]).stdout == "401\n")
    }

    @Test func aBatchLineIsRefusedOrAddedAlike() throws {
        let result = try hotel.run(["batch"], input: "rooms add 211 --type doubel\nrooms add 211 --type doubel --new-type\n")
        #expect(result.lines == ["error: " + Self.refusal("doubel", near: "double").dropFirst("hotel: error: ".count).dropLast(), "211"], "\(result)")
        #expect(result.status == 1)
    }

    @Test func helpAndCompletionsOfferTheOption() throws {
        let help = try hotel.run(["rooms", "add", "--help"]).stdout
        #expect(help.contains("USAGE: hotel rooms add [--type <type>] [--new-type] [--store <path|url>] <name> ..."), "\(help)")
        #expect(help.contains("\n  --new-type "))
        for shell in ["bash", "zsh", "fish"] {
            #expect(try hotel.run(["completions", shell]).stdout.contains("new-type"), "\(shell)")
        }
    }
}
