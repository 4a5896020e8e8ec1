import Foundation
import HotelTestSupport
import Testing
@testable import BookingCore

extension Reliability {
    /// 6. The line parser against random and mutated lines from a fixed seed, checked against Foundation's
    /// `JSONSerialization`: never a crash, and never more lenient than it.
    struct Fuzz {
        static let seeds: [String] = [
            #"{"position":1,"type":"RoomAdded","tags":["room:Blue"],"data":{"room":"Blue"},"recordedAt":"2024-05-01T08:00:00Z"}"#,
            #"{"position":12,"type":"RoomBooked","tags":["booking:bk1","room:Grün","client:42"],"data":{"bookingId":"bk1","client":"42","room":"Grün","arrival":"2024-05-01","departure":"2024-05-03"},"recordedAt":"x"}"#,
            #"{"a":[1,-2.5e10,true,false,null,"\u00e9\ud83d\ude00\n\t\"\\"],"b":{}}"#,
        ]
        static let alphabet = Array(#"{}[]:,"\ntrufalsn0123456789-+.eE \/ubx"#.utf8) + [0, 0x80, 0xC3, 0xA9, 0xFF, 0x0A, 0x0D]

        @Test func theParserNeverCrashesAndIsNeverMoreLenientThanFoundation() throws {
            var random = SplitMix(seed: 66)
            var accepted = 0, rejected = 0, decodedEnvelopes = 0
            var disagreements: [String] = []
            for i in 0..<Scale.current.fuzzIterations {
                var bytes: [UInt8]
                if i % 4 == 0 {
                    bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in Self.alphabet.randomElement(using: &random)! }
                } else {
                    bytes = Array(Self.seeds.randomElement(using: &random)!.utf8)
                    for _ in 0..<Int.random(in: 1...3, using: &random) {
                        let at = Int.random(in: 0..<bytes.count, using: &random)
                        switch Int.random(in: 0..<3, using: &random) {
                        case 0: bytes[at] = Self.alphabet.randomElement(using: &random)!
                        case 1: bytes.remove(at: at)
                        default: bytes.insert(Self.alphabet.randomElement(using: &random)!, at: at)
                        }
                        if bytes.isEmpty { break }
                    }
                }
                let ours = try? JSONParser.parse(bytes)
                let theirs = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
                if ours != nil { accepted += 1 } else { rejected += 1 }
                if ours != nil && theirs == nil, disagreements.count < 5 {
                    disagreements.append(String(decoding: bytes, as: UTF8.self))
                }
                if (try? bytes.withUnsafeBufferPointer { try EventLine.decode($0) }) != nil { decodedEnvelopes += 1 }
            }
            #expect(disagreements.isEmpty, "accepted by us, rejected by Foundation: \(disagreements)")
            Reliability.figures("fuzz", "\(Scale.current.fuzzIterations) inputs (seed 66): \(accepted) accepted, \(rejected) rejected, \(decodedEnvelopes) valid envelopes; 0 crashes, 0 accepted that Foundation rejects")
        }
    }
}
