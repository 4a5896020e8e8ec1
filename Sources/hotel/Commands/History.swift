import BookingCore

extension Subcommand {
    /// `hotel history ID`
    static let history = Subcommand(
        spec: CommandSpec(
            name: "history", abstract: "Print every event of one booking, hold or block, oldest first.",
            arguments: [("id", "A booking, hold or block id, such as bk7q2mxa3d (in any case).")], positionalCount: 1...1,
            discussion: "One line per event, three tab-separated fields: position, recorded time (ISO 8601 UTC), and what happened in words ('booked Blue 2024-05-01..2024-05-03 for client 42', 'moved to Green 2024-05-01..2024-05-04', 'checked in on 2024-05-01', ...). With --json: {\"id\":...,\"events\":[{\"position\",\"recordedAt\",\"type\",\"summary\",\"data\"}]}."),
        options: AsOfOption(), Flag.json,
        run: { (arguments, context, _, json) throws(CommandLineError) in
            let typed = try arguments.bookingID()
            try context.requireStore()
            let last = context.past?.position
            // The id as the store holds it (BKPEKH1OMN names bkpekh10mn); an unknown one, with the nearest.
            let (id, events) = try context.query { (desk) throws(HotelError) in
                try desk.onID(typed) { (id) throws(HotelError) in
                    var events: [(SequencedEvent, DomainEvent)] = []
                    var failure: EventDataError?
                    do throws(EventStoreError) {
                        try context.store.forEachLine(about: .booking(id), through: last) { line, _ in
                            guard let recorded = try? EventLine.decode(UnsafeBufferPointer(rebasing: line.dropLast())) else { return false }
                            do throws(EventDataError) { events.append((recorded, try DomainEvent(recorded))) } catch {
                                failure = error
                                return false
                            }
                            return true
                        }
                    } catch {
                        throw .store(error)
                    }
                    if let failure { throw .invalidEvent(failure) }
                    guard !events.isEmpty else { throw .rejected(.unknownBooking(id)) }
                    return (id, events)
                }
            }
            if json {
                context.json(.object([
                    "id": .string(id.rawValue),
                    "events": .array(events.map { recorded, event in
                        .object([
                            "position": .integer(recorded.position.rawValue), "recordedAt": .string(recorded.recordedAt),
                            "type": .string(recorded.event.type), "summary": .string(event.summary), "data": .object(recorded.event.data),
                        ])
                    }),
                ]))
            } else {
                for (recorded, event) in events { context.line("\(recorded.position)\t\(recorded.recordedAt)\t\(event.summary)") }
            }
        })
}
